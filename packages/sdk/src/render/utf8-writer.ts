/**
 * A growable UTF-8 byte buffer that the YAML emitter writes into.
 *
 * Joining or concatenating the few hundred thousand small strings a large pipeline renders
 * to cost about as much as the rest of the rendering (bench/render-size.ts); copying
 * characters into one buffer and decoding it once is cheaper, and lets a write be undone by
 * resetting the position (the emitter writes `key:` before it knows whether the map below is
 * empty).
 */
/**
 * Letter-initial words some YAML reader takes for a boolean or null: go-yaml v2's (see
 * `yaml11/resolve.ts`) and the YAML 1.2 core schema's. {@link Utf8Writer.simplePlain} leaves them alone.
 */
const RESERVED_WORDS: ReadonlySet<string> = new Set(
  "y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split(" "),
);

/** Text written as UTF-8 bytes, decoded once by {@link Utf8Writer.toString}. */
export class Utf8Writer {
  /** The bytes written so far, up to {@link pos}. */
  private bytes = new Uint8Array(1 << 16);
  /** The number of bytes written; set it back to undo writes. */
  pos = 0;

  /** Makes room for `count` more bytes. */
  private reserve(count: number): Uint8Array {
    if (this.pos + count > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + count));
      grown.set(this.bytes.subarray(0, this.pos));
      this.bytes = grown;
    }
    return this.bytes;
  }

  /** Writes a string, encoding it as UTF-8. Lone surrogates are never passed in (rendering rejects them first). */
  text(text: string): void {
    const length = text.length;
    const bytes = this.reserve(length * 3);
    let pos = this.pos;
    for (let index = 0; index < length; index++) {
      let code = text.charCodeAt(index);
      if (code < 0x80) {
        bytes[pos++] = code;
      } else if (code < 0x800) {
        bytes[pos++] = 0xc0 | (code >> 6);
        bytes[pos++] = 0x80 | (code & 0x3f);
      } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
        // A surrogate pair: one four-byte sequence.
        code = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(++index) - 0xdc00);
        bytes[pos++] = 0xf0 | (code >> 18);
        bytes[pos++] = 0x80 | ((code >> 12) & 0x3f);
        bytes[pos++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[pos++] = 0x80 | (code & 0x3f);
      } else {
        bytes[pos++] = 0xe0 | (code >> 12);
        bytes[pos++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[pos++] = 0x80 | (code & 0x3f);
      }
    }
    this.pos = pos;
  }

  /**
   * Writes `text` if it can stand as a plain scalar by a quick, conservative test, and
   * returns whether it did: it starts with a letter, `/`, `_`, `$` or `(`, holds only
   * printable ASCII but `:` and `#`, and does not end in a space. Such text holds no YAML
   * indicator, escape, number or document marker. Words like `yes` or `null` are left alone.
   */
  simplePlain(text: string): boolean {
    const length = text.length;
    if (length === 0 || (length <= 5 && RESERVED_WORDS.has(text))) return false;
    const first = text.charCodeAt(0);
    const letter = (first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a);
    if (!letter && first !== 0x2f && first !== 0x5f && first !== 0x24 && first !== 0x28) return false;
    if (text.charCodeAt(length - 1) === 0x20) return false;
    const bytes = this.reserve(length);
    const start = this.pos;
    bytes[start] = first;
    for (let index = 1; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code > 0x7e || code === 0x3a || code === 0x23) return false;
      bytes[start + index] = code;
    }
    this.pos = start + length;
    return true;
  }

  /** A line break, then `depth` levels of two-space indentation. */
  newline(depth: number): void {
    const bytes = this.reserve(1 + 2 * depth);
    let pos = this.pos;
    bytes[pos++] = 0x0a;
    for (let index = 2 * depth; index > 0; index--) bytes[pos++] = 0x20;
    this.pos = pos;
  }

  /** Before a sequence item but the first: a line break (two when `spaced`), indentation, `- `. */
  item(depth: number, spaced: boolean): void {
    const bytes = this.reserve(4 + 2 * depth);
    let pos = this.pos;
    bytes[pos++] = 0x0a;
    if (spaced) bytes[pos++] = 0x0a;
    for (let index = 2 * depth; index > 0; index--) bytes[pos++] = 0x20;
    bytes[pos++] = 0x2d;
    bytes[pos++] = 0x20;
    this.pos = pos;
  }

  /** Everything written, as a string. */
  toString(): string {
    return new TextDecoder().decode(this.bytes.subarray(0, this.pos));
  }
}
