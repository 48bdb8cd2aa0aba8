/**
 * write-good's default checks, giving exactly its suggestions (index, offset, reason, order) many
 * times faster. write-good runs each check as one regular expression over the whole text; the
 * clichés and wordiness patterns are alternations of hundreds of phrases that the regex engine
 * tries at every word, and then it merges and sorts the results through a hash of strings.
 *
 * Here the phrases of all five list checks sit in one trie that is walked once from each word
 * start, without regular expressions or allocation; the repeated-word and sentence-start checks
 * are single passes; the results of the eight checks are merged in one pass in the order write-good
 * ends up with. Why each part finds what write-good's expression finds is said where it is done.
 *
 * The lists are write-good 1.0.8's (server/src/data/write-good.json); test/perf/style-differential
 * compares the result with write-good itself, and the expressions the lists make with its own.
 */
import lists from '../data/write-good.json';
import { ASCII_WORD_CHAR, isAsciiWordChar, isWhitespace } from './chars';

export interface StyleSuggestion {
  index: number;
  offset: number;
  reason: string;
}

/** What plainmeta's style rule needs of a suggestion: its range, and the check it is reported as. */
export interface StyleFinding {
  start: number;
  end: number;
  /** The first of write-good's checks that found this range. */
  check: StyleCheck;
  /** write-good's explanation after the quoted text, several joined by "and" as it joins them. */
  explanation: string;
}

/** write-good's checks in the order it runs them, which is also the order it joins their reasons in. */
export const STYLE_CHECKS = ['weasel', 'illusion', 'so', 'thereIs', 'passive', 'adverb', 'tooWordy', 'cliches'] as const;
export type StyleCheck = (typeof STYLE_CHECKS)[number];
const EXPLANATIONS = ['is a weasel word', 'is repeated', 'adds no meaning', 'is unnecessary verbiage', 'may be passive voice', 'can weaken meaning', 'is wordy or unneeded', 'is a cliche'];
const [WEASEL, ILLUSION, SO, THERE_IS, PASSIVE, ADVERB, TOO_WORDY, CLICHES] = STYLE_CHECKS.map((_, i) => i);
const CHECK_COUNT = STYLE_CHECKS.length;

// ---------------------------------------------------------------------------------------------
// Characters as write-good's expressions see them. None has the u flag, so \w and \b are ASCII
// only, and /i folds a character onto an ASCII one only when both are ASCII: comparing ASCII
// letters without case and every other character exactly is what /i does with these phrases.

const isWordChar = isAsciiWordChar;
const WORD_CHAR = ASCII_WORD_CHAR;
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);


/** too-wordy and no-cliches join a phrase's words with this: blanks, backspace, zero-width non-joiner. */
const PHRASE_SPACE = '[\\b\\s\\u200C]*';
const isPhraseSpace = (c: number) => c === 8 || c === 0x200c || isWhitespace(c);

/** Whether \b holds before position i. */
const boundaryAt = (text: string, i: number) => (i > 0 && isWordChar(text.charCodeAt(i - 1))) !== (i < text.length && isWordChar(text.charCodeAt(i)));

// ---------------------------------------------------------------------------------------------
// The expressions of the five list checks, written as their packages write them. The matcher below
// implements exactly these shapes; the differential test checks them against the installed ones.

const BE_VERBS = ['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be'];
const { weasels } = lists.weasel;
const { adverbs, weakens } = lists.adverb;
const { wordyWords } = lists.tooWordy;
const { cliches } = lists.cliches;
const spaced = (phrases: string[]) => phrases.map((p) => p.replace(/ /g, PHRASE_SPACE));

export const PATTERN_SOURCES = {
  weasel: `\\b(${weasels.join('|')})\\b`,
  passive: `\\b(${BE_VERBS.join('|')})\\b\\s*([\\w]+ed|${lists.passive.irregulars.join('|')})\\b`,
  adverb: `\\b((${adverbs.join('|')})(y)|(${weakens.join('|')}))\\b`,
  tooWordy: `\\b(?<!-)(${spaced(wordyWords).join('|')})\\b`,
  cliches: `\\b(${spaced(cliches).join('|')})\\b`,
};

// ---------------------------------------------------------------------------------------------
// The phrase trie.
//
// Each of those expressions but passive-voice's is \b, an alternation of phrases, \b (too-wordy's
// with (?<!-) first). At a given start the regex engine takes the first alternative, in order,
// that matches and is followed by \b. A phrase is a row of literal characters, where `X?` makes one
// optional (the greedy "with" is tried first) and, in the starred lists, each space is
// `[\b\s\u200C]*`. No literal of those lists is such a space character, so the star takes every
// one of them and giving one back can never let the next literal match; a star that ends a phrase
// ("you're the boss ") gives blanks back until \b holds, if it ever does. Either way a phrase
// variant matches in at most one way, so "the first alternative that matches" is the matching
// variant, among all those walked in the trie, with the lowest (phrase, variant) rank. Every phrase
// starts with a letter, so matches can only start at word starts. Passive-voice's be-verbs are
// phrases too; what must follow them is checked where one matches.

/**
 * What the matcher cannot follow in a list of phrases, one a line: a line not starting with a
 * letter, characters other than letters, space, ' , - and a `?` that makes the letter or
 * punctuation before it optional.
 */
const NOT_LITERAL = /^(?![a-z])|[^a-z ',\-?\n]|\?\?|[ ?]\?|^.\?/im;
/** Their columns in the trie, after a `?` is expanded and upper case is read as lower case, and a star's. */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz ',-";
const STAR = '*';

/**
 * A list's phrases in the order the regex engine tries them, lower case, each space a star in a
 * starred list, and each `X?` as two variants: with X, then without.
 */
function variantsOf(phrases: string[], starred: boolean): string[] {
  // One string for the list: this runs at start-up, which the CLI's time counts.
  const joined = phrases.join('\n').toLowerCase();
  if (NOT_LITERAL.test(joined) || phrases.some((p) => p.includes('\n'))) {
    const wrong = phrases.find((p) => NOT_LITERAL.test(p) || p.includes('\n'));
    throw new Error(`write-good phrase "${wrong}" is not a row of literal words the style matcher can follow`);
  }
  const expand = (text: string): string[] => {
    const optional = text.indexOf('?');
    if (optional < 0) return [text];
    const rest = expand(text.slice(optional + 1));
    return [...rest.map((r) => text.slice(0, optional) + r), ...rest.map((r) => text.slice(0, optional - 1) + r)];
  };
  const variants = (starred ? joined.replace(/ /g, STAR) : joined).split('\n');
  return joined.includes('?') ? variants.flatMap(expand) : variants;
}

/**
 * The phrase variants of several checks, in typed arrays built in one pass. A variant is known by
 * its number, from 1; which check it belongs to and its rank there are kept per number.
 */
class PhraseTrie {
  /** ASCII code to column in `next`, upper case as lower case, or -1 for a character no phrase has. */
  readonly column = new Int8Array(128).fill(-1);
  readonly starColumn = ALPHABET.length;
  readonly width = ALPHABET.length + 1;
  /** next[node * width + column]: the child for that character or a star, 0 for none (the root is 0). */
  readonly next: Uint16Array | Int32Array;
  /** The first variant ending at each node, 0 for none; but the variants ending in a star... */
  readonly endsAt: Int32Array;
  /** ...are kept on the node the star leaves from. */
  readonly endsAfterStarAt: Int32Array;
  /** Per variant: the next ending at the same node, its check, its rank in its check's alternation. */
  readonly nextEnd: Int32Array;
  readonly check: Int32Array;
  readonly rank: Int32Array;

  constructor(lists: Array<{ check: number; variants: string[] }>) {
    for (let i = 0; i < ALPHABET.length; i++) {
      this.column[ALPHABET.charCodeAt(i)] = i;
      this.column[ALPHABET[i].toUpperCase().charCodeAt(0)] = i;
    }
    const count = lists.reduce((n, list) => n + list.variants.length, 0);
    const most = lists.reduce((n, list) => list.variants.reduce((m, v) => m + v.length, n), 1);
    // Two bytes a child while they fit: half the memory to touch at start-up and in the walk.
    const next = most < 0x10000 ? new Uint16Array(most * this.width) : new Int32Array(most * this.width);
    const endsAt = new Int32Array(most);
    const endsAfterStarAt = new Int32Array(most);
    this.nextEnd = new Int32Array(count + 1);
    this.check = new Int32Array(count + 1);
    this.rank = new Int32Array(count + 1);
    const { column, width, starColumn } = this;
    let nodes = 1;
    let variant = 0;
    for (const { check, variants } of lists) {
      for (let rank = 0; rank < variants.length; rank++) {
        const text = variants[rank];
        let node = 0;
        let parent = 0;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          const slot = node * width + (c === 42 /* * */ ? starColumn : column[c]);
          if (next[slot] === 0) next[slot] = nodes++;
          parent = node;
          node = next[slot];
        }
        const ends = text.endsWith(STAR) ? endsAfterStarAt : endsAt;
        const at = text.endsWith(STAR) ? parent : node;
        variant++;
        this.check[variant] = check;
        this.rank[variant] = rank;
        // Linked in front: each node's variants are looked at in any order, the best rank wins.
        this.nextEnd[variant] = ends[at];
        ends[at] = variant;
      }
    }
    this.next = next.slice(0, nodes * this.width);
    this.endsAt = endsAt.slice(0, nodes);
    this.endsAfterStarAt = endsAfterStarAt.slice(0, nodes);
  }

  /** Whether text[start, end) is one of the phrases, without case. */
  holds(text: string, start: number, end: number): boolean {
    let node = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const column = c < 128 ? this.column[c] : -1;
      if (column < 0 || (node = this.next[node * this.width + column]) === 0) return false;
    }
    return node > 0 && this.endsAt[node] !== 0;
  }
}

/** The list checks' phrases; adverb-where's alternatives are each adverb stem with "y", then the weakeners. */
const WEASEL_VARIANTS = variantsOf(weasels, false);
const PHRASES = new PhraseTrie([
  { check: WEASEL, variants: WEASEL_VARIANTS },
  { check: PASSIVE, variants: BE_VERBS },
  { check: ADVERB, variants: variantsOf([...adverbs.map((a) => `${a}y`), ...weakens], false) },
  { check: TOO_WORDY, variants: variantsOf(wordyWords, true) },
  { check: CLICHES, variants: variantsOf(cliches, true) },
]);
// The trie's arrays, for the hot loop.
const { column: COLUMN, width: WIDTH, starColumn: STAR_COLUMN, next: NEXT, endsAt: ENDS_AT, endsAfterStarAt: ENDS_AFTER_STAR_AT, nextEnd: NEXT_END, check: CHECK_OF, rank: RANK_OF } = PHRASES;
/** Ranks of the weasels that weasel-words allows after "too " ("too many"). */
const WEASELS_AFTER_TOO = new Set(lists.weasel.exceptions.map((e) => WEASEL_VARIANTS.indexOf(e.toLowerCase())));

const wordsOf = (words: string[]) => new PhraseTrie([{ check: PASSIVE, variants: variantsOf(words, false) }]);
const IRREGULARS = wordsOf(lists.passive.irregulars);
const PASSIVE_EXCEPTIONS = wordsOf(lists.passive.exceptions);

// ---------------------------------------------------------------------------------------------
// What one call finds, per check: starts and lengths in the order found. Reused from call to call
// (the checks are synchronous), so a text without findings allocates nothing.

const hitIndex: number[][] = STYLE_CHECKS.map(() => []);
const hitOffset: number[][] = STYLE_CHECKS.map(() => []);
const hitCount = new Int32Array(CHECK_COUNT);

function hit(check: number, index: number, offset: number): void {
  const n = hitCount[check]++;
  hitIndex[check][n] = index;
  hitOffset[check][n] = offset;
}

/** Per list check, the word start where it last matched, and there its best rank, end, and whether an exception drops it. */
const bestAt = new Int32Array(CHECK_COUNT);
const bestRank = new Int32Array(CHECK_COUNT);
const bestEnd = new Int32Array(CHECK_COUNT);
const bestDropped = new Uint8Array(CHECK_COUNT);
/** The last word start where some check noted a phrase. */
let notedAt = -1;
/** Per list check, where its expression's next search starts (a global regex's lastIndex). */
const resume = new Int32Array(CHECK_COUNT);
const LIST_CHECKS = [WEASEL, PASSIVE, ADVERB, TOO_WORDY, CLICHES];
/** The star branches still to walk: nodes and text positions. */
const pendingNode: number[] = [];
const pendingAt: number[] = [];

const isSentenceEnd = (c: number) => c === 46 /* . */ || c === 59 /* ; */ || c === 33 /* ! */ || c === 63; /* ? */

/**
 * All eight checks in one pass over the text, which is read as write-good's lexical-illusions
 * check reads it: tokens between blanks. Inside them lie the word starts where the list checks
 * are tried, and the punctuation that ends write-good's sentences.
 */
function scan(text: string): void {
  hitCount.fill(0);
  resume.fill(0);
  bestAt.fill(-1);
  notedAt = -1;
  const length = text.length;
  let sentence = 0;
  let lastStart = -1;
  let lastEnd = -1;
  let p = 0;
  while (p < length) {
    let c = text.charCodeAt(p);
    if (isWhitespace(c)) {
      if (c === 10) sentence = p + 1; // no sentence runs over a line break
      p++;
      continue;
    }
    const start = p;
    let hasWordChar = false;
    do {
      if (c < 128 && WORD_CHAR[c] === 1) {
        // A word start: the list checks are tried here, and the rest of the word is passed over.
        hasWordChar = true;
        const first = COLUMN[c]; // the root's row is the first
        if (first >= 0 && NEXT[first] !== 0) wordStart(text, p, NEXT[first]);
        // Never read past the end: charCodeAt there is NaN, and c would no longer compile as an integer.
        while (++p < length && (c = text.charCodeAt(p)) < 128 && WORD_CHAR[c] === 1);
      } else {
        if (isSentenceEnd(c)) {
          // write-good's sentences: /([^\n.;!?]+)([.;!?]+)/g, the run before a run of punctuation.
          if (p > sentence) sentenceStart(text, sentence, p);
          sentence = p + 1;
        }
        if (++p < length) c = text.charCodeAt(p);
      }
    } while (p < length && !isWhitespace(c));
    if (hasWordChar && lastStart >= 0 && sameStart(text.charCodeAt(lastStart), text.charCodeAt(start)) && sameToken(text, lastStart, lastEnd, start, p)) hit(ILLUSION, start, p - start);
    lastStart = start;
    lastEnd = p;
  }
}

/**
 * The five list checks at the word start p, whose first character leads to `node`: as their
 * global expressions run one after another, each check whose last match ended at or before p
 * takes its best phrase here.
 */
function wordStart(text: string, p: number, node: number): void {
  walk(text, p, node);
  // Most words start no phrase: then no check has a best phrase here.
  if (notedAt !== p) return;
  for (let k = 0; k < LIST_CHECKS.length; k++) {
    const check = LIST_CHECKS[k];
    if (bestAt[check] !== p || p < resume[check]) continue;
    resume[check] = bestEnd[check];
    if (bestDropped[check] === 0) hit(check, p, bestEnd[check] - p);
  }
}

/** Walks the trie from the word start p, noting each check's best phrase. */
function walk(text: string, p: number, node: number): void {
  const length = text.length;
  let i = p + 1;
  let pending = 0;
  for (;;) {
    const ends = ENDS_AT[node];
    if (ends !== 0 && boundaryAt(text, i)) note(text, p, i, ends);
    const star = NEXT[node * WIDTH + STAR_COLUMN];
    if (star !== 0) {
      let j = i;
      while (j < length && isPhraseSpace(text.charCodeAt(j))) j++;
      const endsAfterStar = ENDS_AFTER_STAR_AT[node];
      if (endsAfterStar !== 0) {
        // "you're the boss[\b\s\u200C]*\b": the star gives blanks back until \b holds, if it ever does.
        let end = j;
        while (end >= i && !boundaryAt(text, end)) end--;
        if (end >= i) note(text, p, end, endsAfterStar);
      }
      pendingNode[pending] = star;
      pendingAt[pending++] = j;
    }
    let child = 0;
    if (i < length) {
      const c = text.charCodeAt(i);
      const column = c < 128 ? COLUMN[c] : -1;
      if (column >= 0) child = NEXT[node * WIDTH + column];
    }
    if (child !== 0) {
      node = child;
      i++;
    } else if (pending > 0) {
      node = pendingNode[--pending];
      i = pendingAt[pending];
    } else return;
  }
}

/** Notes the variants `ends` on that match from the word start p to i (\b holding there) where they beat the best so far. */
function note(text: string, p: number, i: number, ends: number): void {
  for (let variant = ends; variant !== 0; variant = NEXT_END[variant]) {
    const check = CHECK_OF[variant];
    const rank = RANK_OF[variant];
    if (bestAt[check] === p && rank >= bestRank[check]) continue;
    if (check === TOO_WORDY && p > 0 && text.charCodeAt(p - 1) === 45 /* - */) continue; // its (?<!-)
    if (check === PASSIVE) {
      const participle = skipSpaces(text, i);
      const end = participleEnd(text, participle);
      if (end < 0) continue;
      bestEnd[check] = end;
      bestDropped[check] = PASSIVE_EXCEPTIONS.holds(text, participle, end) ? 1 : 0;
    } else {
      bestEnd[check] = i;
      // weasel-words allows "too many" and "too few", looking back with substr (from the end before 4).
      bestDropped[check] = check === WEASEL && WEASELS_AFTER_TOO.has(rank) && text.substr(p - 4, 4) === 'too ' ? 1 : 0;
    }
    bestAt[check] = p;
    bestRank[check] = rank;
    notedAt = p;
  }
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * After a be-verb (a whole word, as \b follows it), `\s*([\w]+ed|irregulars)\b`: \s* takes every
 * blank, as [\w] takes none, up to `start`. The word there must then end in "ed" (\b only holds at
 * its end) or be an irregular participle. Returns the match's end, or -1.
 */
function participleEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  if (end === start) return -1;
  if (end - start >= 3 && lower(text.charCodeAt(end - 2)) === 101 /* e */ && lower(text.charCodeAt(end - 1)) === 100 /* d */) return end;
  return IRREGULARS.holds(text, start, end) ? end : -1;
}

/**
 * sameToken's first step, here where it is inlined into the scan: most pairs of tokens differ at
 * their first characters, and then are told apart without a call.
 */
const sameStart = (x: number, y: number) => x >= 128 || y >= 128 || lower(x) === lower(y);

/**
 * Whether two tokens are the same without case, as lexical-illusions compares them: lower-cased
 * whole. While both are ASCII their lower-case forms are theirs a character at a time; from the
 * first other character on they are compared as it does (a Kelvin sign lower-cases to "k", a
 * dotted capital I to two characters).
 */
function sameToken(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  for (let a = aStart, b = bStart; ; a++, b++) {
    if (a === aEnd || b === bEnd) return a === aEnd && b === bEnd;
    const x = text.charCodeAt(a);
    const y = text.charCodeAt(b);
    if (x >= 128 || y >= 128) return text.slice(aStart, aEnd).toLowerCase() === text.slice(bStart, bEnd).toLowerCase();
    if (lower(x) !== lower(y)) return false;
  }
}

/**
 * /^(\s)*so\b[\s\S]/i and /^(\s)*there\b\s(is|are)\b/i on the sentence text[start, end). (\s)*
 * keeps only the last blank it read, so write-good moves the start by at most one character; the
 * "there" offset counts the blanks less that one. The end of the sentence is a \b, as the
 * punctuation after it is.
 */
function sentenceStart(text: string, start: number, end: number): void {
  let f = start;
  while (f < end && isWhitespace(text.charCodeAt(f))) f++;
  const moved = f > start ? 1 : 0;
  if (startsWith(text, f, end, 'so') && f + 2 < end && !isWordChar(text.charCodeAt(f + 2))) {
    hit(SO, start + moved, 2);
  } else if (startsWith(text, f, end, 'there') && f + 5 < end && isWhitespace(text.charCodeAt(f + 5))) {
    const verb = startsWith(text, f + 6, end, 'is') ? 2 : startsWith(text, f + 6, end, 'are') ? 3 : 0;
    if (verb && (f + 6 + verb === end || !isWordChar(text.charCodeAt(f + 6 + verb)))) hit(THERE_IS, start + moved, f - start + 6 + verb - moved);
  }
}

/** Whether text[at, end) starts with the lower-case ASCII word, without case. */
function startsWith(text: string, at: number, end: number, word: string): boolean {
  if (at + word.length > end) return false;
  for (let i = 0; i < word.length; i++) if (lower(text.charCodeAt(at + i)) !== word.charCodeAt(i)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Merging. write-good concatenates the checks' suggestions in check order, keeps the first of each
// (index, offset) and appends the later ones' explanations to its reason, then sorts by index with
// (a, b) => (a.index < b.index ? -1 : 1). That comparator never says "equal", but V8's TimSort only
// ever asks whether an element is less than another, so it keeps equal indexes in their order:
// the result is by index, then by the check that first found each range. Each check's own hits
// are in index order and at distinct indexes, so a merge of the eight lists gives that order.

/** The merged suggestions: start, length, and the checks that found them as bits in check order. */
const mergedIndex: number[] = [];
const mergedOffset: number[] = [];
const mergedChecks: number[] = [];
const cursor = new Int32Array(CHECK_COUNT);

/** Runs every check on the text and merges their hits; returns how many suggestions there are. */
function suggest(text: string): number {
  scan(text);
  cursor.fill(0);
  let merged = 0;
  for (;;) {
    let index = 0x7fffffff;
    for (let check = 0; check < CHECK_COUNT; check++) {
      if (cursor[check] < hitCount[check] && hitIndex[check][cursor[check]] < index) index = hitIndex[check][cursor[check]];
    }
    if (index === 0x7fffffff) return merged;
    const group = merged;
    for (let check = 0; check < CHECK_COUNT; check++) {
      if (cursor[check] >= hitCount[check] || hitIndex[check][cursor[check]] !== index) continue;
      const offset = hitOffset[check][cursor[check]++];
      let same = group;
      while (same < merged && mergedOffset[same] !== offset) same++;
      if (same < merged) {
        mergedChecks[same] |= 1 << check;
      } else {
        mergedIndex[merged] = index;
        mergedOffset[merged] = offset;
        mergedChecks[merged++] = 1 << check;
      }
    }
  }
}

/** The explanation of each set of checks, as write-good joins them. */
const explanations: string[] = [];
export function explanationOf(checks: number): string {
  return (explanations[checks] ??= EXPLANATIONS.filter((_, check) => checks & (1 << check)).join(' and '));
}

/** The same suggestions as `writeGood(text)` with its default checks. */
export function styleSuggestions(text: string): StyleSuggestion[] {
  const count = suggest(text);
  const out: StyleSuggestion[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const index = mergedIndex[i];
    const offset = mergedOffset[i];
    out[i] = { index, offset, reason: `"${text.substr(index, offset)}" ${explanationOf(mergedChecks[i])}` };
  }
  return out;
}

const NO_FINDINGS: readonly never[] = Object.freeze([]);

/**
 * styleFindings packed three numbers a finding: its start, its end, and the checks that found it
 * as bits in check order (checkOf and explanationOf read them). The style rule keeps one such
 * array per text rather than an object per finding: a catalog has tens of thousands of findings.
 */
export function packedStyleFindings(text: string): readonly number[] {
  const count = suggest(text);
  if (count === 0) return NO_FINDINGS;
  const out: number[] = new Array(count * 3);
  for (let i = 0; i < count; i++) {
    out[3 * i] = mergedIndex[i];
    out[3 * i + 1] = mergedIndex[i] + mergedOffset[i];
    out[3 * i + 2] = mergedChecks[i];
  }
  return out;
}

/** The first of a set of checks (as bits in check order): the one a finding is reported as. */
export function checkOf(checks: number): StyleCheck {
  return STYLE_CHECKS[31 - Math.clz32(checks & -checks)];
}

/** write-good's suggestions as ranges with the check each is reported as, without building its reasons. */
export function styleFindings(text: string): readonly StyleFinding[] {
  const packed = packedStyleFindings(text);
  if (packed.length === 0) return NO_FINDINGS;
  const out: StyleFinding[] = new Array(packed.length / 3);
  for (let i = 0; i < out.length; i++) {
    const checks = packed[3 * i + 2];
    out[i] = { start: packed[3 * i], end: packed[3 * i + 1], check: checkOf(checks), explanation: explanationOf(checks) };
  }
  return out;
}
