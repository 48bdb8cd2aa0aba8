/**
 * A one-pass reader for strict JSON (RFC 8259) that records where every value is, and nothing
 * else: the tree is built from this record only where an adapter looks. Anything outside strict
 * JSON (comments, trailing commas, a control character in a string, deep nesting) makes it give
 * up, and the caller reads the text the slow way with jsonc-parser, which reports the problem.
 */

export const enum Kind {
  Object = 1,
  Array,
  /** A string with no backslash: its value is the text between the quotes. */
  String,
  /** A string with escapes, decoded when read. */
  EscapedString,
  Number,
  True,
  False,
  Null,
}

/** Fields of one value in `JsonTape.slots`; each value takes SLOT of them, in document order. */
export const enum Slot {
  Kind,
  Start,
  End,
  /** The index of the value after this one and everything inside it. */
  Next,
  Size,
}

export interface JsonTape {
  /** SLOT numbers per value, in document order (a container before its contents). */
  slots: Int32Array;
  /** Index of the root value, or -1 when the text holds only blanks. */
  root: number;
}

/**
 * Deeper than this the slow path decides what happens (it recurses, as it always has), so a
 * pathological file behaves exactly as before. Real catalogs and packages nest a handful deep.
 */
const MAX_DEPTH = 200;

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  OpenBrace = 123,
  CloseBrace = 125,
}

/** The characters a string holds as they are: anything but a quote, a backslash or a control character. */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

/** Thrown (and caught in scanJson) at the first thing strict JSON does not allow. */
const NOT_STRICT = new Error('not strict JSON');

class Scanner {
  pos = 0;
  slots: Int32Array;
  count = 0;
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
    // Room for a value per 16 characters (a pretty-printed catalog has one per 12); grown when needed.
    this.slots = new Int32Array(Math.max(64, (text.length >> 2) & ~3));
  }

  /** Records a value's start and returns its index; its end and next are filled in by `close`. */
  private open(kind: Kind, start: number): number {
    const index = this.count;
    const at = index * Slot.Size;
    if (at + Slot.Size > this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[at + Slot.Kind] = kind;
    this.slots[at + Slot.Start] = start;
    this.count++;
    return index;
  }

  private close(index: number, end: number): void {
    const at = index * Slot.Size;
    this.slots[at + Slot.End] = end;
    this.slots[at + Slot.Next] = this.count;
  }

  skipBlanks(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === Char.Quote) this.string();
    else if (c === Char.OpenBrace) this.object(depth + 1);
    else if (c === Char.OpenBracket) this.array(depth + 1);
    else if (c === Char.Minus || (c >= Char.Zero && c <= Char.Nine)) this.number();
    else if (this.text.startsWith('true', this.pos)) this.literal(Kind.True, 4);
    else if (this.text.startsWith('false', this.pos)) this.literal(Kind.False, 5);
    else if (this.text.startsWith('null', this.pos)) this.literal(Kind.Null, 4);
    else throw NOT_STRICT;
  }

  private literal(kind: Kind, length: number): void {
    const index = this.open(kind, this.pos);
    this.pos += length;
    this.close(index, this.pos);
  }

  private object(depth: number): void {
    if (depth > MAX_DEPTH) throw NOT_STRICT;
    const text = this.text;
    const index = this.open(Kind.Object, this.pos);
    this.pos++;
    this.skipBlanks();
    if (text.charCodeAt(this.pos) !== Char.CloseBrace) {
      for (;;) {
        if (text.charCodeAt(this.pos) !== Char.Quote) throw NOT_STRICT;
        this.string();
        this.skipBlanks();
        if (text.charCodeAt(this.pos) !== Char.Colon) throw NOT_STRICT;
        this.pos++;
        this.skipBlanks();
        this.value(depth);
        this.skipBlanks();
        const c = text.charCodeAt(this.pos);
        if (c === Char.CloseBrace) break;
        if (c !== Char.Comma) throw NOT_STRICT;
        this.pos++;
        this.skipBlanks();
      }
    }
    this.pos++;
    this.close(index, this.pos);
  }

  private array(depth: number): void {
    if (depth > MAX_DEPTH) throw NOT_STRICT;
    const text = this.text;
    const index = this.open(Kind.Array, this.pos);
    this.pos++;
    this.skipBlanks();
    if (text.charCodeAt(this.pos) !== Char.CloseBracket) {
      for (;;) {
        this.value(depth);
        this.skipBlanks();
        const c = text.charCodeAt(this.pos);
        if (c === Char.CloseBracket) break;
        if (c !== Char.Comma) throw NOT_STRICT;
        this.pos++;
        this.skipBlanks();
      }
    }
    this.pos++;
    this.close(index, this.pos);
  }

  private string(): void {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let kind = Kind.String;
    for (;;) {
      PLAIN_RUN.lastIndex = pos;
      PLAIN_RUN.test(text);
      pos = PLAIN_RUN.lastIndex;
      const c = text.charCodeAt(pos);
      if (c === Char.Quote) break;
      // Past the run: an escape, or a control character or the end of the text, which strict JSON forbids.
      if (c !== Char.Backslash) throw NOT_STRICT;
      kind = Kind.EscapedString;
      const e = text.charCodeAt(pos + 1);
      if (e === 117 /* u */) {
        for (let i = pos + 2; i < pos + 6; i++) if (!isHexDigit(text.charCodeAt(i))) throw NOT_STRICT;
        pos += 6;
      } else if (e === Char.Quote || e === Char.Backslash || e === 47 /* / */ || e === 98 /* b */ || e === 102 /* f */ || e === 110 /* n */ || e === 114 /* r */ || e === 116 /* t */) {
        pos += 2;
      } else {
        throw NOT_STRICT;
      }
    }
    this.pos = pos + 1;
    this.close(this.open(kind, start), this.pos);
  }

  /** `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`: what follows is checked by the caller. */
  private number(): void {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === Char.Minus) pos++;
    if (text.charCodeAt(pos) === Char.Zero) pos++;
    else if (isDigit(text.charCodeAt(pos))) while (isDigit(text.charCodeAt(pos))) pos++;
    else throw NOT_STRICT;
    if (text.charCodeAt(pos) === Char.Dot) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw NOT_STRICT;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const c = text.charCodeAt(pos);
    if (c === Char.LowerE || c === Char.UpperE) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === Char.Plus || sign === Char.Minus) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw NOT_STRICT;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    this.pos = pos;
    this.close(this.open(Kind.Number, start), pos);
  }
}

function isDigit(c: number): boolean {
  return c >= Char.Zero && c <= Char.Nine;
}

function isHexDigit(c: number): boolean {
  return (c >= Char.Zero && c <= Char.Nine) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * The positions of every value in `text` when it is strict JSON (a byte-order mark first is
 * allowed, as a blank), or undefined when it is not.
 */
export function scanJson(text: string): JsonTape | undefined {
  const scanner = new Scanner(text);
  if (text.charCodeAt(0) === 0xfeff) scanner.pos = 1;
  try {
    scanner.skipBlanks();
    if (scanner.pos >= text.length) return { slots: scanner.slots, root: -1 };
    scanner.value(0);
    scanner.skipBlanks();
  } catch (error) {
    if (error === NOT_STRICT) return undefined;
    throw error;
  }
  if (scanner.pos !== text.length) return undefined;
  // The tape lives as long as the file's tree: keep only what is used.
  const used = scanner.count * Slot.Size;
  return { slots: used < scanner.slots.length * 0.75 ? scanner.slots.slice(0, used) : scanner.slots, root: 0 };
}
