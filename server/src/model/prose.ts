import { Span, TextEdit } from './text';

/**
 * The decoded text of one value (what a reader sees) and, for each decoded character, the span of
 * source text it came from. Quoting, escapes, folding and CSV doubling make these differ, so rules
 * work on `text` and findings are mapped back with `sourceSpan`; never by searching the file.
 */
export class ProseText {
  /**
   * What prose rules read: the decoded text with HTML tags, entities and comments blanked out
   * (each masked character becomes a space), so positions still map one to one to `starts`/`ends`.
   */
  readonly text: string;
  /** The decoded value as it is, markup included. */
  readonly decoded: string;

  /**
   * @param starts,ends source span of each decoded character (same length as text)
   * @param nodeSpan the whole value in the source, quotes included
   * @param encode turns replacement text into source text for this value's style, or undefined
   *   when it cannot be written there without changing the file's structure
   * @param exact false when the decoder could not account for every character; then every
   *   position maps to the whole value and no edit is offered
   * @param emptyAt where text goes when the value is empty (between the quotes of `""`); without
   *   it an empty value offers no edit and callers replace the whole value instead
   */
  constructor(
    text: string,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
    readonly nodeSpan: Span,
    private readonly encode: (text: string) => string | undefined,
    readonly exact = true,
    private readonly emptyAt?: number,
  ) {
    this.decoded = text;
    this.text = maskMarkup(text);
  }

  static inexact(text: string, nodeSpan: Span): ProseText {
    return new ProseText(text, [], [], nodeSpan, () => undefined, false);
  }

  /** Source span of the decoded range [start, end). An empty range maps to an insertion point. */
  sourceSpan(start: number, end: number): Span {
    if (!this.exact || this.text.length === 0) return { ...this.nodeSpan };
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    if (e === s) {
      const at = s < this.text.length ? this.starts[s] : this.ends[this.text.length - 1];
      return { start: at, end: at };
    }
    return { start: this.starts[s], end: this.ends[e - 1] };
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

/** Accumulates decoded characters with their source spans. */
export class ProseBuilder {
  text = '';
  starts: number[] = [];
  ends: number[] = [];

  push(chars: string, start: number, end: number): void {
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.text += chars;
  }

  truncate(length: number): void {
    this.text = this.text.slice(0, length);
    this.starts.length = length;
    this.ends.length = length;
  }

  build(nodeSpan: Span, encode: (text: string) => string | undefined, emptyAt?: number): ProseText {
    return new ProseText(this.text, this.starts, this.ends, nodeSpan, encode, true, emptyAt);
  }
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
