/** Naming the workbook in errors about its content, for every command. */
import * as path from 'path';
import { FollowUpError, isFollowUpError } from '../core/errors';

/** Errors about a workbook's content name the workbook too: "budget.xlsx: 'Regnskap'!D7: …". */
export async function inFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isFollowUpError(e) && !e.message.includes(path.basename(file))) {
      throw new FollowUpError(e.kind, `${path.basename(file)}: ${e.message}`, e.cell);
    }
    throw e;
  }
}
