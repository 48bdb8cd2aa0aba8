/** Offsets are UTF-16 code-unit indexes into the text, as in JavaScript strings and LSP. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of source offsets: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** An edit of the file text, by offset. Insertions have start === end. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Maps offsets to zero-based line/character positions. Line breaks are "\n", "\r\n" and a lone
 * "\r", as in LSP; the character of a position never counts a line break's own characters.
 */
export class LineIndex {
  /** Where each line starts; a typed array, as a large file has hundreds of thousands of lines. */
  private readonly lineStarts: Int32Array;

  /** @param lineStarts where each line starts, when already known (see `afterChange`) */
  constructor(
    readonly text: string,
    lineStarts?: Int32Array,
  ) {
    if (lineStarts) this.lineStarts = lineStarts;
    else {
      const { starts, count } = scanLineStarts(text, 0, text.length + 1, text.length >> 5);
      this.lineStarts = starts.slice(0, count);
    }
  }

  /**
   * The index of `text`, which is this index's text after one change: the lines before the change
   * are kept, the changed part is scanned again up to the first line that starts after it, and
   * the lines from there on are this index's, moved by the change in length. A keystroke in a
   * large file then costs a line's scan instead of the whole text's.
   */
  afterChange(text: string, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const old = this.lineStarts;
    const delta = change.newEnd - change.oldEnd;
    // A line start depends on the characters on both sides of it (a "\r" is a break unless a
    // "\n" follows), so only those before `change.start` are certainly kept: up to the first line
    // start at or after it (or the line count), searched for, as a large file has many.
    let kept = 1;
    let high = old.length;
    while (kept < high) {
      const mid = (kept + high) >> 1;
      if (old[mid] < change.start) kept = mid + 1;
      else high = mid;
    }
    // Scanning starts at a line start, never between the "\r" and "\n" of one break.
    const from = old[kept - 1];
    const scanned = scanLineStarts(text, from, change.newEnd + 1, 16);
    // The first line start past the change in the new text stands for the same one in the old.
    let tail = kept;
    const last = scanned.starts[scanned.count - 1];
    if (scanned.reachedLimit) while (tail < old.length && old[tail] + delta <= last) tail++;
    else tail = old.length;
    const starts = new Int32Array(kept - 1 + scanned.count + (old.length - tail));
    starts.set(old.subarray(0, kept - 1));
    starts.set(scanned.starts.subarray(0, scanned.count), kept - 1);
    for (let k = tail, at = kept - 1 + scanned.count; k < old.length; k++, at++) starts[at] = old[k] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line break the file mostly uses, so inserted lines match it. */
  get eol(): string {
    // Asked once per inserted line; a multi-megabyte catalog must not be searched each time.
    this.eolCache ??= /\r\n/.test(this.text) ? '\r\n' : '\n';
    return this.eolCache;
  }

  private eolCache: string | undefined;
}

/**
 * The line starts in text from `from` (itself a line start, which is included) to the first line
 * start at or after `until`, which ends the scan; or to the end of the text, and then
 * `reachedLimit` is false. The first `count` of `starts` hold them; `capacity` is a guess of how many.
 */
function scanLineStarts(text: string, from: number, until: number, capacity: number): { starts: Int32Array; count: number; reachedLimit: boolean } {
  let starts = new Int32Array(Math.max(16, capacity));
  starts[0] = from;
  let count = 1;
  // Breaks are found with indexOf, many times faster than a loop by char code on a large file;
  // most files have no "\r", and then the search for one costs a single pass.
  let lineFeed = text.indexOf('\n', from);
  let carriageReturn = text.indexOf('\r', from);
  while (lineFeed >= 0 || carriageReturn >= 0) {
    const atLineFeed = carriageReturn < 0 || (lineFeed >= 0 && lineFeed < carriageReturn);
    // "\r\n" is one break.
    const next = atLineFeed ? lineFeed + 1 : carriageReturn + (text.charCodeAt(carriageReturn + 1) === 10 ? 2 : 1);
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = next;
    if (next >= until) return { starts, count, reachedLimit: true };
    if (lineFeed >= 0 && lineFeed < next) lineFeed = text.indexOf('\n', next);
    if (carriageReturn >= 0 && carriageReturn < next) carriageReturn = text.indexOf('\r', next);
  }
  return { starts, count, reachedLimit: false };
}

/** How many characters two texts share at their start, and after that at their end. */
export function commonAffixes(before: string, after: string): { prefix: number; suffix: number } {
  const max = Math.min(before.length, after.length);
  const prefix = commonLength(
    max,
    (from, to) => before.slice(from, to) === after.slice(from, to),
    (i) => before.charCodeAt(i) === after.charCodeAt(i),
  );
  const b = before.length;
  const a = after.length;
  const suffix = commonLength(
    max - prefix,
    (from, to) => before.slice(b - to, b - from) === after.slice(a - to, a - from),
    (i) => before.charCodeAt(b - 1 - i) === after.charCodeAt(a - 1 - i),
  );
  return { prefix, suffix };
}

/**
 * How many characters two texts share from one end, at most `max`: whole chunks compared as
 * strings first, which the engine does natively and far faster than a loop over a megabyte's
 * characters, then character by character in the first chunk that differs.
 */
function commonLength(max: number, sameChunk: (from: number, to: number) => boolean, sameAt: (i: number) => boolean): number {
  const CHUNK = 4096;
  let n = 0;
  while (n + CHUNK <= max && sameChunk(n, n + CHUNK)) n += CHUNK;
  while (n < max && sameAt(n)) n++;
  return n;
}
