import fc from 'fast-check';
import Decimal from 'decimal.js';
import { dec } from '../../src/core/money';
import {
  decimalFromCellNumber,
  decimalsOfFormat,
  isDateFormat,
  numberStyleOf,
  parseNumberText,
  periodFromSerial,
  readAmount,
  type ParsedNumber,
} from '../../src/core/numbers';
import type { Language } from '../../src/core/sources';

function value(p: ParsedNumber): string {
  if (p.kind !== 'number') throw new Error(`expected a number, got ${p.kind}`);
  return p.value.toFixed();
}

function num(text: string, lang: Language | null = 'nb'): string {
  return value(parseNumberText(text, lang));
}

describe('decimalFromCellNumber', () => {
  it('undoes float noise the way Excel shows the value', () => {
    expect(decimalFromCellNumber(83821049.19999999).toFixed()).toBe('83821049.2');
    expect(decimalFromCellNumber(152663978.20000002).toFixed()).toBe('152663978.2');
    expect(decimalFromCellNumber(83973809.80000001).toFixed()).toBe('83973809.8');
    expect(decimalFromCellNumber(0.1 + 0.2).toFixed()).toBe('0.3');
  });
  it('keeps integers exactly, and zero without a sign', () => {
    expect(decimalFromCellNumber(1113438321).toFixed()).toBe('1113438321');
    expect(decimalFromCellNumber(-0).toFixed()).toBe('0');
    expect(decimalFromCellNumber(-5506085.4).toFixed()).toBe('-5506085.4');
  });
});

describe('decimalsOfFormat', () => {
  it.each([
    ['#,##0', 0],
    ['# ##0', 0],
    ['#,##0.00', 2],
    ['0.0%', 3],
    ['0%', 2],
    ['#,##0,', -3],
    ['#,##0,,', -6],
    ['0.0', 1],
    ['[Red]#,##0.00;[Blue]-#,##0.00', 2],
    ['#,##0 "kr";-#,##0 "kr"', 0],
    ['#,##0\\ "kr.0"', 0],
    ['_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)', 2],
    ['[$-409]#,##0', 0],
    ['#,##0.0;[Red]-#,##0.0', 1],
  ])('%s shows %d decimals', (code, d) => {
    expect(decimalsOfFormat(code)).toBe(d);
  });
  it.each(['General', '@', 'yyyy-mm-dd', 'mmm yy', ''])('%s shows the value in full (null)', (code) => {
    expect(decimalsOfFormat(code)).toBeNull();
  });
});

describe('dates', () => {
  it.each(['mm-dd-yy', 'm/d/yyyy', 'd-mmm-yy', 'd-mmm', 'mmm-yy', 'h:mm', 'm/d/yy h:mm', 'mmm yy', 'yyyy-mm-dd', '[$-414]mmmm yyyy;@', 'dd.mm.yyyy', '14', '17'])(
    '%s is a date format',
    (code) => {
      expect(isDateFormat(code)).toBe(true);
    },
  );
  it.each(['General', '#,##0', '0.0%', '#,##0 "kr"', '@', '[Red]0.00'])('%s is not a date format', (code) => {
    expect(isDateFormat(code)).toBe(false);
  });
  it('reads the month of a serial, with the 1900 leap-year bug', () => {
    expect(periodFromSerial(44562)).toBe('2022-01');
    expect(periodFromSerial(44593)).toBe('2022-02');
    expect(periodFromSerial(1)).toBe('1900-01');
    expect(periodFromSerial(59)).toBe('1900-02');
    expect(periodFromSerial(60)).toBe('1900-02');
    expect(periodFromSerial(61)).toBe('1900-03');
    expect(periodFromSerial(45382.5)).toBe('2024-03');
    expect(periodFromSerial(0)).toBeNull();
  });
});

describe('parseNumberText', () => {
  it('reads thousands grouped by every kind of space', () => {
    for (const sp of [' ', '\u00a0', '\u202f', '\u2009']) {
      expect(num(`67${sp}579${sp}886`, null)).toBe('67579886');
    }
  });
  it('reads Norwegian period groups and English comma groups', () => {
    expect(num('1.176.977', null)).toBe('1176977');
    expect(num('1,176,977', null)).toBe('1176977');
    expect(num('1 176 977,50', null)).toBe('1176977.5');
    expect(num('1.176.977,50', null)).toBe('1176977.5');
    expect(num('1,176,977.50', null)).toBe('1176977.5');
  });
  it('reads minus signs as people write them', () => {
    expect(num('- 12.749', 'nb')).toBe('-12749');
    expect(num('\u221212 749')).toBe('-12749');
    expect(num('\u201312 749')).toBe('-12749');
    expect(num('(1 234)')).toBe('-1234');
    expect(num('1234-')).toBe('-1234');
    expect(num('+1 234')).toBe('1234');
  });
  it('reads percentages as fractions with the decimals shown', () => {
    const p = parseNumberText('- 3,5%', 'nb');
    expect(p).toMatchObject({ kind: 'number', isPercent: true, decimals: 3 });
    expect(value(p)).toBe('-0.035');
    expect(num('-3.5 %', 'en')).toBe('-0.035');
    expect(num('12,5 %')).toBe('0.125');
    expect(num('\u22123,5\u00a0%')).toBe('-0.035');
  });
  it('reads units next to the number', () => {
    expect(parseNumberText('10,0 mill.', 'nb')).toMatchObject({ kind: 'number', unit: 'mkr', decimals: 1 });
    expect(num('10,0 mill.')).toBe('10');
    expect(parseNumberText('kr 1 234', 'nb')).toMatchObject({ unit: 'kr' });
    expect(num('kr 1 234')).toBe('1234');
    expect(parseNumberText('1 234 kr', 'nb')).toMatchObject({ unit: 'kr' });
    expect(parseNumberText('1 234,-', 'nb')).toMatchObject({ unit: 'kr', decimals: 0 });
    expect(num('1 234,-')).toBe('1234');
    expect(parseNumberText('250 tkr', 'sv')).toMatchObject({ unit: 'tkr' });
    expect(parseNumberText('12 345 1000 kr', 'nb')).toMatchObject({ unit: 'tkr' });
    expect(num('12 345 1000 kr')).toBe('12345');
    expect(parseNumberText('1 000 kr', 'nb')).toMatchObject({ unit: 'kr' });
    expect(num('1 000 kr')).toBe('1000');
    expect(parseNumberText('3,2 mill. kr', 'nb')).toMatchObject({ unit: 'mkr' });
    expect(parseNumberText('4 mkr', 'sv')).toMatchObject({ unit: 'mkr' });
    expect(parseNumberText('12 MNOK', 'nb')).toMatchObject({ unit: 'mkr' });
    expect(parseNumberText('-1,5 MNOK', 'nb')).toMatchObject({ unit: 'mkr' });
    expect(num('-1,5 MNOK')).toBe('-1.5');
    expect(parseNumberText('1 234 NOK', 'nb')).toMatchObject({ unit: 'kr' });
  });
  it('follows the language for a lone separator followed by three digits', () => {
    expect(num('1.234', 'nb')).toBe('1234');
    expect(num('1.234', 'da')).toBe('1234');
    expect(num('1,5', 'nb')).toBe('1.5');
    expect(num('1,234', 'nb')).toBe('1.234');
    expect(num('1,234', 'sv')).toBe('1.234');
    expect(num('1,234', 'en')).toBe('1234');
    expect(num('1.5', 'en')).toBe('1.5');
    expect(num('1.234', 'en')).toBe('1.234');
  });
  it('gives both readings when the language is unknown and the text could be either', () => {
    const p = parseNumberText('1,234', null);
    expect(p.kind).toBe('ambiguous');
    if (p.kind !== 'ambiguous') return;
    expect(p.readings.map((r) => r.value.toFixed())).toEqual(['1.234', '1234']);
    expect(parseNumberText('1.234', null).kind).toBe('ambiguous');
    expect(parseNumberText('- 12.749', null).kind).toBe('ambiguous');
  });
  it('is unambiguous without a language when the text tells', () => {
    expect(num('1,5', null)).toBe('1.5');
    expect(num('1 234,5', null)).toBe('1234.5');
    expect(num('0,125', null)).toBe('0.125');
    expect(num('1234,567', null)).toBe('1234.567');
    expect(num('12,75', null)).toBe('12.75');
  });
  it('refuses what is not a number', () => {
    for (const t of ['', 'abc', '1 LØNN', 'P06', '2021-01', '12 34', '1.2.3', '1,,2', '--5', 'kr', '%', '1 234 567 8', '(-5)', '1.234,5.6']) {
      expect(parseNumberText(t, null).kind).toBe('not-a-number');
    }
  });
  it('reads scientific notation', () => {
    expect(num('1.5E+06', null)).toBe('1500000');
  });
});

describe('numberStyleOf', () => {
  it('tells the separators from the unambiguous numbers around', () => {
    expect(numberStyleOf(['1.176.977', '1.234'])).toBe('nb');
    expect(numberStyleOf(['1 234,50', '1.234'])).toBe('nb');
    expect(numberStyleOf(['1,176,977', '1.5'])).toBe('en');
    expect(numberStyleOf(['1.234', 'abc'])).toBeNull();
  });
});

describe('readAmount', () => {
  it('reads a numeric cell with the decimals its format shows', () => {
    const r = readAmount(147910283.6, '# ##0', "'Regnskap'!D5", 'nb');
    expect(r.amount?.value.toFixed()).toBe('147910283.6');
    expect(r.amount?.decimals).toBe(0);
    expect(r.amount?.cell).toBe("'Regnskap'!D5");
    expect(r.finding).toBeNull();
  });
  it('takes a percent-format cell as a fraction', () => {
    const r = readAmount(-0.035, '0.0%', 'T!F5', null);
    expect(r.isPercent).toBe(true);
    expect(r.amount?.value.toFixed()).toBe('-0.035');
    expect(r.amount?.decimals).toBe(3);
  });
  it('reads pasted text with the decimals as written', () => {
    const r = readAmount('- 3,5%', 'General', 'T!F6', 'nb');
    expect(r.amount?.value.toFixed()).toBe('-0.035');
    expect(r.amount?.decimals).toBe(3);
    expect(r.isPercent).toBe(true);
    const u = readAmount('10,0 mill.', 'General', 'T!B2', 'nb');
    expect(u.unit).toBe('mkr');
    expect(u.amount?.decimals).toBe(1);
  });
  it('names the cell of an error value', () => {
    const r = readAmount({ error: '#REF!' }, 'General', "'Budget 2024'!D7", 'nb');
    expect(r.amount).toBeNull();
    expect(r.finding).toEqual({ code: 'cell-error', cell: "'Budget 2024'!D7", line: null, params: { error: '#REF!' } });
  });
  it('names the cell of unreadable text', () => {
    const r = readAmount('ca. hundre', 'General', 'T!B9', 'nb');
    expect(r.amount).toBeNull();
    expect(r.finding).toMatchObject({ code: 'unreadable-number', cell: 'T!B9', params: { text: 'ca. hundre' } });
  });
  it('reads an ambiguous number as thousands and says so, naming the cell', () => {
    const r = readAmount('1.234', 'General', 'T!C3', null);
    expect(r.amount?.value.toFixed()).toBe('1234');
    expect(r.finding).toMatchObject({ code: 'ambiguous-number', cell: 'T!C3', params: { text: '1.234', readings: '1.234 | 1234' } });
  });
  it('gives nothing for empty cells and dashes', () => {
    expect(readAmount(null, 'General', 'A1', 'nb')).toMatchObject({ amount: null, finding: null });
    expect(readAmount('  ', 'General', 'A1', 'nb')).toMatchObject({ amount: null, finding: null });
    expect(readAmount('-', 'General', 'A1', 'nb')).toMatchObject({ amount: null, finding: null });
  });
});

// ------------------------------------------------------------------------------------------------
// Properties: whatever style a number is written in, it reads back exactly.
// ------------------------------------------------------------------------------------------------

/** A decimal with up to 12 integer digits and `d` decimals, as an exact string. */
const decimalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 2 }))
  .map(([n, d]) => ({ value: new Decimal(n.toString()).div(new Decimal(10).pow(d)), d }));

function groupDigits(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function formatStyle(v: Decimal, d: number, group: string, decimal: string, minus: string): string {
  const abs = v.abs().toFixed(d);
  const [int, frac] = abs.split('.');
  const body = groupDigits(int, group) + (frac ? decimal + frac : '');
  return v.isNegative() && !v.isZero() ? minus + body : body;
}

describe('number reader properties', () => {
  const intl = (locale: string, v: Decimal, d: number): string =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v.toNumber());

  it('reads back what Intl writes in Norwegian, Swedish, Danish and English', () => {
    const cases: readonly (readonly [string, Language])[] = [
      ['nb-NO', 'nb'],
      ['sv-SE', 'sv'],
      ['da-DK', 'da'],
      ['en-US', 'en'],
    ];
    fc.assert(
      fc.property(decimalArb, ({ value: v, d }) => {
        for (const [locale, lang] of cases) {
          const text = intl(locale, v, d);
          const p = parseNumberText(text, lang);
          if (p.kind !== 'number' || !p.value.eq(dec(v))) throw new Error(`${locale} "${text}" read as ${JSON.stringify(p)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads back Norwegian periods, detached minus and space groups, in nb and without a language', () => {
    fc.assert(
      fc.property(decimalArb, fc.constantFrom(' ', '\u00a0', '\u202f', '\u2009'), ({ value: v, d }, space) => {
        const styles = [
          formatStyle(v, d, '.', ',', '- '),
          formatStyle(v, d, space, ',', '\u2212'),
          formatStyle(v, d, space, ',', '- '),
          formatStyle(v, d, '', ',', '-'),
        ];
        for (const text of styles) {
          const nb = parseNumberText(text, 'nb');
          if (nb.kind !== 'number' || !nb.value.eq(dec(v))) throw new Error(`nb "${text}" read as ${JSON.stringify(nb)}`);
          const unknown = parseNumberText(text, null);
          const ok =
            (unknown.kind === 'number' && unknown.value.eq(dec(v))) ||
            (unknown.kind === 'ambiguous' && unknown.readings.some((r) => r.value.eq(dec(v))));
          if (!ok) throw new Error(`null "${text}" read as ${JSON.stringify(unknown)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads back English commas, with and without a language', () => {
    fc.assert(
      fc.property(decimalArb, ({ value: v, d }) => {
        const text = formatStyle(v, d, ',', '.', '-');
        const en = parseNumberText(text, 'en');
        if (en.kind !== 'number' || !en.value.eq(dec(v))) throw new Error(`en "${text}" read as ${JSON.stringify(en)}`);
        const unknown = parseNumberText(text, null);
        const ok =
          (unknown.kind === 'number' && unknown.value.eq(dec(v))) || (unknown.kind === 'ambiguous' && unknown.readings.some((r) => r.value.eq(dec(v))));
        if (!ok) throw new Error(`null "${text}" read as ${JSON.stringify(unknown)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back percentages written by Intl', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.constantFrom<readonly [string, Language]>(['nb-NO', 'nb'], ['sv-SE', 'sv'], ['en-US', 'en']), (n, [locale, lang]) => {
        const fraction = new Decimal(n).div(10000);
        const text = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fraction.toNumber());
        const p = parseNumberText(text, lang);
        if (p.kind !== 'number' || !p.isPercent || !p.value.eq(dec(fraction)) || p.decimals !== 4) {
          throw new Error(`${locale} "${text}" read as ${JSON.stringify(p)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom<Language | null>('nb', 'sv', 'da', 'en', null), (s, lang) => {
        const p = parseNumberText(s, lang);
        expect(['number', 'ambiguous', 'not-a-number']).toContain(p.kind);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[-+( ]{0,2}[0-9 .,\u00a0\u2212%()-]{0,14}( ?(kr|tkr|mill\.|%))?$/), (s) => {
        const p = parseNumberText(s, null);
        expect(['number', 'ambiguous', 'not-a-number']).toContain(p.kind);
      }),
      { numRuns: 1000 },
    );
  });
});
