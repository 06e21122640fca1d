import fc from 'fast-check';
import { collapseSpaces, normaliseByPatterns, normaliseName, splitByPatterns, splitLabel } from '../../src/core/labels';

describe('splitLabel', () => {
  it.each([
    ['512 Verksamhetsstöd', '512', 'Verksamhetsstöd'],
    ['1 LØNN', '1', 'LØNN'],
    ['2 ANDRE D', '2', 'ANDRE D'],
    ['P04 Helse', 'P04', 'Helse'],
    ['P06 Hjemmetjenester og institusjon', 'P06', 'Hjemmetjenester og institusjon'],
    ['1.2 Hjemmetjeneste', '1.2', 'Hjemmetjeneste'],
    ['512 - Verksamhetsstöd', '512', 'Verksamhetsstöd'],
    ['4100: Sykehjem', '4100', 'Sykehjem'],
    ['512\u00a0Verksamhetsstöd', '512', 'Verksamhetsstöd'],
  ])('%s → key %s, name %s', (label, key, name) => {
    expect(splitLabel(label)).toEqual({ key, name });
  });

  it('keys a label without a code by its normalised name', () => {
    expect(splitLabel('  Hjemmetjenesten   Nord. ')).toEqual({ key: 'hjemmetjenesten nord', name: 'Hjemmetjenesten Nord.' });
    expect(splitLabel('Äldreomsorg')).toEqual({ key: 'äldreomsorg', name: 'Äldreomsorg' });
  });

  it('keys a bare code or a number cell by itself', () => {
    expect(splitLabel(1100)).toEqual({ key: '1100', name: '1100' });
    expect(splitLabel('p04')).toEqual({ key: 'P04', name: 'p04' });
  });
});

describe('normaliseName', () => {
  it('matches names written differently', () => {
    expect(normaliseName('Hjemmetjeneste\u00a0 NORD:')).toBe('hjemmetjeneste nord');
    // NFC: a decomposed ø/ö matches the composed one.
    expect(normaliseName('Verksamhetssto\u0308d')).toBe(normaliseName('Verksamhetsstöd'));
  });

  it('normalises every text as the patterns do (the shortcut for plain names included)', () => {
    const chars = fc.constantFrom(...'0aZøÆÖé .,:;!?*-\u00a0\u2009\t\u0308ŁİẞÿµßΣ'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((cs) => cs.join('')), (text) => {
        expect(normaliseName(text)).toBe(normaliseByPatterns(text));
      }),
      { numRuns: 20000 },
    );
    expect(normaliseName('Sykehjem Nord.')).toBe('sykehjem nord');
    expect(normaliseName('')).toBe('');
  });
});

describe('splitLabel on labels of every shape', () => {
  // Digits, separators, letters (Latin-1 and beyond), spaces of several kinds: the shortcut for
  // `512 Verksamhetsstöd` must split every text exactly as the patterns do.
  const chars = fc.constantFrom(...'0123456789 -:.,%/ABPaøéłŁ\u00a0\u2013\u2009\t\n'.split(''));
  it('splits as the patterns do', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }).map((cs) => cs.join('')), (text) => {
        expect(splitLabel(text)).toEqual(splitByPatterns(collapseSpaces(text)));
      }),
      { numRuns: 20000 },
    );
  });

  it('splits the commonest shapes as before', () => {
    expect(splitLabel('100000 Enhet 1')).toEqual({ key: '100000', name: 'Enhet 1' });
    expect(splitLabel('512 - Verksamhetsstöd')).toEqual({ key: '512', name: 'Verksamhetsstöd' });
    expect(splitLabel('1.2 Hjemmetjeneste')).toEqual({ key: '1.2', name: 'Hjemmetjeneste' });
    expect(splitLabel('12,5 % av lønn')).toEqual({ key: '12,5 % av lønn', name: '12,5 % av lønn' });
    expect(splitLabel('2024 ')).toEqual({ key: '2024', name: '2024' });
  });
});

