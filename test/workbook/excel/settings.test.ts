/**
 * Settings live in the veryHidden sheet `_BudgetFollowup`, JSON split into cells of column A — the
 * same place and shape for the Excel add-in and the command line.
 */
import { FollowUpError } from '../../../src/core/errors';
import { MARKER_NAME, SETTINGS_CHUNK, SETTINGS_SHEET, XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { FakeExcel } from './fake-excel';
import { excelOn, fakeFromXlsx, xlsxFromFake } from './helpers';

function bigSettings(): string {
  // digits, quotes, non-ASCII and astral characters, a surrogate pair across a chunk boundary
  const measures = Array.from({ length: 1500 }, (_v, i) => ({ key: `${1000 + i}`, name: `Tiltak ${i} – «sparing» 😀`, amount: -1234.5 * i }));
  let json = JSON.stringify({ language: 'nb', period: '2022-02', measures });
  const at = SETTINGS_CHUNK - 1;
  json = json.slice(0, at) + '😀' + json.slice(at);
  return json;
}

describe('settings', () => {
  test('round trip, small and across several cells', async () => {
    for (const json of ['{"language":"nb","thresholds":{"neutralPct":"0.02"}}', bigSettings()]) {
      const fake = new FakeExcel();
      fake.addSheet('Regnskap');
      const wb = excelOn(fake);
      expect(await wb.readSettings()).toBeNull();
      await wb.writeSettings(json);
      expect(await wb.readSettings()).toBe(json);
      const s = fake.sheet(SETTINGS_SHEET);
      expect(s.visibility).toBe('VeryHidden');
      expect(s.names.map((n) => [n.name, n.formula])).toEqual([[MARKER_NAME, '="settings"']]);
      for (const c of s.cells.values()) expect(typeof c.value === 'string' && c.value.length <= SETTINGS_CHUNK).toBe(true);
      expect(fake.sheetNames()).toEqual(['Regnskap', SETTINGS_SHEET]);
    }
  });

  test('writing again replaces the settings, and the settings sheet stays veryHidden', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Regnskap');
    const wb = excelOn(fake);
    await wb.writeSettings(bigSettings());
    await wb.writeSettings('{"language":"sv"}');
    expect(await wb.readSettings()).toBe('{"language":"sv"}');
    expect([...fake.sheet(SETTINGS_SHEET).cells.values()].filter((c) => c.value !== null)).toHaveLength(1);
    expect(fake.sheet(SETTINGS_SHEET).visibility).toBe('VeryHidden');
    expect(fake.sheetNames()).toEqual(['Regnskap', SETTINGS_SHEET]);
    expect(await wb.listSheets()).toContainEqual({
      name: SETTINGS_SHEET,
      visible: false,
      generated: 'settings',
      usedRange: { top: 0, left: 0, bottom: 0, right: 0 },
    });
  });

  test('a person’s sheet named _BudgetFollowup is neither read nor overwritten', async () => {
    const fake = new FakeExcel();
    fake.addGridSheet({ sheet: SETTINGS_SHEET, top: 0, left: 0, values: [['{"mine":"notater"}']], formats: [['General']] });
    const wb = excelOn(fake);
    expect(await wb.readSettings()).toBeNull();
    await expect(wb.writeSettings('{}')).rejects.toThrow(FollowUpError);
    expect(fake.value(SETTINGS_SHEET, 'A1')).toBe('{"mine":"notater"}');
  });

  test('settings written by the command line are read in Excel, and the other way round', async () => {
    const json = bigSettings();
    const x = XlsxWorkbook.create();
    await x.addPlainSheet({ name: 'Regnskap', cells: [{ row: 0, col: 0, value: 'Art' }] });
    await x.writeSettings(json);
    const fake = await fakeFromXlsx(x);
    expect(await excelOn(fake).readSettings()).toBe(json);

    const other = '{"language":"en","period":"2024-03"}';
    await excelOn(fake).writeSettings(other);
    const back = await xlsxFromFake(fake);
    expect(await back.readSettings()).toBe(other);
  });

  test('a failed settings save leaves the old settings, and the next save works', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Regnskap');
    const wb = excelOn(fake);
    await wb.writeSettings('{"language":"nb"}');
    const before = fake.snapshot();
    fake.failAtSync(fake.syncCount + 1, { code: 'GeneralException', afterActions: 0 });
    await expect(wb.writeSettings('{"language":"sv"}')).rejects.toThrow(FollowUpError);
    expect(fake.snapshot()).toBe(before);
    expect(await wb.readSettings()).toBe('{"language":"nb"}');
    await wb.writeSettings('{"language":"sv"}');
    expect(await wb.readSettings()).toBe('{"language":"sv"}');
  });
});

describe('settings written in place', () => {
  test('saved again and again: the store is made once, never deleted or renamed, nothing left behind', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Regnskap');
    const wb = excelOn(fake);
    expect(await wb.readSettings()).toBeNull();
    await wb.writeSettings(bigSettings());
    const id = fake.sheet(SETTINGS_SHEET).id;
    for (const lang of ['sv', 'en', 'nb']) await wb.writeSettings(`{"language":"${lang}"}`);
    expect(await wb.readSettings()).toBe('{"language":"nb"}');
    expect(fake.sheetNames()).toEqual(['Regnskap', SETTINGS_SHEET]);
    expect(fake.sheet(SETTINGS_SHEET).id).toBe(id);
    expect(fake.sheet(SETTINGS_SHEET).visibility).toBe('VeryHidden');
  });

  test('once the settings are read, a save is one round trip', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Regnskap');
    await excelOn(fake).writeSettings('{"language":"nb"}');
    const wb = excelOn(fake); // a new session: the pane reads first
    await wb.readSettings();
    const before = fake.syncCount;
    await wb.writeSettings('{"language":"sv","sources":[{"range":"Regnskap!A1:D9"}]}');
    expect(fake.syncCount - before).toBe(1);
  });

  test('a saved range follows rows inserted above it and its sheet renamed; the command line’s text stays readable', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Budsjett 2024');
    fake.addSheet('Tiltak');
    const wb = excelOn(fake);
    await wb.readSettings();
    await wb.writeSettings(JSON.stringify({ sources: [{ range: "'Budsjett 2024'!A3:N13", role: 'budget' }], measures: 'Tiltak!A2:C11' }));
    fake.insertRows('Budsjett 2024', 0, 2);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Budsjett 2024').name = 'Budsjett 2025';
    });
    fake.insertRows('Tiltak', 5, 1);
    const read = JSON.parse((await excelOn(fake).readSettings()) as string) as { sources: { range: string; role: string }[]; measures: string };
    expect(read.sources).toEqual([{ range: "'Budsjett 2025'!A5:N15", role: 'budget' }]);
    expect(read.measures).toBe('Tiltak!A2:C12');
    // fewer sources: the name of the one no longer saved goes too
    await wb.writeSettings(JSON.stringify({ sources: [] }));
    expect(fake.names.map((n) => n.name)).toEqual([]);
  });

  test('a protected workbook structure: the first save says so; saving into an existing store works', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Regnskap');
    fake.structureProtected = true;
    const err = (await excelOn(fake)
      .writeSettings('{}')
      .catch((e: unknown) => e)) as FollowUpError;
    expect(err).toBeInstanceOf(FollowUpError);
    expect(err.message).toContain('Protect Workbook');
    fake.structureProtected = false;
    await excelOn(fake).writeSettings('{"language":"nb"}');
    fake.structureProtected = true;
    await excelOn(fake).writeSettings('{"language":"sv"}');
    expect(await excelOn(fake).readSettings()).toBe('{"language":"sv"}');
  });

  test('temporary sheets an earlier version left (very hidden, ours by their marker) are removed; a person’s look-alike stays', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Regnskap');
    fake.addGridSheet({ sheet: SETTINGS_SHEET, top: 0, left: 0, values: [['{"language":"nb"}']], formats: [['General']] }, { visibility: 'VeryHidden' });
    fake.addName(SETTINGS_SHEET, MARKER_NAME, '="settings"');
    fake.addSheet('_BF_tmp_k3x9q1', { visibility: 'VeryHidden' });
    fake.addName('_BF_tmp_k3x9q1', MARKER_NAME, '="settings"');
    fake.addSheet('_BF_tmp_a1b2c3', { visibility: 'Hidden' });
    fake.addName('_BF_tmp_a1b2c3', MARKER_NAME, '="followup"');
    fake.addSheet('_BF_tmp_minark'); // a person's, not ours
    expect(await excelOn(fake).readSettings()).toBe('{"language":"nb"}');
    expect(fake.sheetNames()).toEqual(['Regnskap', SETTINGS_SHEET, '_BF_tmp_minark']);
  });
});
