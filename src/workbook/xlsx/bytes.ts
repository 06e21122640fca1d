/**
 * A growing UTF-8 byte buffer for the big parts we write (worksheets). Writing a cell straight to
 * bytes makes no string per cell: with hundreds of thousands of cells, joining their strings and
 * encoding the result costs more than the writing itself. The platform's TextEncoder does the UTF-8;
 * the fixed XML text is encoded once (`ascii` → `raw`).
 */
const encoder = new TextEncoder();

/** Hundredths below this (2⁵², amounts below about 4.5 × 10¹³): there doubles are at most 1/128 apart. */
const CENTS_BELOW = 2 ** 52;

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
    // by half again: with the first size estimated from the cells, one growth is usually enough, and
    // the buffer stays close enough to full for `bytes()` to hand out a view of it
    const grown = new Uint8Array(Math.max(need, this.buf.length + (this.buf.length >> 1)));
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

  /**
   * A number as String(n) writes it (the shortest text that reads back as the same double; -0 as 0).
   * A sheet's figures are amounts in whole øre, and String of a double with decimals costs several
   * times what writing its digits does: at 10,000 lines the sheets hold 600,000 of them. So a whole
   * number of hundredths below CENTS_BELOW is written digit by digit: `cents / 100` is the double
   * nearest to that decimal, and there doubles are less than a hundredth apart, so no shorter decimal
   * reads back as the same double and String(n) would write the same digits.
   */
  num(n: number): void {
    const cents = Math.round(n * 100);
    if (!(cents / 100 === n && cents < CENTS_BELOW && cents > -CENTS_BELOW)) {
      this.str(String(n));
      return;
    }
    this.reserve(24);
    const buf = this.buf;
    let a = cents;
    if (a < 0) {
      buf[this.pos++] = 45; // '-' (and -0 writes as 0)
      a = -a;
    }
    let whole = Math.floor(a / 100);
    const frac = a - whole * 100;
    let digits = 1;
    for (let t = whole; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    do {
      const q = Math.floor(whole / 10);
      buf[--p] = 48 + whole - q * 10;
      whole = q;
    } while (whole > 0);
    if (frac === 0) return;
    const tens = Math.floor(frac / 10);
    buf[this.pos++] = 46; // '.'
    buf[this.pos++] = 48 + tens;
    if (frac !== tens * 10) buf[this.pos++] = 48 + frac - tens * 10;
  }

  /** The bytes written: a view when the buffer is at least half full (no copy of a big sheet), else a copy. */
  bytes(): Uint8Array {
    if (this.pos >= this.buf.length >> 1) return this.buf.subarray(0, this.pos);
    return this.buf.slice(0, this.pos);
  }
}
