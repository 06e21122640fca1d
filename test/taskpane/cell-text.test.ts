/** The preview grid shows numbers as the cell's format asks, as Excel would. */
import { cellText } from '../../src/taskpane/preview/cell-text';

describe('a cell in the sheet preview', () => {
  it('groups thousands only where the format asks', () => {
    expect(cellText(202401, 'General', 'nb')).toBe('202401');
    expect(cellText(5492500, '#,##0.00', 'nb')).toBe('5\u00a0492\u00a0500,00');
    expect(cellText(-1234567, '#,##0', 'en')).toBe('-1,234,567');
    expect(cellText(1234.5, '0.0', 'en')).toBe('1234.5');
    expect(cellText(-0.0348, '0.0%', 'nb')).toBe('\u22123,5\u00a0%');
  });
});

describe('a word shown by a number format', () => {
  it('shows the section for the number’s sign when that section is a word alone, as the bridge’s verdict', () => {
    const verdict = '"Overdekket";"Udekket";"Dekket"';
    expect(cellText(-8.1, verdict, 'nb')).toBe('Udekket');
    expect(cellText(4.4, verdict, 'nb')).toBe('Overdekket');
    expect(cellText(0, verdict, 'nb')).toBe('Dekket');
    expect(cellText(-8.1, '#,##0.0;"\u2212"#,##0.0', 'nb')).toBe('\u22128,1');
  });
});
