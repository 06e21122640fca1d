import { monthOfName, periodFromText, periodOfCell, timeInHeader, yearInText, yearOfCell } from '../../src/core/periods';

describe('period headers', () => {
  it.each([
    [202101, '2021-01'],
    ['202101', '2021-01'],
    ['2021-01', '2021-01'],
    ['2021/01', '2021-01'],
    ['2021.1', '2021-01'],
    ['2021M03', '2021-03'],
    ['01.2021', '2021-01'],
    ['1/2021', '2021-01'],
    ['2021-01-31', '2021-01'],
    ['31.01.2021', '2021-01'],
    ['jan 2021', '2021-01'],
    ['januar 2021', '2021-01'],
    ['Januari 2021', '2021-01'],
    ['January 2021', '2021-01'],
    ['Jan-21', '2021-01'],
    ['jan.21', '2021-01'],
    ["jan '21", '2021-01'],
    ['mars 2024', '2024-03'],
    ['marts 2024', '2024-03'],
    ['March 2024', '2024-03'],
    ['Mar-24', '2024-03'],
    ['mai 2022', '2022-05'],
    ['maj 2022', '2022-05'],
    ['May 2022', '2022-05'],
    ['juni 2022', '2022-06'],
    ['juli 2022', '2022-07'],
    ['aug. 2022', '2022-08'],
    ['augusti 2022', '2022-08'],
    ['sept. 2022', '2022-09'],
    ['okt 2022', '2022-10'],
    ['Oct-22', '2022-10'],
    ['nov 2022', '2022-11'],
    ['des 2022', '2022-12'],
    ['desember 2022', '2022-12'],
    ['dec 2022', '2022-12'],
    ['2022 feb', '2022-02'],
  ])('%s is %s', (header, period) => {
    expect(periodOfCell(header)).toBe(period);
  });

  it('reads real dates from numeric cells with a date format', () => {
    expect(periodOfCell(44562, 'mmm yy')).toBe('2022-01');
    expect(periodOfCell(44620, 'yyyy-mm-dd')).toBe('2022-02');
    expect(periodOfCell(44562, 'mm-dd-yy')).toBe('2022-01');
    expect(periodOfCell(44562, 'General')).toBeNull();
  });

  it('takes the year of a month name without one from the context, else gives no period', () => {
    expect(periodFromText('januar', 2022)).toBe('2022-01');
    expect(periodFromText('Feb', 2022)).toBe('2022-02');
    expect(periodFromText('mars', 2024)).toBe('2024-03');
    expect(periodFromText('des.', 2021)).toBe('2021-12');
    expect(periodFromText('januar', null)).toBeNull();
  });

  it('is not fooled by labels, amounts and years', () => {
    for (const v of ['Totalsum', 'Regnskap 2021', '1 LØNN', '2021', 2022, 147910283.6, 202113, '20211', 'Sum 2021', 'Radetiketter']) {
      expect(periodOfCell(v)).toBeNull();
    }
  });

  it('knows month names in four languages', () => {
    expect(['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'].map(monthOfName)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'].map(monthOfName)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(['marts', 'may', 'oct', 'dec', 'sept'].map(monthOfName)).toEqual([3, 5, 10, 12, 9]);
    expect(monthOfName('ma')).toBeNull();
    expect(monthOfName('sum')).toBeNull();
  });

  it('finds years in headers and titles', () => {
    expect(yearInText('Regnskap 2021 (kr)')).toBe(2021);
    expect(yearInText('Budgetuppföljning mars 2024 — belopp i tkr')).toBe(2024);
    expect(yearInText('202101')).toBeNull();
    expect(yearInText('Budsjett')).toBeNull();
    expect(yearOfCell(2022)).toBe(2022);
    expect(yearOfCell('2023')).toBe(2023);
    expect(yearOfCell(1000712)).toBeNull();
  });
});

describe('the year and months a role header names', () => {
  it.each([
    ['Utfall 2019-12', 2019, '01-12'],
    ['Budget 2020-12', 2020, '01-12'],
    ['Regnskap 2023 jan\u2013apr', 2023, '01-04'],
    ['Regnskap jan-apr 2024', 2024, '01-04'],
    ['Regnskap per april 2023', 2023, '01-04'],
    ['Budsjett 202304', 2023, '01-04'],
    ['Årsbudget 2020', 2020, null],
    ['Årsprognos 2020', 2020, null],
    ['Effekt i 2021', 2021, null],
    ['Revidert budsjett 2023', 2023, null],
    ['Budsjett 2024 (1 000 kr)', 2024, null],
    ['Avvikelse', null, null],
  ])('%s → %s, %s', (header, year, months) => {
    expect(timeInHeader(header)).toEqual({ year, months });
  });
});
