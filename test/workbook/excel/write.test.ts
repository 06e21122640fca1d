/**
 * Writing a sheet through Excel: everything a layout holds ends up in the workbook, text stays text,
 * the number of round trips does not grow with the number of lines, no request passes 5 MB, the
 * add-in's own sheet is rewritten in place (people's formulas into it keep working), and a failure at
 * any point leaves no stray sheet and no broken formula.
 */
import { FollowUpError } from '../../../src/core/errors';
import type { SheetLayout } from '../../../src/report/layout';
import { MARKER_NAME } from '../../../src/workbook/xlsx/workbook';
import { ROWS, richLayout } from '../helpers';
import { FakeExcel, type FakeSheet } from './fake-excel';
import { excelOn, tableLayout } from './helpers';

function fakeWith(...names: string[]): FakeExcel {
  const fake = new FakeExcel();
  for (const n of names) fake.addGridSheet({ sheet: n, top: 0, left: 0, values: [[`${n} A1`, 1]], formats: [['General', 'General']] });
  return fake;
}

/** A generated sheet already in the workbook (a previous run): content and marker. */
function addGenerated(fake: FakeExcel, name: string, marker = 'followup'): FakeSheet {
  const s = fake.addGridSheet({ sheet: name, top: 0, left: 0, values: [['gammel'], ['rad 2']], formats: [['General'], ['General']] });
  fake.addName(name, MARKER_NAME, `="${marker}"`);
  return s;
}

const noTemp = (fake: FakeExcel): boolean => fake.sheetNames().every((n) => !n.startsWith('_BF_tmp_'));

describe('writeSheet: what ends up in the workbook', () => {
  test('a person’s long text grows its row, as the file’s rows do, and never spills over the next', async () => {
    const fake = fakeWith('Data');
    const wb = excelOn(fake);
    const analysis = 'Økt bemanning på natt etter to nye vedtak; innleie av vikarer ble dyrere enn budsjettert. '.repeat(3);
    const layout: SheetLayout = {
      name: 'Tekst',
      cells: [
        { row: 0, col: 0, value: 'Analyse', style: { bold: true } },
        { row: 1, col: 0, value: analysis, style: { wrap: true } },
        { row: 2, col: 0, value: 'kort', style: { wrap: true } },
      ],
      columns: [{ col: 0, width: 30 }],
    };
    await wb.writeSheet(layout, 'followup');
    const s = fake.sheet('Tekst');
    expect(s.rowHeights.get(1)).toBeGreaterThanOrEqual(15 * 8);
    expect(s.rowHeights.get(2)).toBe(15);
    expect(s.rowHeights.has(0)).toBe(false);
  });

  test('every feature of a layout (Microsoft 365)', async () => {
    const fake = fakeWith('Pivot', 'Data');
    const wb = excelOn(fake);
    await wb.writeSheet(richLayout(), 'followup');
    expect(fake.sheetNames()).toEqual(['Pivot', 'Data', 'Oppfølging']);
    const s = fake.sheet('Oppfølging');
    const c = (a1: string) => {
      const cell = fake.cell('Oppfølging', a1);
      if (!cell) throw new Error(`no cell ${a1}`);
      return cell;
    };
    // values, formulas and their results
    expect(fake.value('Oppfølging', 'A1')).toBe('Oppfølging P06 – februar 2022');
    expect(fake.value('Oppfølging', 'A4')).toBe('1 LØNN');
    expect(fake.value('Oppfølging', 'B4')).toBe(ROWS[0][1]);
    expect(c('D4').formula).toBe('B4-C4');
    expect(fake.value('Oppfølging', 'D4')).toBe(ROWS[0][1] - ROWS[0][2]);
    expect(c('E7').formula).toBe('IF(C7=0,0,D7/ABS(C7))');
    expect(fake.value('Oppfølging', 'F4')).toBe('Under');
    expect(c('B8').formula).toBe('SUM(B4:B7)');
    expect(fake.value('Oppfølging', 'F8')).toBe(false); // D8>0: the variance total is negative
    // number formats, fonts, fills, alignment, borders, indent, unlocked cells
    expect(c('B4').numberFormat).toBe('#,##0');
    expect(c('E4').numberFormat).toBe('0.0%');
    expect(c('A1').font).toMatchObject({ bold: true, size: 14, color: '#1F3864' });
    expect(c('A3')).toMatchObject({ fill: '#D9E1F2', horizontalAlignment: 'Center', verticalAlignment: 'Center', wrapText: true });
    expect(c('A3').font.bold).toBe(true);
    expect(c('A3').borders.EdgeBottom).toMatchObject({ style: 'Continuous', weight: 'Thin' });
    expect(c('B8').borders.EdgeTop).toMatchObject({ style: 'Continuous', weight: 'Thin' });
    expect(c('B8').borders.EdgeBottom).toMatchObject({ style: 'Double' });
    expect(c('A7')).toMatchObject({ indentLevel: 1 });
    expect(c('A7').font.italic).toBe(true);
    expect(c('G4')).toMatchObject({ locked: false, fill: '#FFF2CC' });
    expect(c('B4').locked).toBe(true);
    // columns, merges, freeze panes
    expect(s.columnWidths.get(0)).toBeCloseTo((34 * 7 + 5) * 0.75, 1);
    expect(s.columnWidths.get(8)).toBeCloseTo((5 * 7 + 5) * 0.75, 1);
    expect([...s.hiddenColumns]).toEqual([8]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 6 }]);
    expect(s.freeze).toEqual({ rows: 3, cols: 1 });
    // hyperlinks: internal ones by document reference, the display text the cell's text
    expect(c('A4').hyperlink).toEqual({ documentReference: "'Pivot'!A5", textToDisplay: '1 LØNN' });
    expect(c('B10').hyperlink).toEqual({ documentReference: 'Data!A1', textToDisplay: 'Til data' });
    expect(fake.value('Oppfølging', 'B10')).toBe('Til data');
    // notes
    expect(s.notes).toEqual([
      { kind: 'note', row: 3, col: 0, text: 'Lønn inkluderer sosiale utgifter.\nSe Pivot.' },
      { kind: 'note', row: 7, col: 3, text: 'Summen av avvikene' },
    ]);
    // conditional formats, in the layout's order of priority
    expect(s.conditionalFormats.map((f) => [f.type, f.areas, f.rule])).toEqual([
      ['CellValue', [{ top: 3, left: 3, bottom: 6, right: 3 }], { formula1: '=0', operator: 'LessThan' }],
      ['CellValue', [{ top: 3, left: 4, bottom: 6, right: 4 }], { formula1: '=-0.05', formula2: '=0.05', operator: 'Between' }],
      ['Custom', [{ top: 3, left: 5, bottom: 6, right: 5 }], { formula: '=$F4="Under"' }],
      ['DataBar', [{ top: 3, left: 1, bottom: 6, right: 1 }], {}],
    ]);
    expect(s.conditionalFormats[0].format).toEqual({ font: { color: '#9C0006' }, fill: '#FFC7CE' });
    expect(s.conditionalFormats[1].format.font.bold).toBe(true);
    expect(s.conditionalFormats[3].dataBar.positive).toMatchObject({ fillColor: '#638EC6', gradientFill: false });
    expect(s.conditionalFormats[3].dataBar.negative).toMatchObject({ fillColor: '#FF0000' });
    // page setup, tab colour, gridlines
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$3',
      footers: { left: 'Budget Follow-up', center: '', right: 'Side &P av &N' },
      paperSize: 'A4',
    });
    expect(s.tabColor).toBe('#2F75B5');
    expect(s.showGridlines).toBe(false);
    // the marker, as the xlsx adapter writes it
    expect(s.names).toEqual([{ name: MARKER_NAME, formula: '="followup"', visible: true, comment: '' }]);
    expect(await wb.listSheets()).toContainEqual(expect.objectContaining({ name: 'Oppfølging', generated: 'followup', visible: true }));
    expect(wb.skipped).toEqual([]);
  });

  test('reading the written sheet back gives the layout’s values and formulas', async () => {
    const fake = fakeWith('Pivot', 'Data');
    const wb = excelOn(fake);
    const layout = richLayout();
    await wb.writeSheet(layout, 'followup');
    const g = await wb.readSheet('Oppfølging');
    for (const cell of layout.cells) {
      const v = g.values[cell.row - g.top]?.[cell.col - g.left] ?? null;
      const f = g.formulas?.[cell.row - g.top]?.[cell.col - g.left] ?? null;
      if (cell.formula) expect(f).toBe(cell.formula);
      else if (cell.value === '') expect(v).toBeNull(); // Excel cannot hold an empty text
      else expect([cell.row, cell.col, v]).toEqual([cell.row, cell.col, cell.value]);
      if (cell.value !== null && typeof cell.value === 'number' && cell.formula) expect(v).toBeCloseTo(cell.value, 9);
    }
  });

  test('text that looks like a formula, number, date, boolean or error stays text', async () => {
    const tricky = [
      '=SUM(A1:A3)',
      '+47 22 00 00 00',
      '-5',
      '@home',
      '=HYPERLINK("http://example.com","x")',
      "'sitat'",
      '1010',
      '0042',
      '2024-01-31',
      '12%',
      'TRUE',
      'false',
      '#N/A',
      '#REF!',
      '  =padded',
      '1 LØNN',
      'Konto',
    ];
    const layout: SheetLayout = { name: 'Tekst', cells: tricky.map((t, row) => ({ row, col: 0, value: t })) };
    const fake = fakeWith('Data');
    const wb = excelOn(fake);
    await wb.writeSheet(layout, 'followup');
    const g = await wb.readSheet('Tekst');
    expect(g.values.map((r) => r[0])).toEqual(tricky);
    expect(g.formulas).toBeUndefined();
    for (const [row, t] of tricky.entries()) {
      const c = fake.sheet('Tekst').cells.get(row * 16384);
      expect(c).toMatchObject({ value: t, formula: null, error: null });
    }
  });

  test('the same text written without care would not stay text (the fake is not lenient)', async () => {
    const fake = fakeWith('Data');
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('C1:C4');
      r.values = [['=SUM(1,2)'], ['1010'], ['TRUE'], ['#N/A']];
      await ctx.sync();
    });
    expect(fake.cell('Data', 'C1')?.formula).toBe('SUM(1,2)');
    expect(fake.value('Data', 'C2')).toBe(1010);
    expect(fake.value('Data', 'C3')).toBe(true);
    expect(fake.value('Data', 'C4')).toEqual({ error: '#N/A' });
  });

  test('on Excel 2019 (ExcelApi 1.8) it writes without multi-area ranges, and says what it left out', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' });
    fake.addSheet('Pivot');
    fake.addSheet('Data');
    const wb = excelOn(fake);
    await wb.writeSheet(richLayout(), 'followup');
    const s = fake.sheet('Oppfølging');
    expect(fake.value('Oppfølging', 'A4')).toBe('1 LØNN');
    expect(fake.cell('Oppfølging', 'A4')?.hyperlink).toEqual({ documentReference: "'Pivot'!A5", textToDisplay: '1 LØNN' });
    expect(fake.cell('Oppfølging', 'A3')?.font.bold).toBe(true);
    expect(s.conditionalFormats).toHaveLength(4);
    expect(s.notes).toEqual([]);
    expect(s.pageLayout.orientation).toBe('Portrait');
    expect([...wb.skipped].sort()).toEqual(['indent', 'notes', 'page setup']);
  });

  test('notes become comments on Excel without the notes API (ExcelApi 1.10 to 1.17)', async () => {
    const fake = new FakeExcel({ apiVersion: '1.12' });
    fake.addSheet('Pivot');
    fake.addSheet('Data');
    await excelOn(fake).writeSheet(richLayout(), 'followup');
    expect(fake.sheet('Oppfølging').notes.map((n) => n.kind)).toEqual(['comment', 'comment']);
  });

  test('an empty linked cell gets no link (Excel would show the address in it)', async () => {
    const fake = fakeWith('Pivot');
    await excelOn(fake).writeSheet(
      {
        name: 'L',
        cells: [
          { row: 0, col: 0, value: null, link: "'Pivot'!A5" },
          { row: 0, col: 1, value: 5, link: 'https://example.com' },
        ],
      },
      'followup',
    );
    expect(fake.cell('L', 'A1')).toBeNull();
    expect(fake.cell('L', 'B1')?.hyperlink).toEqual({ address: 'https://example.com' });
    expect(fake.value('L', 'B1')).toBe(5);
  });

  test('every write request suspends calculation and screen updating', async () => {
    const fake = fakeWith('Data');
    await excelOn(fake, { maxRequestBytes: 30_000 }).writeSheet(tableLayout(500), 'followup');
    const writes = fake.requests.slice(1);
    expect(writes.length).toBeGreaterThan(3);
    for (const r of writes) expect(r).toMatchObject({ suspendedCalculation: true, suspendedScreen: true });
  });
});

describe('writeSheet: round trips and request sizes', () => {
  test('the same number of round trips for 10, 1,000 and 10,000 lines, no request over 5 MB', async () => {
    const syncs: number[] = [];
    for (const lines of [10, 1000, 10000]) {
      const fake = fakeWith('Pivot');
      addGenerated(fake, 'Tabell');
      await excelOn(fake).writeSheet(tableLayout(lines), 'followup');
      expect(fake.value('Tabell', `A${lines + 1}`)).toBe(`Konto ${1000 + lines}`);
      expect(fake.cell('Tabell', `H${lines + 1}`)?.formula).toBe(`B${lines + 1}-C${lines + 1}`);
      syncs.push(fake.syncCount);
      expect(fake.maxRequestBytes).toBeLessThan(5_000_000);
    }
    // inspect the sheets, inspect the old sheet's marker, write, commit
    expect(syncs).toEqual([4, 4, 4]);
  });

  test('a layout too big for one request is split into several, none over 5 MB', async () => {
    const fake = fakeWith('Data');
    const rows = 6000;
    const long = 'Lang tekst som gjentas for å fylle forespørselen. '.repeat(4);
    const layout: SheetLayout = {
      name: 'Stor',
      cells: Array.from({ length: rows }, (_r, row) => Array.from({ length: 10 }, (_c, col) => ({ row, col, value: `${long}${row}:${col}` }))).flat(),
    };
    const wb = excelOn(fake);
    const planned = wb.plan(layout, 'followup');
    expect(planned.length).toBeGreaterThan(1);
    await wb.writeSheet(layout, 'followup');
    expect(fake.syncCount).toBe(1 + planned.length); // look, then write (no cosmetics in this layout)
    expect(fake.requests.length).toBeGreaterThan(3);
    for (const r of fake.requests) expect(r.bytes).toBeLessThan(5_000_000);
    expect(fake.value('Stor', `J${rows}`)).toBe(`${long}${rows - 1}:9`);
  });

  test('a request Excel refuses as over 5 MB is sent again in halves', async () => {
    const fake = fakeWith('Data');
    const long = 'Lang tekst som gjentas for å fylle forespørselen. '.repeat(4);
    const layout: SheetLayout = {
      name: 'Stor',
      cells: Array.from({ length: 6000 }, (_r, row) => Array.from({ length: 10 }, (_c, col) => ({ row, col, value: `${long}${row}:${col}` }))).flat(),
    };
    // an estimate that trusts too much: one request of about 13 MB
    await excelOn(fake, { maxRequestBytes: 60_000_000 }).writeSheet(layout, 'followup');
    expect(fake.requests.some((r) => r.bytes > 5 * 1024 * 1024)).toBe(true); // refused, then halved
    expect(fake.value('Stor', 'J6000')).toBe(`${long}5999:9`);
    expect(fake.value('Stor', 'A1')).toBe(`${long}0:0`);
  });

  test('the adapter’s size estimate is never below what the request measures', async () => {
    for (const apiVersion of ['1.18', '1.8']) {
      const fake = new FakeExcel({ apiVersion });
      fake.addSheet('Pivot');
      const wb = excelOn(fake);
      const layout = tableLayout(3000);
      const estimate = wb.plan(layout, 'followup').reduce((n, ops) => n + ops.reduce((m, o) => m + o.size, 0), 0);
      await wb.writeSheet(layout, 'followup');
      const measured = fake.requests[1].bytes; // the write request (one here)
      expect(fake.syncCount).toBe(3);
      expect(estimate).toBeGreaterThanOrEqual(measured);
    }
  });
});

describe('writeSheet: replacing, refusing, failing', () => {
  test('regenerating replaces only the add-in’s sheet, in its place', async () => {
    const fake = fakeWith('Regnskap', 'Tiltak');
    addGenerated(fake, 'Tabell');
    fake.addGridSheet({ sheet: 'Notater', top: 0, left: 0, values: [['mine notater']], formats: [['General']] });
    fake.activeId = fake.sheet('Tabell').id;
    const before = JSON.parse(fake.snapshot()) as { sheets: { name: string }[] };
    await excelOn(fake).writeSheet(tableLayout(5), 'followup');
    expect(fake.sheetNames()).toEqual(['Regnskap', 'Tiltak', 'Tabell', 'Notater']);
    expect(fake.value('Tabell', 'A1')).toBe('Kolonne 1');
    expect(fake.value('Tabell', 'A3')).toBe('Konto 1002');
    expect(fake.activeId).toBe(fake.sheet('Tabell').id);
    const after = JSON.parse(fake.snapshot()) as { sheets: { name: string }[] };
    for (const name of ['Regnskap', 'Tiltak', 'Notater']) {
      expect(after.sheets.find((s) => s.name === name)).toEqual(before.sheets.find((s) => s.name === name));
    }
    expect(fake.sheet('Tabell').names.map((n) => n.formula)).toEqual(['="followup"']);
    expect(noTemp(fake)).toBe(true);
  });

  test('regenerating rewrites the sheet in place: same id, and a person’s formula into it shows the new figure', async () => {
    const fake = fakeWith('Regnskap');
    const wb = excelOn(fake);
    await wb.writeSheet(tableLayout(20), 'followup');
    const id = fake.sheet('Tabell').id;
    const mine = fake.addSheet('Min oppsummering');
    fake.cellAt(mine, 0, 0).formula = "Tabell!B12*2";
    const before = fake.value('Tabell', 'B12') as number;
    expect(fake.value('Min oppsummering', 'A1')).toBe(before * 2);

    const next = tableLayout(20);
    const changed = { ...next, cells: next.cells.map((c) => (c.row === 11 && c.col === 1 ? { ...c, value: 4242 } : c)) };
    await wb.writeSheet(changed, 'followup');
    expect(fake.sheet('Tabell').id).toBe(id);
    expect(fake.cell('Min oppsummering', 'A1')?.formula).toBe('Tabell!B12*2');
    expect(fake.value('Min oppsummering', 'A1')).toBe(8484);
    expect(fake.sheetNames()).toEqual(['Regnskap', 'Tabell', 'Min oppsummering']);
  });

  test('a shorter regenerated sheet leaves nothing of the longer one behind: values, formats, links, merges', async () => {
    const fake = fakeWith('Regnskap');
    const wb = excelOn(fake);
    const long = tableLayout(30);
    await wb.writeSheet({ ...long, merges: ['A32:C32'], cells: [...long.cells, { row: 31, col: 0, value: 'Sum', style: { bold: true } }] }, 'followup');
    await wb.writeSheet(tableLayout(10), 'followup');
    const s = fake.sheet('Tabell');
    const filled = [...s.cells.entries()].filter(([, c]) => c.value !== null || c.formula !== null).map(([k]) => Math.floor(k / 16384));
    expect(Math.max(...filled)).toBe(10);
    expect(fake.cell('Tabell', 'A20')?.hyperlink ?? null).toBeNull();
    expect(fake.cell('Tabell', 'B20')?.numberFormat ?? 'General').toBe('General');
    expect(s.merges).toEqual([]);
    expect(s.freeze).toEqual({ rows: 1, cols: 1 });
  });

  test('with ExcelApi 1.20 a sheet’s write is one undo step; before it, each request is its own', async () => {
    for (const [apiVersion, merged] of [['1.20', true], ['1.18', false]] as const) {
      const fake = fakeWith('Regnskap');
      fake.apiVersion = apiVersion;
      await excelOn(fake).writeSheet(tableLayout(5), 'followup');
      expect(fake.runs[0]).toEqual({ mergeUndoGroup: merged });
    }
  });

  test('refuses to overwrite a person’s sheet of the same name, and touches nothing', async () => {
    const fake = fakeWith('Regnskap', 'Tabell');
    const before = fake.snapshot();
    const err = await excelOn(fake)
      .writeSheet(tableLayout(5), 'followup')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FollowUpError);
    expect((err as FollowUpError).kind).toBe('usage');
    expect((err as FollowUpError).message).toContain('"Tabell"');
    expect((err as FollowUpError).message).toContain('did not create');
    expect(fake.snapshot()).toBe(before);
    expect(fake.syncCount).toBe(2); // looked, wrote nothing
  });

  test('a failure at any round trip, after any of its actions, leaves no stray sheet and no broken formula', async () => {
    const layout = tableLayout(120);
    const workbook = (): FakeExcel => {
      const fake = fakeWith('Regnskap');
      addGenerated(fake, 'Tabell');
      fake.addGridSheet({ sheet: 'Etter', top: 0, left: 0, values: [['x']], formats: [['General']] });
      fake.cell('Etter', 'A1')!.formula = "'Tabell'!A1";
      fake.activeId = fake.sheet('Tabell').id;
      return fake;
    };
    const probe = workbook();
    await excelOn(probe, { maxRequestBytes: 8_000 }).writeSheet(layout, 'followup');
    const syncs = probe.syncCount; // 2 to look, several to write, 1 for the cosmetics
    expect(syncs).toBeGreaterThan(5);
    const actions = probe.requests.map((r) => r.actions);
    let cases = 0;
    for (let n = 1; n <= syncs; n++) {
      const points = [...new Set([0, 1, Math.floor(actions[n - 1] / 2), actions[n - 1] - 1, actions[n - 1]])];
      for (const after of points) {
        const fake = workbook();
        const id = fake.sheet('Tabell').id;
        fake.failAtSync(n, { code: 'GeneralException', afterActions: after });
        const wb = excelOn(fake, { maxRequestBytes: 8_000 });
        const err = await wb.writeSheet(layout, 'followup').catch((e: unknown) => e);
        if (n === syncs) {
          // the cosmetics: the sheet is written, Excel's refusal is a warning
          expect(err).toBeUndefined();
          expect(wb.warnings.join(' ')).toContain('"Tabell"');
        } else {
          expect(err).toBeInstanceOf(FollowUpError);
          expect((err as FollowUpError).message).toContain('"Tabell"');
        }
        expect([n, after, fake.sheetNames()]).toEqual([n, after, ['Regnskap', 'Tabell', 'Etter']]);
        expect(fake.sheet('Tabell').id).toBe(id);
        expect(fake.cell('Etter', 'A1')?.formula).toBe("'Tabell'!A1");
        // the next run puts it right
        await excelOn(fake, { maxRequestBytes: 8_000 }).writeSheet(layout, 'followup');
        expect(fake.value('Tabell', 'A121')).toBe('Konto 1120');
        expect(fake.value('Etter', 'A1')).toBe('Kolonne 1');
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(20);
  });

  test('a failure while writing a new sheet leaves no trace', async () => {
    const fake = fakeWith('Regnskap');
    const before = fake.snapshot();
    fake.failAtSync(2, { code: 'GeneralException', afterActions: 10 });
    await expect(excelOn(fake).writeSheet(tableLayout(50), 'followup')).rejects.toBeInstanceOf(FollowUpError);
    expect(fake.snapshot()).toBe(before);
  });

  test('when even removing a half-made new sheet fails, the message names it', async () => {
    const fake = fakeWith('Regnskap');
    fake.failAtSync(2, { code: 'GeneralException', afterActions: 10 });
    fake.failAtSync(3, { code: 'GeneralException', afterActions: 0 }); // the clean-up's look
    const err = (await excelOn(fake)
      .writeSheet(tableLayout(50), 'followup')
      .catch((e: unknown) => e)) as FollowUpError;
    expect(fake.sheetNames()).toEqual(['Regnskap', 'Tabell']);
    expect(fake.sheet('Tabell').names.map((n) => n.formula)).toEqual(['="followup"']); // marked from its first request
    expect(err.message).toContain('sheet "Tabell" may be left in the workbook');
  });

  test('a protected workbook structure: the add-in’s sheets are rewritten in place, a new one is refused with a clear message', async () => {
    const fake = fakeWith('Regnskap');
    addGenerated(fake, 'Tabell');
    fake.structureProtected = true;
    await excelOn(fake).writeSheet(tableLayout(5), 'followup');
    expect(fake.value('Tabell', 'A2')).toBe('Konto 1001');
    const before = fake.snapshot();
    const err = (await excelOn(fake)
      .writeSheet(tableLayout(5, 'Ny'), 'followup')
      .catch((e: unknown) => e)) as FollowUpError;
    expect(err).toBeInstanceOf(FollowUpError);
    expect(err.kind).toBe('usage');
    expect(err.message).toMatch(/structure is protected \(Review › Protect Workbook\), so Budget Follow-up cannot add the sheet "Ny"/);
    expect(fake.snapshot()).toBe(before);
  });

  test('cell-edit mode and a protected structure are said in the person’s language, and nothing changes', async () => {
    const fake = fakeWith('Regnskap');
    fake.cellEditMode = true;
    const before = fake.snapshot();
    const busy = (await excelOn(fake, { language: 'nb' })
      .writeSheet(tableLayout(5), 'followup')
      .catch((e: unknown) => e)) as FollowUpError;
    expect(busy).toBeInstanceOf(FollowUpError);
    expect(busy.message).toBe('Excel er opptatt: en celle redigeres. Fullfør redigeringen av cellen (trykk Enter eller Esc), og prøv igjen.');
    fake.cellEditMode = false;
    fake.structureProtected = true;
    const locked = (await excelOn(fake, { language: 'sv' })
      .writeSheet(tableLayout(5), 'followup')
      .catch((e: unknown) => e)) as FollowUpError;
    expect(locked.message).toMatch(/^Arbetsbokens struktur är skyddad \(Granska › Skydda arbetsbok\), så Budgetuppföljning kan inte lägga till bladet ”Tabell”/);
    expect(fake.snapshot()).toBe(before);
  });

  test('a protected generated sheet is still replaced: its protection does not guard its name', async () => {
    const fake = fakeWith('Regnskap');
    const old = addGenerated(fake, 'Tabell');
    old.protected = true;
    await excelOn(fake).writeSheet(tableLayout(5), 'followup');
    expect(fake.sheet('Tabell').protected).toBe(false);
    expect(fake.value('Tabell', 'A2')).toBe('Konto 1001');
  });

  test('an invalid layout is refused before Excel is touched', async () => {
    const fake = fakeWith('Regnskap');
    const wb = excelOn(fake);
    await expect(wb.writeSheet({ name: 'Bad/Name', cells: [] }, 'followup')).rejects.toThrow(FollowUpError);
    await expect(wb.writeSheet({ name: 'X', cells: [{ row: 0, col: 0, value: 'a', style: { fill: 'blue' } }] }, 'followup')).rejects.toThrow(FollowUpError);
    expect(fake.syncCount).toBe(0);
  });

  test('a hidden generated sheet is replaced, stays hidden and where it was', async () => {
    const fake = fakeWith('A', 'B');
    addGenerated(fake, 'Skjult', 'checks').visibility = 'Hidden';
    fake.addSheet('C');
    await excelOn(fake).writeSheet({ name: 'Skjult', cells: [{ row: 0, col: 0, value: 'ny' }] }, 'checks');
    expect(fake.sheetNames()).toEqual(['A', 'B', 'Skjult', 'C']);
    expect(fake.sheet('Skjult').visibility).toBe('Hidden'); // as the xlsx adapter leaves it
    expect(fake.value('Skjult', 'A1')).toBe('ny');
  });
});
