import fc from 'fast-check';
import { formatDecimal, formatDigits, formatPercent } from '../../src/core/format';

describe('figures in running text', () => {
  it('groups thousands as Norwegians and Swedes read them, with the real minus sign', () => {
    expect(formatDecimal('-13207428.8', 'nb')).toBe('\u221213\u00a0207\u00a0428,8');
    expect(formatDecimal('1113438321', 'sv')).toBe('1\u00a0113\u00a0438\u00a0321');
    expect(formatDecimal('-137913', 'en')).toBe('-137,913');
  });

  it('rounds half up on the digits, never through floating point', () => {
    expect(formatDecimal('0.125', 'en', 2)).toBe('0.13');
    expect(formatDecimal('999.95', 'en', 1)).toBe('1,000.0');
    expect(formatDecimal('-0.4', 'nb', 0)).toBe('0');
    expect(formatDecimal('152663978.2', 'nb', 0)).toBe('152\u00a0663\u00a0978');
  });

  it('shows fractions as percentages with one decimal', () => {
    expect(formatPercent('-0.0348', 'nb')).toBe('\u22123,5\u00a0%');
    expect(formatPercent('0.0192', 'en')).toBe('1.9\u00a0%');
  });

  it('writes the same text through Intl as the digit formatter an old webview falls back on', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: null }))
      .map(([minus, int, frac]) => `${minus ? '-' : ''}${int}${frac === null ? '' : '.' + frac}`);
    fc.assert(
      fc.property(decimal, fc.constantFrom('nb', 'sv', 'en') as fc.Arbitrary<'nb' | 'sv' | 'en'>, fc.constantFrom(null, 0, 1, 2), (text, lang, decimals) => {
        expect(formatDecimal(text, lang, decimals)).toBe(formatDigits(text, lang, decimals));
      }),
      { numRuns: 500 },
    );
  });
});
