/**
 * A growing UTF-8 byte buffer for the big parts we write (worksheets). Writing a cell straight to
 * bytes makes no string per cell: with hundreds of thousands of cells, the strings, joining them and
 * encoding the result cost more than the writing itself, mostly in garbage collection.
 *
 * Three ways in, kept apart on purpose: V8 optimises a copying loop for the kinds of strings it has
 * seen, and the cells' text comes in every kind (sliced, concatenated, two-byte), which made the loop
 * two to three times slower for all strings. So the fixed XML text is encoded once (`ascii` → `raw`),
 * numbers' text (always plain one-byte strings) has a loop of its own, and only the cells' text takes
 * the general path.
 */
const encoder = new TextEncoder();

/** Text of XML markup, encoded once (ASCII, so one byte per character). */
export function ascii(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Strings longer than this are encoded natively; shorter ones cost less to copy than to call out. */
const NATIVE_FROM = 64;

/** Below this magnitude (2⁴³, about 8.8 × 10¹²) neighbouring doubles are less than 1/500 apart. */
const CENTS_BELOW = 2 ** 43;

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
    const n = bytes.length;
    this.reserve(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = bytes[i];
    this.pos = p;
  }

  /** Any string as UTF-8, exactly as TextEncoder writes it (a lone surrogate becomes U+FFFD). */
  str(s: string): void {
    const n = s.length;
    this.reserve(n * 3); // a UTF-16 unit takes at most 3 bytes (a pair, 2 units, takes 4)
    if (n > NATIVE_FROM) {
      this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
      return;
    }
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[p++] = c;
      else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      } else {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (cp >> 18);
          b[p++] = 0x80 | ((cp >> 12) & 0x3f);
          b[p++] = 0x80 | ((cp >> 6) & 0x3f);
          b[p++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          b[p++] = 0xef;
          b[p++] = 0xbf;
          b[p++] = 0xbd;
        }
      }
    }
    this.pos = p;
  }

  /** A non-negative safe integer in decimal, without making its string. */
  uint(n: number): void {
    if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n)) {
      this.numberText(String(n));
      return;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    this.reserve(digits);
    const b = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    let t = n;
    do {
      const q = Math.floor(t / 10);
      b[--p] = 48 + (t - q * 10);
      t = q;
    } while (t > 0);
  }

  /** A number as String(n) writes it, -0 as 0 (what a cell's value holds). */
  num(n: number): void {
    if (Number.isSafeInteger(n)) {
      if (n < 0) {
        this.minus();
        this.uint(-n);
      } else this.uint(n); // -0 is a safe integer and writes as 0
      return;
    }
    // Amounts in whole cents, the most common value in a money sheet, without String(n).
    const cents = Math.round(n * 100);
    if (cents / 100 === n && n > -CENTS_BELOW && n < CENTS_BELOW) this.cents(cents);
    else this.numberText(String(n));
  }

  private minus(): void {
    this.reserve(1);
    this.buf[this.pos++] = 45;
  }

  /**
   * `cents / 100` as String writes it. That is the shortest decimal that reads back as the same
   * double: `cents / 100` is the double nearest to it, and below CENTS_BELOW doubles are less than a
   * cent apart, so no decimal with fewer digits reads back as the same one.
   */
  private cents(cents: number): void {
    if (cents < 0) this.minus();
    const a = Math.abs(cents);
    const whole = Math.floor(a / 100);
    const frac = a - whole * 100;
    this.uint(whole);
    if (frac === 0) return; // not reached: whole numbers take the integer path
    this.reserve(3);
    const b = this.buf;
    const tens = Math.floor(frac / 10);
    const ones = frac - tens * 10;
    b[this.pos++] = 46; // '.'
    b[this.pos++] = 48 + tens;
    if (ones !== 0) b[this.pos++] = 48 + ones;
  }

  /** String(number): ASCII only (digits, sign, point, exponent, Infinity, NaN). */
  private numberText(s: string): void {
    const n = s.length;
    this.reserve(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** The bytes written: a view when the buffer is nearly full, else a copy (not to hold twice the memory). */
  bytes(): Uint8Array {
    if (this.pos >= this.buf.length - (this.buf.length >> 3)) return this.buf.subarray(0, this.pos);
    return this.buf.slice(0, this.pos);
  }
}
