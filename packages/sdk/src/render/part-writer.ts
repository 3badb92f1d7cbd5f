/**
 * The YAML emitter's output: the texts it writes, kept in order and joined once at the end.
 *
 * Nearly every text written is one that exists already (a key's cached text, a value from
 * the config, a cached line break and indentation), so keeping a reference to each costs
 * one array slot, and the characters are copied once, by `join`, in native code. That
 * matters most before V8 has optimized the emitter (which is all of a one-off `sdk render`):
 * copying characters one by one in JavaScript, as an earlier version did into a UTF-8
 * buffer, runs at interpreter speed until then. A write is undone by setting {@link pos}
 * back (the emitter writes `key:` before it knows whether the map below is empty).
 *
 * The texts are joined a few thousand at a time, between sequence items, then the joined
 * pieces once at the end: one `join` of a few hundred thousand texts takes several times
 * as long as joining them in pieces.
 */

/**
 * Text that can stand as a plain scalar by a quick, conservative test: it starts with a
 * letter, `/`, `_`, `$` or `(`, holds only printable ASCII but `:` and `#`, and does not end
 * in a space. Such text holds no YAML indicator, escape, number or document marker. Words
 * some YAML reader takes for a boolean or null (go-yaml v2's, see `yaml11/resolve.ts`, and
 * the YAML 1.2 core schema's: `yes`, `on`, `null`...) are left out.
 */
const SIMPLE_PLAIN =
  /^(?!(?:[yYnN]|[Yy]es|YES|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF|[Nn]ull|NULL)$)[A-Za-z/_$(](?:[\x20-\x22\x24-\x39\x3b-\x7e]*[\x21\x22\x24-\x39\x3b-\x7e])?$/;

/** True when `text` can be written as it is, by the quick test of {@link SIMPLE_PLAIN}; false means only "not sure". */
export function isSimplePlain(text: string): boolean {
  return SIMPLE_PLAIN.test(text);
}

/** How many texts are joined into one piece (see {@link PartWriter.item}). */
const PIECE_PARTS = 4096;

/** How many depths get a cached line break and indentation; deeper ones are made when written. */
const CACHED_DEPTHS = 64;

/** `\n` and `depth` levels of two-space indentation, for each depth. */
const NEWLINES: readonly string[] = Array.from({ length: CACHED_DEPTHS }, (_, depth) => `\n${"  ".repeat(depth)}`);
/** The same, then `- `, before a sequence item. */
const ITEMS: readonly string[] = NEWLINES.map((newline) => `${newline}- `);
/** The same with a blank line first, between the items of a spaced list. */
const SPACED_ITEMS: readonly string[] = ITEMS.map((item) => `\n${item}`);

/** Texts written in order, joined by {@link PartWriter.toString}. */
export class PartWriter {
  /** The texts written since the last piece was joined, up to {@link pos}. */
  private readonly parts: string[] = [];
  /** The texts joined so far, in order. */
  private readonly pieces: string[] = [];
  /** The number of texts in {@link parts}; set it back to undo writes. */
  pos = 0;

  /** Joins the texts written since the last piece into a new piece. */
  private join(): void {
    const parts = this.parts;
    // Texts past the position were undone.
    parts.length = this.pos;
    this.pieces.push(parts.join(""));
    this.pos = 0;
  }

  /** Writes a text. */
  text(text: string): void {
    this.parts[this.pos++] = text;
  }

  /** Writes two texts: a key and its value, say. */
  pair(first: string, second: string): void {
    const parts = this.parts;
    parts[this.pos++] = first;
    parts[this.pos++] = second;
  }

  /**
   * Before a sequence item but the first: a line break (two when `spaced`), indentation, `- `.
   * Texts already written may be joined here: no write before an item is ever undone, since
   * the emitter undoes only a key whose map turned out empty, which then held no list.
   */
  item(depth: number, spaced: boolean): void {
    if (this.pos >= PIECE_PARTS) this.join();
    if (depth >= CACHED_DEPTHS) this.parts[this.pos++] = `${spaced ? "\n\n" : "\n"}${"  ".repeat(depth)}- `;
    else this.parts[this.pos++] = (spaced ? SPACED_ITEMS[depth] : ITEMS[depth]) as string;
  }

  /** Everything written, as one string. */
  toString(): string {
    this.join();
    return this.pieces.join("");
  }
}
