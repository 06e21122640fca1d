/**
 * A growing UTF-8 byte buffer for the big parts we write (worksheets). Writing a cell straight to
 * bytes makes no string per cell: with hundreds of thousands of cells, joining their strings and
 * encoding the result costs more than the writing itself. The platform's TextEncoder does the UTF-8;
 * the fixed XML text is encoded once (`ascii` → `raw`).
 */
const encoder = new TextEncoder();

/** Text of XML markup, encoded once (ASCII, so one byte per character). */
export function ascii(s: string): Uint8Array {
  return encoder.encode(s);
}

export class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos;
  }

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Bytes encoded beforehand (`ascii`). */
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /**
   * Any string as UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder writes it). ASCII text, most
   * of a sheet, is copied as it is; anything else goes to TextEncoder, whose `encodeInto` needs a view
   * of the buffer: an object per call, which for hundreds of thousands of short cells is the cost.
   */
  str(s: string): void {
    this.reserve(s.length * 3); // a UTF-16 unit takes at most 3 bytes (a pair, 2 units, takes 4)
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = pos + encoder.encodeInto(s.slice(i), buf.subarray(pos)).written;
        return;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /**
   * Copies bytes written earlier (`start` to `end`, positions from `length`) to the end: a row's number,
   * written once in `<row r="…">`, again in each of its cells' references.
   */
  again(start: number, end: number): void {
    this.reserve(end - start);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = start; i < end; i++) buf[pos++] = buf[i];
    this.pos = pos;
  }

  /** A number as String(n) writes it (the shortest text that reads back as the same double; -0 as 0). */
  num(n: number): void {
    this.str(String(n));
  }

  /** The bytes written: a view when the buffer is nearly full, else a copy (not to hold twice the memory). */
  bytes(): Uint8Array {
    if (this.pos >= this.buf.length - (this.buf.length >> 3)) return this.buf.subarray(0, this.pos);
    return this.buf.slice(0, this.pos);
  }
}
