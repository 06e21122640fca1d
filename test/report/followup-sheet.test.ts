/**
 * The follow-up sheet's lines, and what it refuses before anything is written: a text too long for a
 * cell, named where it can be shortened.
 */
import { FollowUpError } from '../../src/core/errors';
import { columnLetters } from '../../src/core/grid';
import type { FollowUpModel } from '../../src/core/model';
import { col, DEFAULT_SHEET_OPTIONS, followUpSheet, notesColumns } from '../../src/report/followup-sheet';
import { readNotes } from '../../src/report/carry-over';
import { generateFollowUp } from '../../src/workbook/generate';
import { budgetWorkbook, typeInto } from '../workbook/builders';

const LINES = [
  { label: '100 Hjemmetjeneste', monthlyBudget: 1000, actual: [1100, 1200, 1000] },
  { label: '200 Sykehjem', monthlyBudget: 2000, actual: [1900, 1950, 2000] },
];

async function model(): Promise<FollowUpModel> {
  return (await generateFollowUp(await budgetWorkbook(LINES, 3), { dryRun: true })).model;
}

function refusal(run: () => unknown): FollowUpError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FollowUpError);
    return e as FollowUpError;
  }
  throw new Error('not refused');
}

describe('the follow-up sheet', () => {
  it('has one row per line between the header and the total, in model order', async () => {
    const m = await model();
    const layout = followUpSheet(m, '2024-04-05 09:00');
    const names = layout.cells.filter((c) => c.col === col('name') && c.row > 3).map((c) => c.value);
    expect(names).toEqual([...m.lines.map((l) => l.name), 'Sum']);
  });

  it('refuses a line name longer than a cell holds before writing anything, naming its source cell (not the follow-up cell never written)', async () => {
    const m = await model();
    const long = { ...m, lines: [m.lines[0], { ...m.lines[1], name: 'x'.repeat(32768) }] };
    const e = refusal(() => followUpSheet(long, '2024-04-05 09:00', 'Oppfølging 2024-03'));
    const source = m.lines[1].origin.rows[0];
    expect(e.kind).toBe('bad-input');
    expect(e.cell).toBe(source);
    expect(e.message).toBe(`the label at ${source} makes a line name of 32,768 characters, longer than the 32,767 a cell can hold; shorten it there`);
  });

  it('refuses a carried-over analysis longer than a cell holds, naming its cell and leaving the sheet as it was', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    const { model: m, sheets } = await generateFollowUp(wb, { generatedAt: '2024-04-05 09:00' });
    const analysis = `${columnLetters(col('analysis'))}5`;
    await typeInto(wb, sheets[0], { [analysis]: 'Vikarbruk' }, 'followup');
    const grid = await wb.readSheet(sheets[0]);
    const notes = readNotes(grid, (header) => notesColumns(header, grid.left));
    const key = m.lines[0].key;
    const note = notes.lines.get(key);
    expect(note?.analysis).toBe('Vikarbruk');
    if (!note) return;
    const longer = { ...notes, lines: new Map([...notes.lines, [key, { ...note, analysis: 'y'.repeat(32768) }]]) };
    const layout = followUpSheet(m, '2024-04-05 09:00', sheets[0], { ...DEFAULT_SHEET_OPTIONS, notes: longer });
    const written = await wb.readSheet(sheets[0]);
    await expect(wb.writeSheet(layout, 'followup')).rejects.toThrow(`the text for '${sheets[0]}'!${analysis} is longer than the 32,767 characters a cell can hold`);
    expect(await wb.readSheet(sheets[0])).toEqual(written);
  });
});
