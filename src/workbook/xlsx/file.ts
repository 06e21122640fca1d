/**
 * Node-only file helpers for the xlsx adapter (the rest of src/workbook/xlsx runs in browsers too).
 * Synchronous on purpose: the command line reads one file and writes one or two. Only deflating runs
 * elsewhere: zlib's thread pool compresses each big part as it is set (see deflateSoon).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { FollowUpError } from '../../core/errors';
import { crc32, setZipCodec } from './zip';

/**
 * zlib level 5, not the default 6: on a generated follow-up sheet it deflates in about two thirds of
 * the time for about 1 % more compressed bytes (level 4 is faster still but 9 % larger).
 */
const DEFLATE_LEVEL = 5;

/**
 * In Node the xlsx package uses zlib (native) instead of the pure-JS fflate it uses in browsers:
 * saving a 50,000-row sheet takes a fraction of the time. Installed when this module is loaded.
 */
export function useNodeZlib(): void {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  setZipCodec({
    deflate: (data) => takeDeflated(data) ?? zlib.deflateRawSync(data, { level: DEFLATE_LEVEL }),
    deflateSoon,
    // maxOutputLength: zlib stops there (ERR_BUFFER_TOO_LARGE) instead of inflating a bomb whole.
    // chunkSize: the part inflates into one buffer of its stated size (and a byte), not 16 kB chunks
    // joined by a copy at the end.
    inflate: (data, limit) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit), chunkSize: Math.max(64, limit) }),
    crc32: typeof native === 'function' ? (data) => native(data) >>> 0 : crc32,
  });
}

/**
 * Parts deflated in the background (zlib's thread pool) since they were set, by their data: a generated
 * sheet is compressed on the second core while the next sheet is made, instead of all at save. Keyed
 * weakly, so a part set again leaves its first result to the collector.
 */
const deflating = new WeakMap<Uint8Array, Promise<Uint8Array | null>>();
const deflated = new WeakMap<Uint8Array, Uint8Array>();
const inFlight = new Set<Promise<Uint8Array | null>>();

/** Parts this small are deflated at save: handing them to another thread costs more than it saves. */
const BACKGROUND_FROM = 64 << 10;

function deflateSoon(data: Uint8Array): void {
  if (data.length < BACKGROUND_FROM || deflating.has(data)) return;
  const job = new Promise<Uint8Array | null>((resolve) => {
    zlib.deflateRaw(data, { level: DEFLATE_LEVEL }, (err, out) => {
      if (!err) deflated.set(data, out);
      resolve(err ? null : out); // on an error the part is deflated again at save, where it is reported
    });
  });
  deflating.set(data, job);
  inFlight.add(job);
  void job.then(() => inFlight.delete(job));
}

function takeDeflated(data: Uint8Array): Uint8Array | undefined {
  const out = deflated.get(data);
  deflated.delete(data);
  deflating.delete(data);
  return out;
}

/**
 * Waits for the parts deflating in the background, so that saving uses their results (saving without
 * waiting is still right: a part not yet deflated is deflated then).
 */
export async function deflatesDone(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
useNodeZlib();

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

/** O_NONBLOCK where the platform has it: opening a named pipe must not wait for a writer. */
const OPEN_READ = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** What a path is when it is not a regular file, in words for a message; null for a regular file. */
function notRegular(st: fs.Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function readFailure(filePath: string, e: unknown): FollowUpError {
  const code = errnoCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FollowUpError('not-found', `"${filePath}" does not exist`);
  if (code === 'EISDIR') return new FollowUpError('bad-input', `"${filePath}" is a folder, not a workbook file`);
  if (code === 'EACCES' || code === 'EPERM') return new FollowUpError('bad-input', `"${filePath}" cannot be read (permission denied)`);
  if (code === 'EBUSY') return new FollowUpError('bad-input', `"${filePath}" cannot be read (it is locked by another program)`);
  return new FollowUpError('bad-input', `"${filePath}" cannot be read: ${(e as Error).message}`);
}

/**
 * The bytes of a file a user named (a workbook, a config file). Only a regular file is read: a folder,
 * a named pipe or a device is refused at once (opened without waiting, then asked what it is), never
 * read until it ends, which for a pipe or /dev/zero is never. Throws FollowUpError naming the file.
 */
export function readRegularFile(filePath: string): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(filePath, OPEN_READ);
  } catch (e) {
    throw readFailure(filePath, e);
  }
  try {
    const what = notRegular(fs.fstatSync(fd));
    if (what === 'a folder') throw new FollowUpError('bad-input', `"${filePath}" is a folder, not a workbook file`);
    if (what) throw new FollowUpError('bad-input', `"${filePath}" is ${what}, not a file; only regular files are read`);
    return fs.readFileSync(fd);
  } catch (e) {
    throw e instanceof FollowUpError ? e : readFailure(filePath, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of a workbook file, for `XlsxWorkbook.open`. Throws FollowUpError naming the file. */
export function readWorkbookFile(filePath: string): Uint8Array {
  return readRegularFile(filePath);
}

/**
 * Where a path leads, found before anything is written: the real file after symlinks, and for an
 * existing file its device and inode (two hard links to one file share them).
 */
export interface FileTarget {
  /** The path as the user wrote it, for messages. */
  readonly given: string;
  /** Absolute, symlinks resolved; for a file not yet there, its folder's real path and its name. */
  readonly real: string;
  /** `dev:ino` of an existing file, else null. */
  readonly id: string | null;
}

/** The file a path names for reading or writing (a dangling symlink names the file it would create). */
function realPathOf(given: string, hops = 0): string {
  try {
    return fs.realpathSync(given);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOTDIR')
      throw new FollowUpError(
        'not-found',
        `cannot write "${given}": its folder does not exist (${path.dirname(path.resolve(given))} is a file); nothing was written`,
      );
    if (code !== 'ENOENT') throw new FollowUpError('bad-input', `cannot write "${given}": ${(e as Error).message}; nothing was written`);
  }
  const abs = path.resolve(given);
  let link: string | null = null;
  try {
    if (hops < 40 && fs.lstatSync(abs).isSymbolicLink()) link = fs.readlinkSync(abs);
  } catch {
    /* not there at all */
  }
  if (link !== null) return realPathOf(path.resolve(path.dirname(abs), link), hops + 1);
  const dir = path.dirname(abs);
  let realDir: string;
  try {
    realDir = fs.realpathSync(dir);
    if (!fs.statSync(realDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new FollowUpError('not-found', `cannot write "${given}": its folder does not exist (${dir}); nothing was written`);
    throw e;
  }
  return path.join(realDir, path.basename(abs));
}

/** The file a user's input path names (after symlinks), with its identity. */
export function inputTarget(given: string): FileTarget {
  try {
    const st = fs.statSync(given);
    return { given, real: fs.realpathSync(given), id: `${st.dev}:${st.ino}` };
  } catch (e) {
    throw readFailure(given, e);
  }
}

/** The file an output path will replace or create, resolved; throws only when its folder does not exist. */
export function outputTarget(given: string): FileTarget {
  const real = realPathOf(given);
  try {
    const st = fs.statSync(real);
    return { given, real, id: `${st.dev}:${st.ino}` };
  } catch {
    return { given, real, id: null };
  }
}

/**
 * Refuses an output that cannot be written, as Excel would, before anything is written: a folder, a
 * pipe or a device, and an existing file that is read-only (judged by its permission bits, not by
 * whether this process could write anyway, as root can).
 */
export function checkWritable(target: FileTarget): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(target.real);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return;
    throw new FollowUpError('bad-input', `cannot write "${target.given}": ${(e as Error).message}; nothing was written`);
  }
  const what = notRegular(st);
  if (what) throw new FollowUpError('bad-input', `cannot write "${target.given}": it is ${what}; nothing was written`);
  if ((st.mode & 0o222) === 0) throw new FollowUpError('bad-input', `cannot write "${target.given}": the file is read-only; nothing was written`);
}

/** Whether two targets are one file: the same inode (hard links, symlinks) or the same real path. */
export function sameFile(a: FileTarget, b: FileTarget): boolean {
  return (a.id !== null && a.id === b.id) || a.real === b.real;
}

/** Permission bits of an existing file, or null when there is none. */
function existingMode(file: string): number | null {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return null;
  }
}

/**
 * Writes a file so that it is never half-written: a temporary file in the same folder, flushed to
 * disk (fsync), then renamed over the target — an existing file is either the old or the new one.
 */
export function writeFileAtomic(filePath: string, bytes: Uint8Array): void {
  // Through symlinks to the file they name (the link stays a link); a replaced file keeps its mode.
  const target = realPathOf(filePath);
  const mode = existingMode(target);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', 0o666);
    if (mode !== null) fs.fchmodSync(fd, mode);
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created */
    }
    const code = errnoCode(e);
    if (code === 'ENOENT') throw new FollowUpError('not-found', `cannot write "${filePath}": its folder does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new FollowUpError('bad-input', `cannot write "${filePath}" (permission denied)`);
    if (code === 'EBUSY') throw new FollowUpError('bad-input', `cannot write "${filePath}": the file is in use (close it in Excel)`);
    if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') throw new FollowUpError('bad-input', `cannot write "${filePath}": it is a folder`);
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new FollowUpError('bad-input', `cannot write "${filePath}": the disk is full`);
    if (code === 'EROFS') throw new FollowUpError('bad-input', `cannot write "${filePath}": the folder is read-only`);
    // Whatever else the file system says (EIO, a network drive gone): the user's problem to see, not a crash.
    const detail = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    throw new FollowUpError('bad-input', `cannot write "${filePath}": ${detail}; nothing was written`);
  }
  // make the rename durable where a folder can be synced (not on Windows)
  try {
    const d = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(d);
    } finally {
      fs.closeSync(d);
    }
  } catch {
    /* not supported: the rename is still atomic */
  }
}
