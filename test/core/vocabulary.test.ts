import fc from 'fast-check';
import {
  columnRole,
  dataCaption,
  detectLanguage,
  isColumnLabelsHeader,
  isGrandTotalLabel,
  isRowLabelsHeader,
  keyFigureKind,
  languageScore,
  measuresHeader,
  roleOfText,
  totalLabel,
  unitInText,
} from '../../src/core/vocabulary';

describe('pivot words', () => {
  it.each([
    ['Summer av Beløp', 'Beløp', 'nb', 'sum'],
    ['Antall av Beløp', 'Beløp', 'nb', 'count'],
    ['Summa av Belopp', 'Belopp', 'sv', 'sum'],
    ['Sum af Beløb', 'Beløb', 'da', 'sum'],
    ['Sum of Amount', 'Amount', 'en', 'sum'],
    ['Count of Amount', 'Amount', 'en', 'count'],
    ['Sum - Beløp', 'Beløp', null, 'sum'],
  ])('%s is a data caption of %s', (text, field, language, aggregate) => {
    expect(dataCaption(text)).toEqual({ field, language, aggregate, total: false });
  });
  it('tells a total column caption', () => {
    expect(dataCaption('Totalt Summer av Budsjett')).toMatchObject({ field: 'Budsjett', total: true });
    expect(dataCaption('Total Sum of Budget')).toMatchObject({ field: 'Budget', total: true });
  });
  it('knows the row and column label headers and grand totals', () => {
    for (const t of ['Radetiketter', 'Rækkenavne', 'Row Labels']) expect(isRowLabelsHeader(t)).toBe(true);
    for (const t of ['Kolonneetiketter', 'Kolumnetiketter', 'Kolonnenavne', 'Column Labels']) expect(isColumnLabelsHeader(t)).toBe(true);
    for (const t of ['Totalsum', 'Totalsumma', 'Hovedtotal', 'Grand Total', 'Total Result']) expect(isGrandTotalLabel(t)).toBe(true);
    expect(isGrandTotalLabel('1 LØNN')).toBe(false);
  });
});

describe('total labels', () => {
  it.each(['Sum', 'Total', 'Totalt', 'Summa', 'I alt', 'Samlet', 'Totalsum', 'Grand Total', 'Total Result'])('%s is a total', (t) => {
    expect(totalLabel(t)).toEqual({ kind: 'total' });
  });
  it.each([
    ['1100 Totalt', '1100'],
    ['512 Summa', '512'],
    ['Ældrepleje I alt', 'Ældrepleje'],
    ['Health Total', 'Health'],
  ])('%s is the subtotal of %s', (t, item) => {
    expect(totalLabel(t)).toEqual({ kind: 'subtotal', item });
  });
  it('knows named totals and ordinary labels', () => {
    expect(totalLabel('Sum drift')).toEqual({ kind: 'named', name: 'drift' });
    expect(totalLabel('Summa kostnader')).toEqual({ kind: 'named', name: 'kostnader' });
    for (const t of ['1 LØNN', 'Summer av Beløp', 'Hjemmetjenesten', 'Sykehjem']) expect(totalLabel(t)).toBeNull();
  });
});

describe('column roles', () => {
  it.each([
    ['Budsjett', 'budget'],
    ['Budget', 'budget'],
    ['Budsjet', 'budget'],
    ['Revidert budsjett', 'budget'],
    ['Justert budsjett', 'budget'],
    ['Rev. budsjett', 'budget'],
    ['Periodisert budsjett', 'budget'],
    ['Budsjett hittil i år', 'budget'],
    ['Budsjett hiå', 'budget'],
    ['Budsjett pr periode', 'budget'],
    ['Budget ack.', 'budget'],
    ['Budget perioden', 'budget'],
    ['Periodens budget', 'budget'],
    ['Budget period', 'budget'],
    ['Revised budget', 'budget'],
    ['Årsbudsjett', 'annual-budget'],
    ['Årsbudget', 'annual-budget'],
    ['Helårsbudget', 'annual-budget'],
    ['Budsjett år', 'annual-budget'],
    ['Budsjett hele året', 'annual-budget'],
    ['Annual budget', 'annual-budget'],
    ['Full-year budget', 'annual-budget'],
    ['Regnskap', 'actual'],
    ['Regnskab', 'actual'],
    ['Regnskap hittil', 'actual'],
    ['Regnskap 2021 (kr)', 'actual'],
    ['Bokført', 'actual'],
    ['Utfall', 'actual'],
    ['Utfall ack.', 'actual'],
    ['Forbruk', 'actual'],
    ['Förbrukning', 'actual'],
    ['Forbrug', 'actual'],
    ['Faktisk', 'actual'],
    ['Actual', 'actual'],
    ['Actuals', 'actual'],
    ['Accounts', 'actual'],
    ['Outcome', 'actual'],
    ['Consumption', 'actual'],
    ['Spend', 'actual'],
    ['Regnskap i fjor', 'prior-actual'],
    ['Fjorårets regnskap', 'prior-actual'],
    ['Regnskap forrige år', 'prior-actual'],
    ['Utfall fg år', 'prior-actual'],
    ['Utfall föregående år', 'prior-actual'],
    ['Foregående år', 'prior-actual'],
    ['Last year', 'prior-actual'],
    ['Prior year', 'prior-actual'],
    ['Previous year actuals', 'prior-actual'],
    ['Prognose', 'forecast'],
    ['Prognos', 'forecast'],
    ['Årsprognose', 'forecast'],
    ['Helårsprognose', 'forecast'],
    ['Forecast', 'forecast'],
    ['Estimate', 'forecast'],
    ['Avvik', 'variance'],
    ['Avvikelse', 'variance'],
    ['Afvigelse', 'variance'],
    ['Variance', 'variance'],
    ['Deviation', 'variance'],
    ['Budgetavvikelse', 'variance'],
    ['Avvik i kr', 'variance'],
    ['Avvik %', 'variance-pct'],
    ['Avvik i %', 'variance-pct'],
    ['Avvikelse %', 'variance-pct'],
    ['Afvigelse %', 'variance-pct'],
    ['Variance %', 'variance-pct'],
    ['Prognoseavvik', 'forecast-variance'],
    ['Avvik prognose', 'forecast-variance'],
    ['Prognosavvikelse', 'forecast-variance'],
    ['Forecast variance', 'forecast-variance'],
    ['Avvik årsprognose', 'forecast-variance'],
  ])('%s holds %s', (header, measure) => {
    expect(columnRole(header)?.measure).toBe(measure);
  });
  it('reads year, unit and "so far" from a header', () => {
    expect(columnRole('Regnskap 2021 (kr)')).toEqual({ measure: 'actual', year: 2021, unit: 'kr', toDate: false });
    expect(columnRole('Budsjett hittil i år (tkr)')).toMatchObject({ measure: 'budget', unit: 'tkr', toDate: true });
  });
  it.each(['Enhet', 'Kommentar', 'Forbruk i %', 'Budsjettramme', 'Tiltak', ''])('%s names no measure', (h) => {
    expect(columnRole(h)).toBeNull();
  });
  it('gives a role from titles and sheet names', () => {
    expect(roleOfText('Regnskap')).toBe('actual');
    expect(roleOfText('Budsjett 2022')).toBe('budget');
    expect(roleOfText('Budget')).toBe('budget');
    expect(roleOfText('Utfall 2024')).toBe('actual');
    expect(roleOfText('Tallene er for «utøvende virksomheter»')).toBeNull();
    expect(roleOfText('Budsjettoppfølging februar')).toBeNull();
  });
});

describe('measures tables', () => {
  it.each([
    ['Tiltak', 'name'],
    ['Åtgärd', 'name'],
    ['Åtgärder', 'name'],
    ['Foranstaltning', 'name'],
    ['Measures', 'name'],
    ['Action', 'name'],
    ['Helårseffekt', 'full-year-effect'],
    ['Helårsvirkning', 'full-year-effect'],
    ['Årseffekt', 'full-year-effect'],
    ['Effekt helår', 'full-year-effect'],
    ['Full-year effect', 'full-year-effect'],
    ['Effekt 2022', 'effect-this-year'],
    ['Effekt i år', 'effect-this-year'],
    ['Effekt innevarande år', 'effect-this-year'],
    ['Budsjetteffekt', 'effect-this-year'],
    ['Effect this year', 'effect-this-year'],
    ['Status', 'status'],
    ['Ansvarlig', 'owner'],
    ['Ansvar', 'owner'],
    ['Ansvarig', 'owner'],
    ['Ägare', 'owner'],
    ['Owner', 'owner'],
    ['Responsible', 'owner'],
  ])('%s is the %s column', (h, column) => {
    expect(measuresHeader(h)?.column).toBe(column);
  });
  it('reads the year of "Effekt 2022" and the unit of a header', () => {
    expect(measuresHeader('Effekt 2022')).toEqual({ column: 'effect-this-year', year: 2022, unit: null });
    expect(measuresHeader('Helårseffekt (mill. kr)')).toMatchObject({ unit: 'mkr' });
    expect(measuresHeader('Status for tiltakene')).toBeNull();
  });
});

describe('units', () => {
  it.each([
    ['Regnskap 2021 (kr)', 'kr'],
    ['Beløp i kroner', 'kr'],
    ['i hele kroner', 'kr'],
    ['Budsjettramme (1000 kr)', 'tkr'],
    ['1000 kr', 'tkr'],
    ['Belopp i tkr', 'tkr'],
    ['tusen kroner', 'tkr'],
    ['Beløp i tusen', 'tkr'],
    ['TNOK', 'tkr'],
    ['kkr', 'tkr'],
    ['Tiltak (mill. kr)', 'mkr'],
    ['mill.', 'mkr'],
    ['mkr', 'mkr'],
    ['MNOK', 'mkr'],
    ['Beløp i millioner', 'mkr'],
  ])('%s is in %s', (t, unit) => {
    expect(unitInText(t)).toBe(unit);
  });
  it('names no unit in ordinary words', () => {
    for (const t of ['Regnskap', 'Krav', 'Tildelingspraksis', 'Status', '202101']) expect(unitInText(t)).toBeNull();
  });
});

describe('key figures', () => {
  it('tells frame, last accounts, measures total and gap', () => {
    expect(keyFigureKind('Budsjettramme (1000 kr)')).toBe('frame');
    expect(keyFigureKind('Regnskap 2021 (kr)')).toBe('prior-accounts');
    expect(keyFigureKind('Tiltak (mill. kr)')).toBe('measures-total');
    expect(keyFigureKind('Omstillingsbehov')).toBe('gap');
    expect(keyFigureKind('P06 Hjemmetjenester og institusjon')).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('tells the language from pivot words and budget vocabulary', () => {
    expect(detectLanguage(['Summer av Beløp', 'Kolonneetiketter', 'Radetiketter', 'Totalsum', '1 LØNN'])).toBe('nb');
    expect(detectLanguage(['Summa av Belopp', 'Kolumnetiketter', 'Radetiketter', 'Totalsumma'])).toBe('sv');
    expect(detectLanguage(['Sum af Beløb', 'Kolonnenavne', 'Rækkenavne', 'Hovedtotal'])).toBe('da');
    expect(detectLanguage(['Sum of Amount', 'Column Labels', 'Row Labels', 'Grand Total'])).toBe('en');
    expect(detectLanguage(['Enhet', 'Budsjett', 'Regnskap', 'Avvik'])).toBe('nb');
    expect(detectLanguage(['Verksamhet', 'Budget', 'Utfall', 'Avvikelse'])).toBe('sv');
    expect(detectLanguage(['Område', 'Budget', 'Forbrug', 'Afvigelse'])).toBe('da');
    expect(detectLanguage(['Unit', 'Budget', 'Actual', 'Variance'])).toBe('en');
  });
  it('says nothing when the words do not tell', () => {
    expect(detectLanguage([])).toBeNull();
    expect(detectLanguage(['123', 'P04', 'Budget'])).toBeNull();
  });
});

describe('languageScore', () => {
  it('scores plain text (the shortcut) as it scores the same text collapsed from spaced-out text (the patterns)', () => {
    // A trailing no-break space keeps a text off the shortcut; collapsing removes it again.
    const pieces = fc.constantFrom('1100', '7', ' ', 'Lønn', 'budsjett', 'Regnskap', 'Totalsum', 'ø', 'ä', 'æ', 'ª', 'µ', '×', '÷', 'x', '-', '.', 'Summer av ', '€');
    fc.assert(
      fc.property(fc.array(fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')), { maxLength: 6 }), (texts) => {
        const plain = texts.filter((t) => t.trim() === t && !t.includes('  '));
        expect(languageScore(plain)).toEqual(languageScore(plain.map((t) => `${t}\u00a0`)));
      }),
      { numRuns: 3000 },
    );
  });

  it('scores labels next to each other that differ only in their digits as it scores each alone', () => {
    // Neighbours of one shape take the shortcut (no shape made); any other text is shaped as always.
    const piece = fc.constantFrom('1100', '7', '0', '42', ' ', 'Lønn', 'Regnskap', 'Totalsum', 'ø', '-', '.', 'x', '€');
    const digits = fc.stringMatching(/^[0-9]{1,4}$/);
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.array(digits, { maxLength: 4 })), { maxLength: 8 }), (groups) => {
        // Each group: a text, then copies of it with its digit runs replaced.
        const texts = groups.flatMap(([t, swaps]) => [t, ...swaps.map((d) => t.replace(/[0-9]+/g, d))]);
        const alone = texts.map((t) => languageScore([t]));
        const sum = { nb: 0, sv: 0, da: 0, en: 0 };
        for (const a of alone) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += a[k];
        expect(languageScore(texts)).toEqual(sum);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a text with letters, not one of digits and signs alone', () => {
    expect(languageScore(['2024 Lønn 12', '2025 Lønn 7'])).toEqual({ nb: 2, sv: 0, da: 0, en: 0 });
    expect(languageScore(['12 345', '× 4', '-'])).toEqual({ nb: 0, sv: 0, da: 0, en: 0 });
  });
});
