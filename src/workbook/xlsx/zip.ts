/**
 * A minimal ZIP container reader/writer for OOXML packages (browser and Node: no node imports).
 *
 * Unchanged entries are written back with their ORIGINAL compressed bytes, CRC and timestamps, in
 * their original order: whatever a workbook holds that we do not touch (pivot caches, charts, VBA
 * projects, printer settings) comes back byte-identical. Only entries replaced or added through
 * `set` are (re)compressed.
 */
import type * as Fflate from 'fflate';

export type ZipProblem = 'not-zip' | 'truncated' | 'corrupt' | 'encrypted' | 'unsupported' | 'too-large';

export class ZipError extends Error {
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem, message: string) {
    super(message);
    this.name = 'ZipError';
    this.problem = problem;
  }
}

interface Entry {
  /** Entry name as stored (no leading slash). */
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  /** Compressed bytes as stored (a view into the original file), or null for a new/replaced entry. */
  raw: Uint8Array | null;
  size: number;
  madeBy: number;
  versionNeeded: number;
  externalAttrs: number;
  internalAttrs: number;
  /** Uncompressed content of a new or replaced entry. */
  data: Uint8Array | null;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

/**
 * The compression primitives. fflate (pure JS) by default, so the package works in browsers; the
 * Node-only file module swaps in zlib, which is several times faster on big sheets.
 */
export interface ZipCodec {
  deflate(data: Uint8Array): Uint8Array;
  /**
   * Optional: begins deflating `data` in the background as soon as a part is set, so that `deflate(data)`
   * at save can hand back the result instead of compressing then (Node's zlib runs it on another thread
   * while the sheets after it are made). `data` is not changed after it is set.
   */
  deflateSoon?(data: Uint8Array): void;
  /** Inflates, stopping at `limit` bytes: returns them all, or throws or returns `limit` bytes when there are more. */
  inflate(data: Uint8Array, limit: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

let crcTables: Int32Array[] | null = null;

function makeCrcTables(): Int32Array[] {
  const t0 = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c;
  }
  const tables = [t0];
  for (let k = 1; k < 8; k++) {
    const prev = tables[k - 1];
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff];
    tables.push(t);
  }
  return tables;
}

/** CRC-32 (ISO 3309), slicing by 8. */
export function crc32(data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = crcTables ?? (crcTables = makeCrcTables());
  let c = -1;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t7[c & 0xff] ^ t6[(c >>> 8) & 0xff] ^ t5[(c >>> 16) & 0xff] ^ t4[c >>> 24] ^ t3[data[i + 4]] ^ t2[data[i + 5]] ^ t1[data[i + 6]] ^ t0[data[i + 7]];
  }
  for (; i < n; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

let fflateModule: typeof Fflate | null = null;

/**
 * fflate, loaded when first used: on Node the file module installs zlib and fflate never runs, and
 * loading it (it builds its Huffman tables as it loads) was about a quarter of the time the command
 * line took to load its code (116 → 88 ms of CPU without it).
 */
function fflate(): typeof Fflate {
  return (fflateModule ??= require('fflate') as typeof Fflate);
}

const FFLATE_CODEC: ZipCodec = {
  // Level 1 on all but small parts: pure-JS deflate at level 6 takes seconds on a 30 MB sheet, and on
  // the 2,000-line follow-up's sheets (5 MB of XML) about three times level 1's time for 12 % less.
  deflate: (data) => fflate().deflateSync(data, { level: data.length > 64 << 10 ? 1 : 6 }),
  inflate: (data, limit) => fflate().inflateSync(data, { out: new Uint8Array(limit) }),
  crc32,
};

let codec: ZipCodec = FFLATE_CODEC;

/**
 * What one package may inflate to. Checked before and while inflating, never after: a part is inflated
 * into a buffer of the size its header states (plus one byte to see a lie), so a zip bomb or a header
 * that understates its size stops at the limit instead of taking gigabytes of memory first.
 */
export interface ZipLimits {
  /** Bytes one part may inflate to (a sheet, the shared strings, anything read). */
  readonly part: number;
  /** Bytes all parts read may inflate to together (each part counted once). */
  readonly total: number;
  /** How many times its stored size a part may inflate to, for parts over `ratioFrom` bytes. */
  readonly ratio: number;
  readonly ratioFrom: number;
}

/**
 * 256 MB a part: a sheet of a million rows of 20 figures is about 150 MB of XML. A ratio of 500: Excel's
 * sheets and shared strings deflate 5 to 50 times, deflate itself at most about 1,000 times.
 */
export const ZIP_LIMITS: ZipLimits = { part: 256 << 20, total: 1 << 30, ratio: 500, ratioFrom: 1 << 20 };

/** Bytes as people read them in a message: "1.2 GB", "256 MB", "900 kB". */
export function byteSize(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GB`;
  if (n >= 1 << 20) return `${Math.round(n / (1 << 20))} MB`;
  return `${Math.max(1, Math.round(n / 1024))} kB`;
}

/** Replaces the compression primitives (the Node file module installs zlib); null restores fflate. */
export function setZipCodec(c: ZipCodec | null): void {
  codec = c ?? FFLATE_CODEC;
}

const utf8 = new TextDecoder('utf-8');
const latin = new TextDecoder('latin1');
const encoder = new TextEncoder();

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipPackage {
  private readonly entries: Entry[] = [];
  private readonly byName = new Map<string, Entry>();
  /** Parts inflated so far, and their bytes together (for the total limit). */
  private readonly inflated = new Set<Entry>();
  private inflatedBytes = 0;
  limits: ZipLimits = ZIP_LIMITS;

  /** Reads the central directory; entry contents are inflated only when asked for. */
  static read(bytes: Uint8Array): ZipPackage {
    const pkg = new ZipPackage();
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipError('not-zip', 'not a zip file');
    if (bytes.length < 22) throw new ZipError('truncated', 'the zip file is incomplete');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = -1;
    const stop = Math.max(0, bytes.length - 22 - 0xffff);
    for (let i = bytes.length - 22; i >= stop; i--) {
      if (view.getUint32(i, true) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('truncated', 'the zip file is incomplete (no end of central directory)');
    let count = view.getUint16(eocd + 10, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) {
      const off64 = Number(view.getBigUint64(eocd - 12, true));
      if (off64 + 56 > bytes.length || view.getUint32(off64, true) !== SIG_EOCD64) {
        throw new ZipError('truncated', 'the zip file is incomplete (zip64 directory missing)');
      }
      count = Number(view.getBigUint64(off64 + 32, true));
      cdOffset = Number(view.getBigUint64(off64 + 48, true));
    }
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) {
        throw new ZipError('truncated', 'the zip file is incomplete (central directory damaged)');
      }
      const madeBy = view.getUint16(p + 4, true);
      const versionNeeded = view.getUint16(p + 6, true);
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const dosTime = view.getUint16(p + 12, true);
      const dosDate = view.getUint16(p + 14, true);
      const crc = view.getUint32(p + 16, true);
      let csize = view.getUint32(p + 20, true);
      let size = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const internalAttrs = view.getUint16(p + 36, true);
      const externalAttrs = view.getUint32(p + 38, true);
      let localOffset = view.getUint32(p + 42, true);
      const nameBytes = bytes.slice(p + 46, p + 46 + nameLen);
      // zip64 extra field: 64-bit sizes/offset for the fields that are 0xFFFFFFFF
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) ((size = Number(view.getBigUint64(q, true))), (q += 8));
          if (csize === 0xffffffff) ((csize = Number(view.getBigUint64(q, true))), (q += 8));
          if (localOffset === 0xffffffff) localOffset = Number(view.getBigUint64(q, true));
        }
        e += 4 + len;
      }
      p += 46 + nameLen + extraLen + commentLen;
      const name = flags & 0x800 ? utf8.decode(nameBytes) : latin.decode(nameBytes);
      if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== SIG_LOCAL) {
        throw new ZipError('truncated', `the zip file is incomplete (entry ${name} missing)`);
      }
      const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
      if (dataStart + csize > bytes.length) throw new ZipError('truncated', `the zip file is incomplete (entry ${name} cut off)`);
      const entry: Entry = {
        name,
        nameBytes,
        flags,
        method,
        dosTime,
        dosDate,
        crc,
        raw: bytes.subarray(dataStart, dataStart + csize),
        size,
        madeBy,
        versionNeeded,
        externalAttrs,
        internalAttrs,
        data: null,
      };
      const key = name.toLowerCase();
      const same = pkg.byName.get(key);
      if (same)
        throw new ZipError(
          'corrupt',
          same.name === name
            ? `the zip file holds ${name} twice`
            : `the zip file holds ${same.name} twice (also as ${name}; part names are the same in any case)`,
        );
      pkg.entries.push(entry);
      pkg.byName.set(key, entry);
    }
    return pkg;
  }

  static empty(): ZipPackage {
    return new ZipPackage();
  }

  /** Entry names in package order. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(stripSlash(name).toLowerCase());
  }

  /** The stored name (original case) of an entry, or null. */
  actualName(name: string): string | null {
    return this.byName.get(stripSlash(name).toLowerCase())?.name ?? null;
  }

  /** Whether the entry was replaced or added since reading. */
  isModified(name: string): boolean {
    const e = this.byName.get(stripSlash(name).toLowerCase());
    return !!e && e.raw === null;
  }

  /** Uncompressed content, or null when there is no such entry. Throws ZipError when damaged. */
  get(name: string): Uint8Array | null {
    const e = this.byName.get(stripSlash(name).toLowerCase());
    if (!e) return null;
    if (e.data) return e.data;
    const raw = e.raw as Uint8Array;
    if (e.flags & 1) throw new ZipError('encrypted', `entry ${e.name} is encrypted`);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      this.checkLimits(e, raw);
      out = this.inflate(e, raw);
    } else throw new ZipError('unsupported', `entry ${e.name} uses compression method ${e.method}`);
    if (out.length !== e.size || codec.crc32(out) !== e.crc) throw new ZipError('corrupt', `entry ${e.name} is damaged (checksum)`);
    if (!this.inflated.has(e)) {
      this.inflated.add(e);
      this.inflatedBytes += out.length;
    }
    return out;
  }

  /** Refuses, before inflating, a part whose stated size is past a limit (naming the part and the limit). */
  private checkLimits(e: Entry, raw: Uint8Array): void {
    const { part, total, ratio, ratioFrom } = this.limits;
    const tooLarge = (what: string): ZipError => new ZipError('too-large', `${e.name} ${what}`);
    if (e.size > part) throw tooLarge(`inflates to ${byteSize(e.size)}; at most ${byteSize(part)} is read for one part`);
    if (e.size > ratioFrom && e.size > raw.length * ratio) {
      throw tooLarge(
        `inflates to ${byteSize(e.size)} from ${byteSize(raw.length)} (${Math.round(e.size / Math.max(1, raw.length))} times; at most ${ratio} times is read)`,
      );
    }
    if (!this.inflated.has(e) && this.inflatedBytes + e.size > total) {
      throw tooLarge(`would bring the parts read to ${byteSize(this.inflatedBytes + e.size)}; at most ${byteSize(total)} is read from one workbook`);
    }
  }

  /** Inflates a part into at most its stated size and one byte more: more than stated is refused there. */
  private inflate(e: Entry, raw: Uint8Array): Uint8Array {
    let out: Uint8Array;
    try {
      out = codec.inflate(raw, e.size + 1);
    } catch (err) {
      if ((err as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE') throw this.understated(e);
      throw new ZipError('corrupt', `entry ${e.name} is damaged`);
    }
    if (out.length > e.size) throw this.understated(e);
    return out;
  }

  private understated(e: Entry): ZipError {
    return new ZipError('corrupt', `entry ${e.name} inflates to more than the ${e.size} bytes its header states (stopped there)`);
  }

  getText(name: string): string | null {
    const b = this.get(name);
    return b === null ? null : utf8.decode(b);
  }

  /** Replaces an entry in place (keeping its position) or appends a new one. */
  set(name: string, content: Uint8Array | string): void {
    const n = stripSlash(name);
    const data = typeof content === 'string' ? encoder.encode(content) : content;
    const existing = this.byName.get(n.toLowerCase());
    if (existing) {
      existing.raw = null;
      existing.data = data;
      existing.method = 8;
      existing.flags &= 0x800;
      existing.size = data.length;
      existing.crc = codec.crc32(data);
      codec.deflateSoon?.(data);
      existing.versionNeeded = 20;
      const now = dosDateTime(new Date());
      existing.dosTime = now.time;
      existing.dosDate = now.date;
      return;
    }
    const nameBytes = encoder.encode(n);
    const ascii = nameBytes.length === n.length;
    const now = dosDateTime(new Date());
    const entry: Entry = {
      name: n,
      nameBytes,
      flags: ascii ? 0 : 0x800,
      method: 8,
      dosTime: now.time,
      dosDate: now.date,
      crc: codec.crc32(data),
      raw: null,
      size: data.length,
      madeBy: 20,
      versionNeeded: 20,
      externalAttrs: 0,
      internalAttrs: 0,
      data,
    };
    codec.deflateSoon?.(data);
    this.entries.push(entry);
    this.byName.set(n.toLowerCase(), entry);
  }

  delete(name: string): boolean {
    const key = stripSlash(name).toLowerCase();
    const e = this.byName.get(key);
    if (!e) return false;
    this.byName.delete(key);
    this.entries.splice(this.entries.indexOf(e), 1);
    return true;
  }

  /** Writes the package: untouched entries byte for byte as read, changed ones deflated. */
  toBytes(): Uint8Array {
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const e of this.entries) {
      let body: Uint8Array;
      if (e.raw) body = e.raw;
      else {
        const data = e.data as Uint8Array;
        const deflated = codec.deflate(data);
        if (deflated.length < data.length) {
          body = deflated;
          e.method = 8;
        } else {
          body = data;
          e.method = 0;
        }
      }
      if (offset > 0xfffffff0 || body.length > 0xfffffff0 || e.size > 0xfffffff0) {
        throw new ZipError('unsupported', 'the workbook is too large to save (over 4 GB)');
      }
      const flags = e.flags & ~0x8 & 0xffff; // sizes are in the local header: no data descriptor
      const local = new Uint8Array(30 + e.nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, SIG_LOCAL, true);
      lv.setUint16(4, e.versionNeeded, true);
      lv.setUint16(6, flags, true);
      lv.setUint16(8, e.method, true);
      lv.setUint16(10, e.dosTime, true);
      lv.setUint16(12, e.dosDate, true);
      lv.setUint32(14, e.crc, true);
      lv.setUint32(18, body.length, true);
      lv.setUint32(22, e.size, true);
      lv.setUint16(26, e.nameBytes.length, true);
      lv.setUint16(28, 0, true);
      local.set(e.nameBytes, 30);
      const cd = new Uint8Array(46 + e.nameBytes.length);
      const cv = new DataView(cd.buffer);
      cv.setUint32(0, SIG_CENTRAL, true);
      cv.setUint16(4, e.madeBy, true);
      cv.setUint16(6, e.versionNeeded, true);
      cv.setUint16(8, flags, true);
      cv.setUint16(10, e.method, true);
      cv.setUint16(12, e.dosTime, true);
      cv.setUint16(14, e.dosDate, true);
      cv.setUint32(16, e.crc, true);
      cv.setUint32(20, body.length, true);
      cv.setUint32(24, e.size, true);
      cv.setUint16(28, e.nameBytes.length, true);
      cv.setUint16(36, e.internalAttrs, true);
      cv.setUint32(38, e.externalAttrs, true);
      cv.setUint32(42, offset, true);
      cd.set(e.nameBytes, 46);
      chunks.push(local, body);
      central.push(cd);
      offset += local.length + body.length;
    }
    if (this.entries.length > 0xfffe) throw new ZipError('unsupported', 'too many parts to save');
    const cdStart = offset;
    let cdSize = 0;
    for (const c of central) cdSize += c.length;
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, SIG_EOCD, true);
    ev.setUint16(8, this.entries.length, true);
    ev.setUint16(10, this.entries.length, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, cdStart, true);
    const out = new Uint8Array(offset + cdSize + 22);
    let p = 0;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
    for (const c of central) {
      out.set(c, p);
      p += c.length;
    }
    out.set(eocd, p);
    return out;
  }
}

function stripSlash(name: string): string {
  return name.charCodeAt(0) === 47 ? name.slice(1) : name;
}
