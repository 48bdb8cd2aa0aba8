import { Column, Dataset, PROSE_COLUMN_CONCEPTS, PROSE_CONCEPTS, ParsedFile } from '../model/dataset';
import { finish } from '../formats/steps';
import { ProseText } from '../model/prose';
import { isAsciiWordChar, isWhitespace } from './chars';
import { CheckSteps, PROSE_STEP_CHARS, ProseField } from './rule';

/** Each file's prose fields, worked out once: several rules ask for them in every lint. */
const fieldsOf = new WeakMap<ParsedFile, readonly ProseField[]>();

/**
 * Every prose value in the file, ordered by position so "defined earlier in the file" means what
 * a reader would expect. Keys, names, URLs, emails and vocabulary fields are never included.
 */
export function proseFields(file: ParsedFile): readonly ProseField[] {
  return finish(proseFieldsInSteps(file));
}

/**
 * proseFields in steps (see CheckSteps), for the first rule to ask in a lint: finding them decodes
 * every prose value of the file (some 50 ms for a 10 MB dictionary), so it pauses after each
 * PROSE_STEP_CHARS characters decoded, having done none of the rule's walk yet.
 */
export function* proseFieldsInSteps(file: ParsedFile): CheckSteps<readonly ProseField[]> {
  let fields = fieldsOf.get(file);
  if (!fields) fieldsOf.set(file, (fields = yield* collectProseFields(file)));
  return fields;
}

function* collectProseFields(file: ParsedFile): CheckSteps<ProseField[]> {
  const out: ProseField[] = [];
  let decoded = 0;
  for (const dataset of file.datasets) {
    for (const concept of PROSE_CONCEPTS) {
      const prose = dataset.fields[concept]?.prose;
      if (prose) out.push(new FieldOf(dataset, undefined, concept, prose));
    }
    for (const column of dataset.columns ?? []) {
      for (const concept of PROSE_COLUMN_CONCEPTS) {
        const prose = column.fields[concept]?.prose;
        if (prose) out.push(new FieldOf(dataset, column, concept, prose));
        decoded += prose?.text.length ?? 0;
      }
      if (decoded >= PROSE_STEP_CHARS) {
        decoded = 0;
        yield 0;
      }
    }
  }
  // Formats list fields in file order nearly always; checking costs less than sorting.
  for (let i = 1; i < out.length; i++) if (out[i].prose.nodeSpan.start < out[i - 1].prose.nodeSpan.start) return out.sort((a, b) => a.prose.nodeSpan.start - b.prose.nodeSpan.start);
  return out;
}

/** A prose field whose label is built only when asked for: the rules that walk every field never ask. */
class FieldOf implements ProseField {
  constructor(
    readonly dataset: Dataset,
    private readonly column: Column | undefined,
    private readonly concept: string,
    readonly prose: ProseText,
  ) {}

  get label(): string {
    return this.column ? `columns[${this.column.fields.name?.value ?? '?'}].${this.concept}` : this.concept;
  }
}

/**
 * nonProseSpans of a text: of a ProseText, found once and kept on it for the other rules that ask
 * (style, acronym, the word lists and readability each do; read them, never change them); of a
 * string, found each time.
 */
export function nonProseSpansIn(source: string | ProseText): Array<[number, number]> {
  if (typeof source === 'string') return nonProseSpans(source);
  if (source.nonProse === undefined) {
    const spans = nonProseSpans(source.text);
    // Most values have none: they share one empty list rather than keep one each while the file is open.
    source.nonProse = spans.length === 0 ? NO_SPANS : spans;
  }
  return source.nonProse;
}

/** Frozen, so that a rule that changed what it was given would fail at once rather than change every value's list. */
const NO_SPANS = Object.freeze([]) as unknown as Array<[number, number]>;

/**
 * Spans of a prose text that are not prose even inside a description: URLs, email addresses and
 * `{{ templating }}`. Word rules skip matches that overlap them.
 *
 * The spans are those of this expression, found by `exec` from the start (leftmost match, the
 * first alternative that matches there, then on from its end):
 *
 *   /\b(?:https?|ftp):\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|`[^`\n]*`/gi
 *
 * It is slow on long prose even when nothing matches, so each alternative is found instead from
 * the characters it cannot do without ("://", "www.", "@", "{{", "{%", a backtick), looked up with
 * indexOf, and grown around them; a differential test holds the two to the same answers.
 */
export function nonProseSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // Most prose holds none of the characters the alternatives need.
  if (text.indexOf(':') < 0 && text.indexOf('@') < 0 && text.indexOf('{') < 0 && text.indexOf('`') < 0 && !wwwUrl(text, 0)) return spans;
  // Each alternative's next match, in one array reused from call to call (this never re-enters).
  const next = nextMatches;
  for (let k = 0; k < NON_PROSE.length; k++) next[k] = NON_PROSE[k](text, 0);
  for (let from = 0; ; ) {
    let best: Match | undefined;
    for (let k = 0; k < NON_PROSE.length; k++) {
      let match = next[k];
      // A match that starts where an earlier span already covers is gone: look again from here.
      if (match && match[0] < from) next[k] = match = NON_PROSE[k](text, from);
      // Ties go to the earlier alternative, as in the expression.
      if (match && (!best || match[0] < best[0])) best = match;
    }
    if (!best) {
      next.fill(undefined);
      return spans;
    }
    // The match itself: a finder makes a new one each time it is asked.
    spans.push(best);
    from = best[1];
  }
}

const nextMatches: Array<Match | undefined> = [];

type Match = [start: number, end: number];
/** The leftmost match of one alternative that starts at or after `from`, or undefined. */
type Finder = (text: string, from: number) => Match | undefined;

/** Whether `\b` holds before a word character at `i` (without the `u` flag: ASCII word characters). */
const boundaryBefore = (text: string, i: number) => i === 0 || !isAsciiWordChar(text.charCodeAt(i - 1));

/** `[^\s<>"')\]]+` from `i`: where it ends, or `i` when it matches nothing. */
function urlTail(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // < > " ' ) ]
    if (c === 60 || c === 62 || c === 34 || c === 39 || c === 41 || c === 93 || isWhitespace(c)) break;
  }
  return i;
}

const lower = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);
/** Whether `text` at `i` is `word` (lower-case ASCII) in any case, as `/i` without `u` compares. */
function isAt(text: string, i: number, word: string): boolean {
  if (i < 0 || i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (lower(text.charCodeAt(i + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** `\b(?:https?|ftp):\/\/[^\s<>"')\]]+` */
const schemeUrl: Finder = (text, from) => {
  for (let colon = text.indexOf('://', from); colon >= 0; colon = text.indexOf('://', colon + 1)) {
    const start = isAt(text, colon - 5, 'https') ? colon - 5 : isAt(text, colon - 4, 'http') ? colon - 4 : isAt(text, colon - 3, 'ftp') ? colon - 3 : -1;
    if (start < from || !boundaryBefore(text, start)) continue;
    const end = urlTail(text, colon + 3);
    if (end > colon + 3) return [start, end];
  }
  return undefined;
};

/** `\bwww\.[^\s<>"')\]]+` */
const wwwUrl: Finder = (text, from) => {
  for (let dot = text.indexOf('.', from + 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    const start = dot - 3;
    if (!isAt(text, start, 'www') || !boundaryBefore(text, start)) continue;
    const end = urlTail(text, dot + 1);
    if (end > dot + 1) return [start, end];
  }
  return undefined;
};

/** `[\w.+-]` */
const isLocalPartChar = (c: number) => isAsciiWordChar(c) || c === 46 || c === 43 || c === 45;
/** `[\w-]` */
const isDomainChar = (c: number) => isAsciiWordChar(c) || c === 45;

/** `(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+` */
const email: Finder = (text, from) => {
  for (let at = text.indexOf('@', from + 1); at >= 0; at = text.indexOf('@', at + 1)) {
    // The local part is the whole run before the "@": a start inside it would fail the look-behind.
    let start = at;
    while (start > 0 && isLocalPartChar(text.charCodeAt(start - 1))) start--;
    if (start === at || start < from) continue;
    let end = at + 1;
    while (isDomainChar(text.charCodeAt(end))) end++;
    if (end === at + 1) continue;
    let matched = -1;
    // Each ".label" that follows counts; a dot without a label after it ends the match before it.
    while (text.charCodeAt(end) === 46 && isDomainChar(text.charCodeAt(end + 1))) {
      end += 2;
      while (isDomainChar(text.charCodeAt(end))) end++;
      matched = end;
    }
    if (matched > 0) return [start, matched];
  }
  return undefined;
};

/** `\{\{[\s\S]*?\}\}` or `\{%[\s\S]*?%\}`: an opener and the first closer after it. */
const delimited =
  (open: string, close: string): Finder =>
  (text, from) => {
    const start = text.indexOf(open, from);
    if (start < 0) return undefined;
    // No closer after this opener means none after any later one either.
    const end = text.indexOf(close, start + 2);
    return end < 0 ? undefined : [start, end + 2];
  };

/** `` `[^`\n]*` `` */
const backticks: Finder = (text, from) => {
  for (let start = text.indexOf('`', from); start >= 0; ) {
    let i = start + 1;
    while (i < text.length && text.charCodeAt(i) !== 96 && text.charCodeAt(i) !== 10) i++;
    if (i === text.length) return undefined;
    if (text.charCodeAt(i) === 96) return [start, i + 1];
    // A line break first: no match from this backtick, and none of the text before the break holds another.
    start = text.indexOf('`', i + 1);
  }
  return undefined;
};

/** The expression's alternatives, in its order. */
const NON_PROSE: readonly Finder[] = [schemeUrl, wwwUrl, email, delimited('{{', '}}'), delimited('{%', '%}'), backticks];

/** Whether [start, end) overlaps one of the spans, which are in order and apart as nonProseSpans gives them. */
export function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  // The first span that ends after `start` is the only one that can overlap: a binary search, since
  // long prose can hold thousands of links.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid][1] <= start) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && end > spans[low][0];
}
