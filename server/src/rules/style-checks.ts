/**
 * write-good's checks, giving exactly its suggestions (index, offset, reason, order) several times
 * faster. write-good runs each check as one regular expression over the whole text; the clichés
 * and wordiness patterns are alternations of hundreds of phrases that the regex engine tries at
 * every word. Here each pattern is the same, but split by the first two letters its phrases can
 * start with: at each word start only the few phrases that can match there are tried, in their
 * original order, with the same surrounding pattern. A match at a position therefore picks the
 * same alternative, and scanning word starts in order finds the same leftmost matches.
 *
 * The lists are write-good 1.0.8's (server/src/data/write-good.json); test/perf/style-differential
 * compares the result with write-good itself.
 */
import lists from '../data/write-good.json';

export interface StyleSuggestion {
  index: number;
  offset: number;
  reason: string;
}

/** What a check found, before write-good adds its reason. */
interface Hit {
  index: number;
  offset: number;
}

/** How write-good's checks separate the words of a phrase: blanks, backspace, zero-width non-joiner. */
const PHRASE_SPACE = '[\\b\\s\\u200C]*';

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** The characters of JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isPhraseSpace = (c: number) => c === 8 || c === 0x200c || isSpace(c);

const isKeyChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39; /* a-z 0-9 ' */

/** The first two characters a phrase's match begins with, lower case; spaces may match nothing. */
function phraseKey(phrase: string): number {
  const chars: number[] = [];
  for (let i = 0; i < phrase.length && chars.length < 3; i++) if (phrase[i] !== ' ') chars.push(lower(phrase.charCodeAt(i)));
  // Only literal letters, digits and apostrophes may decide the key; a quantifier after one would make it optional.
  const [first, second, third] = chars;
  if (!isWordChar(first) || first === 95 || !isKeyChar(second) || '?*+{'.includes(String.fromCharCode(third ?? 32))) {
    throw new Error(`write-good phrase "${phrase}" does not start with two literal characters`);
  }
  return first * 128 + second;
}

/**
 * One of write-good's patterns, `\b(…)` with one or more alternations, split by phrase key. The
 * per-key expressions are sticky and compiled on first use.
 */
class KeyedPattern {
  /** Per key: the phrases of each alternation that can start there, or a compiled expression. */
  private readonly byKey: Array<string[][] | RegExp | undefined> = new Array(128 * 128);

  /** `build` writes the whole pattern from the alternations, as the original package does. */
  constructor(groups: readonly string[][], private readonly build: (groups: string[][]) => string) {
    groups.forEach((group, g) => {
      for (const phrase of group) {
        const key = phraseKey(phrase);
        let entry = this.byKey[key] as string[][] | undefined;
        if (!entry) this.byKey[key] = entry = groups.map(() => []);
        entry[g].push(phrase);
      }
    });
  }

  /** The full pattern as the original package compiles it, to compare with it. */
  source(groups: readonly string[][]): string {
    return this.build(groups.map((g) => [...g]));
  }

  /** The match starting exactly at `index`, or null. */
  matchAt(text: string, index: number, key: number): RegExpExecArray | null {
    let re = this.byKey[key];
    if (re === undefined) return null;
    if (!(re instanceof RegExp)) this.byKey[key] = re = new RegExp(this.build(re), 'iy');
    re.lastIndex = index;
    return re.exec(text);
  }
}

const spaced = (phrases: string[]) => phrases.map((p) => p.replace(/ /g, PHRASE_SPACE));
const alternation = (phrases: string[]) => phrases.join('|');

const BE_VERBS = ['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be'];

/** The five list-based checks, each built as its package builds its expression. */
export const PATTERNS = {
  weasel: new KeyedPattern([lists.weasel.weasels], ([w]) => `\\b(${alternation(w)})\\b`),
  passive: new KeyedPattern([BE_VERBS], ([be]) => `\\b(${alternation(be)})\\b\\s*([\\w]+ed|${alternation(lists.passive.irregulars)})\\b`),
  adverb: new KeyedPattern([lists.adverb.adverbs, lists.adverb.weakens], ([adverbs, weakens]) =>
    // An empty side is left out: an empty alternation would match nothing-plus-"y" anywhere.
    `\\b(${[adverbs.length ? `(${alternation(adverbs)})(y)` : '', weakens.length ? `(${alternation(weakens)})` : ''].filter(Boolean).join('|')})\\b`,
  ),
  tooWordy: new KeyedPattern([lists.tooWordy.wordyWords], ([w]) => `\\b(?<!-)(${alternation(spaced(w))})\\b`),
  cliches: new KeyedPattern([lists.cliches.cliches], ([c]) => `\\b(${alternation(spaced(c))})\\b`),
};

/** The groups each pattern was built from, for comparing full patterns with the packages'. */
export const PATTERN_GROUPS: Record<keyof typeof PATTERNS, string[][]> = {
  weasel: [lists.weasel.weasels],
  passive: [BE_VERBS],
  adverb: [lists.adverb.adverbs, lists.adverb.weakens],
  tooWordy: [lists.tooWordy.wordyWords],
  cliches: [lists.cliches.cliches],
};

const WEASEL_EXCEPTIONS = lists.weasel.exceptions;
const PASSIVE_EXCEPTIONS = lists.passive.exceptions;

const LIST_CHECKS = Object.keys(PATTERNS) as Array<keyof typeof PATTERNS>;
const KEYED = LIST_CHECKS.map((name) => PATTERNS[name]);
const WEASEL = LIST_CHECKS.indexOf('weasel');
const PASSIVE = LIST_CHECKS.indexOf('passive');

/** Runs the five list checks in one pass over word starts, each resuming after its last match. */
function listChecks(text: string): Record<keyof typeof PATTERNS, Hit[]> {
  const found: Hit[][] = KEYED.map(() => []);
  const resume = new Array<number>(KEYED.length).fill(0);
  const length = text.length;
  let previousIsWord = false;
  for (let p = 0; p < length; p++) {
    const c = text.charCodeAt(p);
    const word = isWordChar(c);
    const start = word && !previousIsWord;
    previousIsWord = word;
    if (!start) continue;
    // The second character a phrase can match: spaces between a phrase's words may match nothing.
    let q = p + 1;
    while (q < length && isPhraseSpace(text.charCodeAt(q))) q++;
    if (q >= length) break;
    const second = lower(text.charCodeAt(q));
    if (second >= 128) continue; // the phrases are ASCII, and /i without /u never folds other characters onto ASCII
    const key = lower(c) * 128 + second;
    for (let check = 0; check < KEYED.length; check++) {
      if (p < resume[check]) continue;
      const m = KEYED[check].matchAt(text, p, key);
      if (!m) continue;
      resume[check] = p + m[0].length;
      if (check === WEASEL) {
        const weasel = m[0].toLowerCase();
        if (WEASEL_EXCEPTIONS.indexOf(weasel) !== -1 && text.substr(p - 4, 4) === 'too ') continue;
        found[check].push({ index: p, offset: weasel.length });
      } else if (check === PASSIVE && PASSIVE_EXCEPTIONS.indexOf(m[2].toLowerCase()) !== -1) {
        continue;
      } else {
        found[check].push({ index: p, offset: m[0].length });
      }
    }
  }
  return Object.fromEntries(LIST_CHECKS.map((name, i) => [name, found[i]])) as Record<keyof typeof PATTERNS, Hit[]>;
}

/** A word written twice in a row ("the the"), compared without case; the second is reported. */
function lexicalIllusions(text: string): Hit[] {
  const hits: Hit[] = [];
  const length = text.length;
  let last = '';
  let p = 0;
  for (;;) {
    while (p < length && isSpace(text.charCodeAt(p))) p++;
    if (p >= length) break;
    const start = p;
    let hasWordChar = false;
    while (p < length && !isSpace(text.charCodeAt(p))) {
      if (!hasWordChar && isWordChar(text.charCodeAt(p))) hasWordChar = true;
      p++;
    }
    const token = text.slice(start, p).toLowerCase();
    if (hasWordChar && token === last) hits.push({ index: start, offset: p - start });
    last = token;
  }
  return hits;
}

// write-good's own sentence splitting for "So …" and "There is/are …", naive as it is.
const STARTS_WITH_SO = /^(\s)*so\b[\s\S]/i;
const STARTS_WITH_THERE_IS = /^(\s)*there\b\s(is|are)\b/i;

const isSentenceEnd = (c: number) => c === 46 /* . */ || c === 59 /* ; */ || c === 33 /* ! */ || c === 63; /* ? */

/**
 * The sentences write-good's /([^\n.;!?]+)([.;!?]+)/g matches, as [start, end of the text before
 * the punctuation], found in one pass. As a regular expression it rescans to the end of the text
 * from every character of a long run with no closing punctuation: quadratic, minutes on 300 KB.
 */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 10) start = ++i;
    else if (isSentenceEnd(c)) {
      if (i > start) out.push([start, i]);
      while (i < text.length && isSentenceEnd(text.charCodeAt(i))) i++;
      start = i;
    } else i++;
  }
  return out;
}

function sentenceStarts(text: string): { so: Hit[]; thereIs: Hit[] } {
  const so: Hit[] = [];
  const thereIs: Hit[] = [];
  for (const [start, end] of sentences(text)) {
    const sentence = text.slice(start, end);
    // Cheap test first: the pattern needs an s or t after the leading blanks.
    let i = 0;
    while (i < sentence.length && isSpace(sentence.charCodeAt(i))) i++;
    const first = lower(sentence.charCodeAt(i));
    if (first === 115 /* s */) {
      const inner = STARTS_WITH_SO.exec(sentence);
      // (\s)* keeps only the last blank it read, so write-good moves the start by at most one.
      if (inner) so.push({ index: start + (inner[1] || '').length, offset: 2 });
    } else if (first === 116 /* t */) {
      const inner = STARTS_WITH_THERE_IS.exec(sentence);
      if (inner) thereIs.push({ index: start + (inner[1] || '').length, offset: inner[0].length - (inner[1] || '').length });
    }
  }
  return { so, thereIs };
}

/** write-good's checks with its explanations, in the order it runs them. */
const EXPLANATIONS: Array<[string, string]> = [
  ['weasel', 'is a weasel word'],
  ['illusion', 'is repeated'],
  ['so', 'adds no meaning'],
  ['thereIs', 'is unnecessary verbiage'],
  ['passive', 'may be passive voice'],
  ['adverb', 'can weaken meaning'],
  ['tooWordy', 'is wordy or unneeded'],
  ['cliches', 'is a cliche'],
];

/** The same suggestions as `writeGood(text)` with its default checks. */
export function styleSuggestions(text: string): StyleSuggestion[] {
  const hits: Record<string, Hit[]> = { ...listChecks(text), illusion: lexicalIllusions(text), ...sentenceStarts(text) };
  // As write-good: one suggestion per range, the first check's, with later checks' reasons joined by "and".
  const atIndex = new Map<number, StyleSuggestion[]>();
  const deduped: StyleSuggestion[] = [];
  for (const [check, explanation] of EXPLANATIONS) {
    for (const { index, offset } of hits[check]) {
      const reason = `"${text.substr(index, offset)}" ${explanation}`;
      const same = atIndex.get(index);
      const earlier = same?.find((s) => s.offset === offset);
      if (earlier) {
        earlier.reason += ` and ${explanation}`;
        continue;
      }
      const suggestion = { index, offset, reason };
      if (same) same.push(suggestion);
      else atIndex.set(index, [suggestion]);
      deduped.push(suggestion);
    }
  }
  // write-good's comparator never returns 0; the same comparator keeps its order for equal indexes.
  return deduped.sort((a, b) => (a.index < b.index ? -1 : 1));
}
