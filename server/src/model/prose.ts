import { Span, TextEdit } from './text';

/**
 * Where each decoded character of a value came from, as runs. Most of a value is copied from its
 * source one to one (a plain scalar, a JSON string without escapes, each line of a block scalar),
 * so a run of such characters is one entry however long it is; a character that is not a copy
 * (an escape, `''`, a folded line break) is an entry of its own. Entries are three integers each
 * in one typed array: where the entry starts in the decoded text, where its source starts, and
 * where its source ends, or VERBATIM for a run of copied characters (which then ends as far into
 * the source as it is long in the decoded text).
 *
 * A value that is one verbatim run, the most common case, is stored as just its source start.
 */
export type SourceMap = Int32Array | number;

const VERBATIM = -1;
const STRIDE = 3;
/** Entries of a builder that has none yet: one made for a value that is not text never allocates. */
const NO_RUNS = new Int32Array(0);

/**
 * The decoded text of one value (what a reader sees) and, for each decoded character, the span of
 * source text it came from. Quoting, escapes, folding and CSV doubling make these differ, so rules
 * work on `text` and findings are mapped back with `sourceSpan`; never by searching the file.
 */
export class ProseText {
  /**
   * What prose rules read: the decoded text with HTML tags, entities and comments blanked out
   * (each masked character becomes a space), so positions still map one to one to the source map.
   */
  readonly text: string;
  /** The decoded value as it is, markup included. */
  readonly decoded: string;
  // The whole value's span, as offsets: a large file has a hundred thousand values, and an object
  // each for their spans would be a tenth of the model.
  private readonly nodeStart: number;
  private readonly nodeEnd: number;
  /**
   * The spans of `text` that are not prose (URLs, emails, templating), once a rule has found them
   * (see nonProseSpansIn in rules/prose-fields.ts): a slot here rather than a WeakMap beside it,
   * since each of the four word rules asks for every value of a catalog's tens of thousands.
   */
  nonProse: Array<[number, number]> | undefined = undefined;

  /**
   * @param map source of each decoded character (see SourceMap); ProseBuilder makes it
   * @param nodeSpan the whole value in the source, quotes included
   * @param encode turns replacement text into source text for this value's style, or undefined
   *   when it cannot be written there without changing the file's structure
   * @param exact false when the decoder could not account for every character; then every
   *   position maps to the whole value and no edit is offered
   * @param emptyAt where text goes when the value is empty (between the quotes of `""`); without
   *   it an empty value offers no edit and callers replace the whole value instead
   * @param offset added to every offset in the map: the value moved this far in the file since
   *   it was recorded (see `moved`)
   * @param masked `text` with its markup masked, when already known (see `moved`)
   */
  constructor(
    text: string,
    private readonly map: SourceMap,
    nodeSpan: Span,
    private readonly encode: (text: string) => string | undefined,
    readonly exact = true,
    private readonly emptyAt?: number,
    private readonly offset = 0,
    masked?: string,
  ) {
    this.decoded = text;
    this.text = masked ?? maskMarkup(text);
    this.nodeStart = nodeSpan.start;
    this.nodeEnd = nodeSpan.end;
  }

  /** The whole value in the source, quotes included. */
  get nodeSpan(): Span {
    return { start: this.nodeStart, end: this.nodeEnd };
  }

  static inexact(text: string, nodeSpan: Span): ProseText {
    return new ProseText(text, 0, nodeSpan, () => undefined, false);
  }

  /**
   * The same value after an edit earlier in the file moved it by `delta` characters. The source
   * map and the masked text are shared, not worked out again, so moving every value after a
   * keystroke costs little.
   */
  moved(delta: number): ProseText {
    if (delta === 0) return this;
    const nodeSpan = { start: this.nodeStart + delta, end: this.nodeEnd + delta };
    const emptyAt = this.emptyAt === undefined ? undefined : this.emptyAt + delta;
    return new ProseText(this.decoded, this.map, nodeSpan, this.encode, this.exact, emptyAt, this.offset + delta, this.text);
  }

  /** Source span of the decoded range [start, end). An empty range maps to an insertion point. */
  sourceSpan(start: number, end: number): Span {
    const length = this.decoded.length;
    if (!this.exact || length === 0) return this.nodeSpan;
    const s = Math.max(0, Math.min(start, length));
    const e = Math.max(s, Math.min(end, length));
    if (e === s) {
      const at = s < length ? startOf(this.map, s) : endOf(this.map, length - 1);
      return { start: at + this.offset, end: at + this.offset };
    }
    return { start: startOf(this.map, s) + this.offset, end: endOf(this.map, e - 1) + this.offset };
  }

  /** An edit that replaces the decoded range [start, end) with `newText`, kept in this value's style. */
  replace(start: number, end: number, newText: string): TextEdit | undefined {
    if (!this.exact) return undefined;
    const encoded = this.encode(newText);
    if (encoded === undefined) return undefined;
    if (this.text.length === 0) return this.emptyAt === undefined ? undefined : { start: this.emptyAt, end: this.emptyAt, newText: encoded };
    const span = this.sourceSpan(start, end);
    return { start: span.start, end: span.end, newText: encoded };
  }
}

/** The index (in entries) of the entry holding decoded character `at`. */
function entryOf(runs: Int32Array, at: number): number {
  let low = 0;
  let high = runs.length / STRIDE - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid * STRIDE] <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Where the source of decoded character `at` starts. */
function startOf(map: SourceMap, at: number): number {
  if (typeof map === 'number') return map + at;
  const k = entryOf(map, at) * STRIDE;
  return map[k + 2] === VERBATIM ? map[k + 1] + (at - map[k]) : map[k + 1];
}

/** Where the source of decoded character `at` ends. */
function endOf(map: SourceMap, at: number): number {
  if (typeof map === 'number') return map + at + 1;
  const k = entryOf(map, at) * STRIDE;
  return map[k + 2] === VERBATIM ? map[k + 1] + (at - map[k]) + 1 : map[k + 2];
}

/**
 * What decoders fill: ProseBuilder, or in tests a reference that keeps one source span per
 * decoded character, to prove the runs map every range the same way.
 */
export interface ProseSink {
  /** Decoded characters so far. */
  readonly length: number;
  /** The decoded text so far. */
  readonly text: string;
  /** Where the source of the last decoded character ends. */
  readonly lastEnd: number;
  pushSource(start: number, end: number): void;
  push(chars: string, start: number, end: number): void;
  truncate(length: number): void;
  build(nodeSpan: Span, encode: (text: string) => string | undefined, emptyAt?: number): ProseText;
}

/**
 * Accumulates a value's decoded text with its source map: `pushSource` for characters copied
 * from the source as they are, `push` for characters that stand for other source text. The text
 * is put together once, from source slices and decoded pieces, when it is first read.
 */
export class ProseBuilder implements ProseSink {
  private runs = NO_RUNS;
  private count = 0; // entries in runs
  /** Decoded characters of each entry that is not verbatim; undefined for verbatim runs. */
  private pieces: Array<string | undefined> = [];
  private joined: string | undefined = '';
  /** Decoded characters so far. */
  length = 0;

  /** @param source the file text every offset given to this builder points into */
  constructor(private readonly source: string) {}

  /** The source characters [start, end), each decoded as itself. */
  pushSource(start: number, end: number): void {
    if (end <= start) return;
    const k = (this.count - 1) * STRIDE;
    const continuesLastRun = this.count > 0 && this.runs[k + 2] === VERBATIM && this.runs[k + 1] + (this.length - this.runs[k]) === start;
    if (!continuesLastRun) this.add(start, VERBATIM, undefined);
    this.length += end - start;
    this.joined = undefined;
  }

  /** Decoded characters that each come from the whole source span [start, end). */
  push(chars: string, start: number, end: number): void {
    if (chars.length === 0) return;
    this.add(start, end, chars);
    this.length += chars.length;
    this.joined = undefined;
  }

  /** Where the source of the last decoded character ends (0 when there is none). */
  get lastEnd(): number {
    if (this.count === 0) return 0;
    const k = (this.count - 1) * STRIDE;
    return this.runs[k + 2] === VERBATIM ? this.runs[k + 1] + (this.length - this.runs[k]) : this.runs[k + 2];
  }

  /** The decoded text so far. */
  get text(): string {
    if (this.joined === undefined) {
      const parts: string[] = [];
      for (let e = 0; e < this.count; e++) {
        const k = e * STRIDE;
        const decodedEnd = e + 1 < this.count ? this.runs[k + STRIDE] : this.length;
        parts.push(this.pieces[e] ?? this.source.slice(this.runs[k + 1], this.runs[k + 1] + decodedEnd - this.runs[k]));
      }
      // A value copied whole is a slice of the file's text, and a slice keeps all of that text
      // alive: once a keystroke makes a new version of the file, a cache or an unchanged field
      // holding the slice would hold the old version too. Joining makes a string of its own.
      this.joined = parts.length === 1 && this.pieces[0] !== undefined ? parts[0] : parts.length === 1 ? detached(parts[0]) : parts.join('');
    }
    return this.joined;
  }

  /** Drops every decoded character from `length` on. */
  truncate(length: number): void {
    if (length >= this.length) return;
    const text = this.joined;
    while (this.count > 0 && this.runs[(this.count - 1) * STRIDE] >= length) {
      this.count--;
      this.pieces.pop();
    }
    const last = this.count - 1;
    const piece = this.pieces[last];
    if (piece !== undefined) this.pieces[last] = piece.slice(0, length - this.runs[last * STRIDE]);
    this.length = length;
    this.joined = text?.slice(0, length);
  }

  build(nodeSpan: Span, encode: (text: string) => string | undefined, emptyAt?: number): ProseText {
    return new ProseText(this.text, this.map(), nodeSpan, encode, true, emptyAt);
  }

  /** The source map as ProseText keeps it: a number for one verbatim run, else the entries, trimmed. */
  map(): SourceMap {
    if (this.count === 0) return 0;
    if (this.count === 1 && this.runs[2] === VERBATIM) return this.runs[1];
    return this.runs.slice(0, this.count * STRIDE);
  }

  private add(sourceStart: number, sourceEnd: number, piece: string | undefined): void {
    if ((this.count + 1) * STRIDE > this.runs.length) {
      const grown = new Int32Array(Math.max(STRIDE * 4, this.runs.length * 2));
      grown.set(this.runs);
      this.runs = grown;
    }
    const k = this.count * STRIDE;
    this.runs[k] = this.length;
    this.runs[k + 1] = sourceStart;
    this.runs[k + 2] = sourceEnd;
    this.pieces.push(piece);
    this.count++;
  }
}

/**
 * The same characters in a string of their own. A substring of a large text (a value sliced from
 * a 10 MB document) points into that text and keeps all of it alive for as long as it is kept;
 * a cache that holds such a string past the document's next version holds that version too.
 * Slicing a concatenation first writes it out flat, into a new string; a slice this short is
 * copied anyway.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Tags (`<p>`, `</b>`, `<br/>`), comments and character references such as `&mdash;`. */
const MARKUP = /<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/g;

/**
 * Blanks out markup so word rules never see "p" or "mdash" as words, and a tag between two words
 * still separates them. Text without "<" or "&" is returned unchanged.
 */
export function maskMarkup(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text.replace(MARKUP, (m) => ' '.repeat(m.length));
}
