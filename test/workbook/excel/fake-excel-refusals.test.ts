/**
 * What real Excel refuses, or does to people's formulas, modelled by the fake: without these the
 * adapter's tests would pass against an Excel that does not exist.
 */
import { FakeExcel, FakeOfficeError, rewriteSheetRefs } from './fake-excel';

const codeOf = (e: unknown): string => (e instanceof FakeOfficeError ? e.code : String(e));

async function rejected(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return codeOf(e);
  }
  return 'resolved';
}

describe('fake Excel: what Excel refuses', () => {
  test('a very hidden sheet cannot be deleted (InvalidOperation), a hidden one can', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    fake.addSheet('Lager', { visibility: 'VeryHidden' });
    fake.addSheet('Skjult', { visibility: 'Hidden' });
    const code = await rejected(fake.run(async (ctx) => ctx.workbook.worksheets.getItem('Lager').delete()));
    expect(code).toBe('InvalidOperation');
    await fake.run(async (ctx) => ctx.workbook.worksheets.getItem('Skjult').delete());
    expect(fake.sheetNames()).toEqual(['Data', 'Lager']);
  });

  test('renaming a sheet rewrites the formulas and names that point at it; deleting it leaves #REF!', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Oppfølging 2024-03');
    fake.addSheet('Min oversikt');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Oppfølging 2024-03').getRange('H12').values = [[42]];
      ctx.workbook.worksheets.getItem('Min oversikt').getRange('A1').formulas = [["='Oppfølging 2024-03'!H12*2"]];
      ctx.workbook.names.add('Avvik', "='Oppfølging 2024-03'!$H$12");
    });
    expect(fake.value('Min oversikt', 'A1')).toBe(84);

    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Oppfølging 2024-03').name = '_gammel';
    });
    expect(fake.cell('Min oversikt', 'A1')?.formula).toBe('_gammel!H12*2');
    expect(fake.names[0].formula).toBe('=_gammel!$H$12');
    expect(fake.value('Min oversikt', 'A1')).toBe(84);

    // a new sheet under the old name does not bring the formula back: it follows the renamed one
    fake.addSheet('Oppfølging 2024-03');
    await fake.run(async (ctx) => ctx.workbook.worksheets.getItem('_gammel').delete());
    expect(fake.cell('Min oversikt', 'A1')?.formula).toBe('#REF!*2');
    expect(fake.value('Min oversikt', 'A1')).toEqual({ error: '#REF!' });
    expect(fake.names[0].formula).toBe('=#REF!');
  });

  test('references inside string literals and to other sheets are left alone', () => {
    expect(rewriteSheetRefs(`IF(A1="Data!B2",Data!B2,'Other'!C3)`, 'data', () => '#REF!')).toBe(`IF(A1="Data!B2",#REF!,'Other'!C3)`);
  });

  test('rows a person inserts move the names that point below them', () => {
    const fake = new FakeExcel();
    fake.addSheet('Budsjett');
    fake.names.push({ name: 'Kilde', formula: "='Budsjett'!$A$3:$N$13", visible: true, comment: '' });
    fake.addSheet('Annet');
    fake.addName('Annet', 'Topp', '=Budsjett!$A$1');
    fake.insertRows('Budsjett', 5, 2);
    expect(fake.names[0].formula).toBe('=Budsjett!$A$3:$N$15');
    expect(fake.sheet('Annet').names[0].formula).toBe('=Budsjett!$A$1');
  });

  test('while a person edits a cell every request fails (InvalidOperationInCellEditMode)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    fake.cellEditMode = true;
    const code = await rejected(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Data');
        ws.load('name');
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidOperationInCellEditMode');
  });

  test('two runs started together interleave their syncs, each in its own context', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    const order: string[] = [];
    const batch = (who: string) =>
      fake.run(async (ctx) => {
        for (let i = 0; i < 3; i++) {
          ctx.workbook.worksheets.getItem('Data').getRange(`${who}${i + 1}`).values = [[i]];
          await ctx.sync();
          order.push(`${who}${i}`);
        }
      });
    await Promise.all([batch('A'), batch('B')]);
    expect(order).toEqual(['A0', 'B0', 'A1', 'B1', 'A2', 'B2']);
  });

  test('merging undo steps needs ExcelApi 1.20; each run records whether it asked', async () => {
    const old = new FakeExcel({ apiVersion: '1.19' });
    old.addSheet('Data');
    expect(await rejected(old.run(async () => undefined, { mergeUndoGroup: true }))).toBe('ApiNotFound');
    const fake = new FakeExcel({ apiVersion: '1.20' });
    await fake.run(async () => undefined, { mergeUndoGroup: true });
    expect(fake.runs).toEqual([{ mergeUndoGroup: true }]);
  });

  test('Range.clear: contents, formats, hyperlinks or all of them, notes included', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('Data');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A1:B1').values = [['x', 2]];
      ws.getRange('A1').format.font.bold = true;
      ws.getRange('A1:B1').merge();
      ws.notes.add(ws.getRange('B1'), 'merk');
    });
    await fake.run(async (ctx) => ctx.workbook.worksheets.getItem('Data').getRange('A1:B1').clear('Formats'));
    expect(fake.cell('Data', 'A1')?.font.bold).toBeUndefined();
    expect(s.merges).toEqual([]);
    expect(fake.value('Data', 'A1')).toBe('x');
    await fake.run(async (ctx) => ctx.workbook.worksheets.getItem('Data').getRange('A:B').clear());
    expect(fake.value('Data', 'A1')).toBeNull();
    expect(fake.sheet('Data').notes).toEqual([]);
  });
});
