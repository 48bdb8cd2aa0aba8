import builtin from '../data/acronyms.json';
import { finish } from '../formats/steps';
import { ProseText } from '../model/prose';
import { isAsciiAlphanumeric, isWhitespace, letterAt } from './chars';
import { nonProseSpansIn, overlaps, proseFields, proseFieldsInSteps } from './prose-fields';
import { CheckSteps, EntryEdit, Fix, Pauses, PROSE_STEP_CHARS, ProseField, Rule, RuleContext } from './rule';
import { memoizeString } from './string-memo';
import { possessiveAt, replacementEdit } from './word-list';

const BUILTIN_ALLOW = new Set(builtin.allow);
const BUILTIN_GLOSSARY = new Map(Object.entries(builtin.glossary as Record<string, string>));

/** Words an expansion may carry that no letter of the acronym stands for. */
const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'by', '&', 'with']);
/** A well-formed Roman numeral ("II", "XIV"); "CDC" is made of numeral letters but is not one. */
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Acronym-shaped words: two or more capitals ("DCF", "CTData", "GEOIDs"), or a capital with
 * digits ("M49"). A trailing plural "s" is not part of the acronym; a decimal part after a digit
 * is ("PM2.5", not "PM2"). Words are what this expression finds, here found by wordEnd:
 */
export const WORD = /[A-Za-z0-9][A-Za-z0-9&]*(?:(?<=[0-9])\.[0-9]+)?(?:-[A-Za-z0-9]+)*/g;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Where the WORD that starts at `start` (an ASCII letter or digit) ends. */
export function wordEnd(text: string, start: number): number {
  let i = start + 1;
  for (let c = text.charCodeAt(i); isAsciiAlphanumeric(c) || c === 38; c = text.charCodeAt(++i));
  if (isDigit(text.charCodeAt(i - 1)) && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  while (text.charCodeAt(i) === 45 && isAsciiAlphanumeric(text.charCodeAt(i + 1))) {
    i += 2;
    while (isAsciiAlphanumeric(text.charCodeAt(i))) i++;
  }
  return i;
}

interface Occurrence {
  acronym: string;
  start: number;
  end: number;
}

const isCapital = (c: number) => c >= 65 && c <= 90;
const isSmall = (c: number) => c >= 97 && c <= 122;

/**
 * The acronym in text[start, end), one part of a word split at hyphens, or undefined: two
 * capitals or more, in a word of capitals or one that starts with two or has more capitals than
 * small letters ("CTData"); or one capital with digits and no small letters ("M49"). Roman numerals
 * are not acronyms.
 */
export function acronymIn(text: string, start: number, end: number): string | undefined {
  // A plural "s" after capitals, digits and "&" only ("GEOIDs") is not part of it.
  let coreEnd = end;
  if (end - start > 2 && text.charCodeAt(end - 1) === 115) {
    let i = start;
    for (let c = text.charCodeAt(i); i < end - 1 && (isCapital(c) || isDigit(c) || c === 38); c = text.charCodeAt(++i));
    if (i === end - 1) coreEnd = end - 1;
  }
  const first = text.charCodeAt(start);
  if (coreEnd - start < 2 || !(isCapital(first) || isSmall(first))) return undefined;
  let capitals = 0;
  let small = 0;
  let digits = 0;
  for (let i = start; i < coreEnd; i++) {
    const c = text.charCodeAt(i);
    if (isCapital(c)) capitals++;
    else if (isSmall(c)) small++;
    else if (isDigit(c)) digits++;
  }
  const acronymShaped =
    (capitals >= 2 && (small === 0 || (isCapital(first) && isCapital(text.charCodeAt(start + 1))) || capitals > small)) || (capitals === 1 && small === 0 && digits > 0);
  if (!acronymShaped) return undefined;
  const core = text.slice(start, coreEnd);
  return small === 0 && ROMAN_NUMERAL.test(core) ? undefined : core;
}

/** Cheap first test, true for every word acronymIn could accept: two capitals, or a digit, in text[start, end). */
function mayHoldAcronym(text: string, start: number, end: number): boolean {
  let capitals = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c >= 65 && c <= 90 && ++capitals === 2) return true;
  }
  return false;
}

/** ASCII classes for the scan of words: 1 a small letter or "&", 2 a capital or digit (what may make an acronym). */
const WORD_CLASS = new Uint8Array(128).map((_, c) => (isCapital(c) || isDigit(c) ? 2 : isSmall(c) || c === 38 ? 1 : 0));

/** Finds the next capital (its `lastIndex` just past it), without making a match to find it. */
const CAPITAL = /[A-Z]/g;

/**
 * Where the scan of words in `occurrences`, now at `start`, may go on from to reach the word
 * holding `capital` as it would have word by word: just past the last character before it that
 * no word holds (white space, punctuation, a character outside ASCII; not "-" or ".", which can
 * join words), or `start`. No word before there has a capital, so none holds an acronym.
 */
function resumeBefore(text: string, start: number, capital: number): number {
  let at = capital;
  for (let c = text.charCodeAt(at - 1); at > start && (c === 45 || c === 46 || (c < 128 && WORD_CLASS[c] !== 0)); c = text.charCodeAt(--at - 1));
  return at;
}

/**
 * Acronyms in a text, with hyphenated words split ("DCF-funded" holds "DCF"): in each WORD, each
 * part between hyphens that acronymIn accepts, unless the word is allowed or not prose (a URL, an
 * email, templating), or the part or its acronym is allowed.
 */
export function occurrences(text: string, allow: (a: string) => boolean, source: string | ProseText = text): Occurrence[] {
  let skip: Array<[number, number]> | undefined;
  const out: Occurrence[] = [];
  const length = text.length;
  // Every acronym has a capital: the words before the next one are passed over (see resumeBefore).
  let capital = -1;
  for (let start = 0; start < length; ) {
    if (start > capital) {
      CAPITAL.lastIndex = start;
      if (!CAPITAL.test(text)) break;
      capital = CAPITAL.lastIndex - 1;
      start = resumeBefore(text, start, capital);
    }
    const c = text.charCodeAt(start);
    if (c >= 128 || WORD_CLASS[c] === 0 || c === 38) {
      start++;
      continue;
    }
    // The run of letters, digits and "&" that starts the word, counting what may make an acronym.
    let end = start + 1;
    let marks = WORD_CLASS[c] === 2 ? 1 : 0;
    // Stopping at the end keeps d an integer (charCodeAt past the end is NaN), which compiles to faster code.
    for (; end < length; end++) {
      const d = text.charCodeAt(end);
      if (d >= 128 || WORD_CLASS[d] === 0) break;
      if (WORD_CLASS[d] === 2) marks++;
    }
    const word = start;
    const next = text.charCodeAt(end);
    if (next === 45 || next === 46) {
      // Rarely the word goes on ("PM2.5", "DCF-funded"): the full definition takes over.
      start = end = wordEnd(text, word);
      if (!mayHoldAcronym(text, word, end)) continue;
    } else {
      start = end;
      // Most words have no capital or digit at all; one capital alone makes no acronym.
      if (marks === 0 || (marks === 1 && !mayHoldAcronym(text, word, end))) continue;
    }
    for (let part = word; part < end; ) {
      let partEnd = part;
      while (partEnd < end && text.charCodeAt(partEnd) !== 45) partEnd++;
      const acronym = acronymIn(text, part, partEnd);
      if (acronym) {
        skip ??= nonProseSpansIn(source);
        if (overlaps(skip, word, end) || allow(text.slice(word, end))) break;
        if (!allow(acronym) && !allow(text.slice(part, partEnd))) out.push({ acronym, start: part, end: part + acronym.length });
      }
      part = partEnd + 1;
    }
  }
  return out;
}

/** An occurrence as the check sees it, worked out once per text. */
interface Analysed extends Occurrence {
  expansion: string | undefined;
  /** When this occurrence defines the acronym: the span of its spelled-out name. */
  definition: { start: number; end: number } | undefined;
  /** It stands inside the spelled-out name of another acronym's definition. */
  insideExpansion: boolean;
  /** What a finding about it says, made once with the rest. */
  data: { acronym: string; expansion?: string };
}

const NO_ANALYSED: readonly Analysed[] = Object.freeze([]);

interface Word {
  word: string;
  start: number;
  end: number;
}

/** What splits words for definitions (/[\s\-‐–/]/): white space, hyphens, dashes and slashes. */
const isWordBreak = (c: number) => isWhitespace(c) || c === 45 || c === 0x2010 || c === 0x2013 || c === 47;
const isKept = (c: number) => isSmall(c) || isDigit(c) || c === 38;

/**
 * Words as definitions compare them (lower case, split at hyphens and slashes, no punctuation), with
 * where they are: the pieces of /[^\s\-‐–/]+/g, lower-cased, without what /[^\p{L}\p{N}&]/gu matches.
 */
export function wordsOf(text: string, offset = 0): Word[] {
  const words: string[] = [];
  const spans: number[] = [];
  splitWords(text, 0, text.length, words, spans);
  return words.map((word, k) => ({ word, start: offset + spans[2 * k], end: offset + spans[2 * k + 1] }));
}

/**
 * The words of text[from, to) as wordsOf gives them, written to `words` from its start, and where
 * each starts and ends to `spans` (start and end, one after the other) when given; returns how
 * many. Definitions read words straight from the text into arrays kept for the next, instead of
 * objects and slices; what the arrays hold past the count is not theirs.
 */
function splitWords(text: string, from: number, to: number, words: string[], spans?: number[]): number {
  let count = 0;
  for (let i = from; i < to; ) {
    if (isWordBreak(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let kept = true;
    let capitals = false;
    for (let c = text.charCodeAt(i); i < to && !isWordBreak(c); c = text.charCodeAt(++i)) {
      if (c >= 128) ascii = false;
      else if (isCapital(c)) capitals = true;
      else if (!isKept(c)) kept = false;
    }
    let word: string;
    if (!ascii) word = text.slice(start, i).toLowerCase().replace(/[^\p{L}\p{N}&]/gu, '');
    else if (!kept) word = text.slice(start, i).toLowerCase().replace(/[^a-z0-9&]/g, '');
    else if (capitals) word = text.slice(start, i).toLowerCase();
    else word = text.slice(start, i);
    if (!word) continue;
    if (spans) {
      spans[2 * count] = start;
      spans[2 * count + 1] = i;
    }
    words[count++] = word;
  }
  return count;
}

const normalizeWords = (s: string) => {
  const words: string[] = [];
  splitWords(s, 0, s.length, words);
  return words;
};
/** An expansion's words, asked again for each use of its acronym in a definition. */
const expansionWords = memoizeString(normalizeWords, 10_000);

/**
 * The words of a possible definition and their spans, kept from one to the next (definitionOf
 * never re-enters) and never emptied by setting their length, which would let their room go; the
 * words are blanked after each use, so no slice keeps an old document's text alive.
 */
const nameWords: string[] = [];
const nameSpans: number[] = [];

/**
 * Whether words[from…] spell the acronym's letters (lower case, a-z) by their first letters (or
 * first few letters), skipping small words.
 */
function spells(letters: string, words: readonly string[], count: number, from: number): boolean {
  if (from >= count || STOP_WORDS.has(words[from])) return false;
  // The first word is no small word, so it must start with the first letter.
  if (letters.length > 0 && words[from].charCodeAt(0) !== letters.charCodeAt(0)) return false;
  // What match(li, wi) gave, by li and wi - from: 0 not yet asked, 1 no, 2 yes.
  const width = count - from + 1;
  const memo = new Uint8Array((letters.length + 1) * width);
  const match = (li: number, wi: number): boolean => {
    if (li === letters.length) {
      for (let w = wi; w < count; w++) if (!STOP_WORDS.has(words[w])) return false;
      return true;
    }
    if (wi === count) return false;
    const at = li * width + (wi - from);
    if (memo[at] !== 0) return memo[at] === 2;
    const word = words[wi];
    let ok = STOP_WORDS.has(word) && match(li, wi + 1);
    // Each longer prefix of the word must go on matching the letters.
    for (let k = 1; !ok && k <= word.length && li + k <= letters.length; k++) {
      if (word.charCodeAt(k - 1) !== letters.charCodeAt(li + k - 1)) break;
      ok = match(li + k, wi + 1);
    }
    memo[at] = ok ? 2 : 1;
    return ok;
  };
  return match(0, from);
}

/**
 * Whether the words are the expansion's (`target`): all of them, or with `fromEnd` the last of
 * them. Words are never empty and hold no spaces, so this is comparing them joined with spaces,
 * without joining them.
 */
function spelledOut(words: readonly string[], count: number, target: readonly string[], fromEnd: boolean): boolean {
  // Joined, no words at all are the same as no words at all.
  if (target.length === 0) return count === 0;
  if (fromEnd ? count < target.length : count !== target.length) return false;
  const from = count - target.length;
  for (let i = 0; i < target.length; i++) if (words[from + i] !== target[i]) return false;
  return true;
}

/** An acronym's letters as definitions compare them: lower case, a to z only. */
const lettersOf = memoizeString((acronym: string) => acronym.toLowerCase().replace(/[^a-z]/g, ''), 10_000);

/**
 * How many of the words (ending just before "(ACR)", or inside "ACR (…)") spell out the acronym;
 * 0 when they do not define it.
 */
function definingWords(acronym: string, words: readonly string[], count: number, expansion: string | undefined, fromEnd: boolean): number {
  const target = expansion ? expansionWords(expansion) : undefined;
  if (target && spelledOut(words, count, target, fromEnd)) return target.length;
  const letters = lettersOf(acronym);
  if (!fromEnd) return spells(letters, words, count, 0) ? count : 0;
  const max = Math.min(count, acronym.length * 3 + 2);
  for (let n = 1; n <= max; n++) if (spells(letters, words, count, count - n)) return n;
  return 0;
}

/** Whether only blanks stand between an opening parenthesis and `end`, as /\(\s*$/ on the text before it. */
function opensParenthesis(text: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && isWhitespace(text.charCodeAt(i))) i--;
  return i >= 0 && text[i] === '(';
}

/** Past an optional plural "s" and any white space after the acronym, as `^s?\s*` reads the text after it. */
function afterAcronym(text: string, end: number): number {
  let i = text.charCodeAt(end) === 115 ? end + 1 : end;
  while (isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * When this occurrence is itself a definition, "Full Name (ACR)" or "ACR (Full Name)", the span of
 * the full name; words there are the expansion ("DCF (DEPARTMENT OF …)"), not acronyms.
 */
function definitionOf(text: string, occ: Occurrence, expansion: string | undefined): { start: number; end: number } | undefined {
  const next = afterAcronym(text, occ.end);
  const inParens = text.charCodeAt(next) === 41 && opensParenthesis(text, occ.start);
  if (inParens) {
    // Searched back from the acronym: a pattern anchored at the end would rescan the whole text each time.
    const from = occ.start - 1;
    // The lead starts after the nearest ".", ";" or line break before the acronym.
    let leadStart = from;
    for (let c = text.charCodeAt(leadStart); leadStart >= 0 && c !== 46 && c !== 59 && c !== 10; c = text.charCodeAt(--leadStart));
    leadStart++;
    // The lead without the "(" and the blanks after it (/\(\s*$/): blanks split words and are no part of one.
    let leadEnd = occ.start;
    while (leadEnd > leadStart && isWhitespace(text.charCodeAt(leadEnd - 1))) leadEnd--;
    if (leadEnd > leadStart && text.charCodeAt(leadEnd - 1) === 40) leadEnd--;
    const count = splitWords(text, leadStart, leadEnd, nameWords, nameSpans);
    const n = definingWords(occ.acronym, nameWords, count, expansion, true);
    nameWords.fill('', 0, count);
    return n ? { start: nameSpans[2 * (count - n)], end: nameSpans[2 * count - 1] } : undefined;
  }
  // "ACR (Full Name)": a parenthesis with none inside (/^s?\s*\(([^()]*)\)/).
  if (text.charCodeAt(next) !== 40) return undefined;
  const start = next + 1;
  let close = start;
  for (let c = text.charCodeAt(close); close < text.length && c !== 40 && c !== 41; c = text.charCodeAt(++close));
  if (text.charCodeAt(close) !== 41) return undefined;
  const count = splitWords(text, start, close, nameWords);
  const n = definingWords(occ.acronym, nameWords, count, expansion, false);
  nameWords.fill('', 0, count);
  return n ? { start, end: close } : undefined;
}

/**
 * Whether a value is written all in capitals ("ARRESTS BY TOWN", common in legacy titles), where
 * every word looks like an acronym: three or more words of letters, none with a lower-case letter.
 */
export function isShouted(text: string): boolean {
  // The words are /\p{L}{2,}/gu: runs of two letters or more.
  let words = 0;
  for (let i = 0; i < text.length; ) {
    let step = letterAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    let ascii = true;
    let lowerCase = false;
    for (; step > 0; step = letterAt(text, i)) {
      const c = text.charCodeAt(i);
      if (c >= 128) ascii = false;
      else if (c >= 97) lowerCase = true;
      i += step;
      letters++;
    }
    if (letters < 2) continue;
    if (ascii ? lowerCase : text.slice(start, i) !== text.slice(start, i).toUpperCase()) return false;
    words++;
  }
  return words >= 3;
}

/** Glossary acronyms that are also everyday words: in capitals they read as the word ("PERSON WHO IS"). */
const SHOUTED_WORDS = new Set(['WHO', 'IT', 'US', 'AID', 'ACT', 'CAP', 'SAFE', 'HOME', 'CARE', 'HEAT', 'STEP', 'DEEP', 'ARC', 'WIC', 'SNAP', 'HEAD']);

export const acronym = {
  meta: {
    id: 'acronym',
    description: 'Acronyms not defined earlier in the file and not on the allow list.',
    defaultSeverity: 'warning',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    scope: 'file',
    tags: ['prose', 'plain-language', 'acronyms'],
    messages: {
      withExpansion: '"{{acronym}}" is not defined; spell it out the first time: "{{expansion}} ({{acronym}})".',
      withoutExpansion: '"{{acronym}}" is not defined; spell it out the first time, or add it to the allow list if readers know it.',
    },
    rationale: {
      quote: 'Make sure to choose a name that is clear and easily understood by somebody who is not familiar with the data. Avoid acronyms that are not widely understood.',
      source: 'Connecticut Open Data Publication Guidelines, Step 3',
    },
  },
  check: (context) => checkFile(context),
  resumable: {
    check: (context) => checkFile(context),
    resume(context, earlier, edit) {
      // One column's fields: few enough to check without pausing.
      const column = finish(checkFields(context, proseFields(context.file), { earlier, before: edit.start }));
      const defined = resumed(earlier.defined, column.defined, edit, false);
      // A first singular use of an acronym the file had no singular finding for before changes no
      // later finding: a later one would have been that first finding.
      const reported = defined && resumed(earlier.reported, column.reported, edit, true);
      return reported && { defined, reported };
    },
  },
} satisfies Rule<Firsts>;

/**
 * Where in the file each acronym is first defined, and first reported in the singular (only that
 * use is safe to define), as offsets: what the fields before a place leave to the fields after it.
 * Kept between lints, so that after an edit inside one column the rule reads that column alone.
 */
interface Firsts {
  defined: Map<string, number>;
  reported: Map<string, number>;
}

/** Checks the whole file's prose fields, finding them first when no rule has yet. */
function* checkFile(context: RuleContext): CheckSteps<Firsts> {
  return yield* checkFields(context, yield* proseFieldsInSteps(context.file), undefined);
}

/**
 * Checks the fields in file order and gives where each acronym is first defined and reported in
 * them. With `from`, the fields are one column's, and `from.earlier` says what the whole file gave
 * before the column was edited: every acronym it has first at an offset before `from.before`
 * counts as defined or reported already.
 */
function* checkFields({ config, memo, report, full }: RuleContext, fields: readonly ProseField[], from: { earlier: Firsts; before: number } | undefined): CheckSteps<Firsts> {
  const allow = (a: string) => BUILTIN_ALLOW.has(a) || config.acronyms.allow.has(a);
  const expansionOf = (a: string) => config.acronyms.glossary.get(a) ?? BUILTIN_GLOSSARY.get(a);
  // Per text (memoised per config while a document stays open): each acronym, its expansion,
  // whether it defines itself there, and whether it stands inside another acronym's expansion.
  const analyse = (text: string, source: ProseText): readonly Analysed[] => {
    const occs = occurrences(text, allow, source);
    if (occs.length === 0) return NO_ANALYSED;
    // Sized once and filtered in place: the analysis of every text of a large catalog is new.
    const found: Analysed[] = new Array(occs.length);
    let expansions: Array<[number, number]> | undefined;
    for (let i = 0; i < occs.length; i++) {
      const occ = occs[i];
      const expansion = expansionOf(occ.acronym);
      const data = expansion ? { acronym: occ.acronym, expansion } : { acronym: occ.acronym };
      const definition = definitionOf(text, occ, expansion);
      if (definition) (expansions ??= []).push([definition.start, definition.end]);
      found[i] = { acronym: occ.acronym, start: occ.start, end: occ.end, expansion, definition, insideExpansion: false, data };
    }
    // Asked only of a text with an acronym that does not define itself: most have none.
    let shouted: boolean | undefined;
    let kept = 0;
    for (let i = 0; i < found.length; i++) {
      const occ = found[i];
      if (!occ.definition) {
        // In a value written all in capitals only known acronyms stand out from the words.
        if ((shouted ??= isShouted(text)) && (!occ.expansion || SHOUTED_WORDS.has(occ.acronym))) continue;
        occ.insideExpansion = expansions !== undefined && overlaps(expansions, occ.start, occ.end);
      }
      found[kept++] = occ;
    }
    found.length = kept;
    return found;
  };
  const firsts: Firsts = { defined: new Map(), reported: new Map() };
  const before = (map: 'defined' | 'reported', acronym: string) => from !== undefined && (from.earlier[map].get(acronym) ?? Infinity) < from.before;
  const defined = (acronym: string) => firsts.defined.has(acronym) || before('defined', acronym);
  /** Acronyms already reported in the singular: only the first singular use is safe to define. */
  const reported = (acronym: string) => firsts.reported.has(acronym) || before('reported', acronym);
  const pauses = new Pauses(fields.length, PROSE_STEP_CHARS);
  for (let f = 0; f < fields.length; f++) {
    const prose = fields[f].prose;
    for (const occ of memo(prose.text, () => analyse(prose.text, prose))) {
      const expansion = occ.expansion;
      if (occ.definition) {
        if (!defined(occ.acronym)) firsts.defined.set(occ.acronym, prose.sourceSpan(occ.start, occ.end).start);
        continue;
      }
      if (defined(occ.acronym) || occ.insideExpansion) continue;
      const plural = prose.text[occ.end] === 's';
      const first = !plural && !reported(occ.acronym);
      const span = prose.sourceSpan(occ.start, occ.end);
      if (first) firsts.reported.set(occ.acronym, span.start);
      report({
        span,
        messageId: expansion ? 'withExpansion' : 'withoutExpansion',
        data: occ.data,
        fixes: !expansion || full() ? [] : fixesFor(prose, occ, expansion, plural, first),
      });
    }
    const share = pauses.after(f, prose.text.length);
    if (share !== undefined) yield share;
  }
  return firsts;
}

/**
 * Where each acronym comes first in the whole file after an edit inside one column entry, from
 * where it came first before (`earlier`) and in the column now (`column`, only those that came
 * nowhere before the entry); undefined when the entry now leaves a different set to the fields
 * after it: an acronym first in it before and not now, or the other way round (unless `newOk` and
 * it came nowhere at all before).
 */
function resumed(earlier: ReadonlyMap<string, number>, column: ReadonlyMap<string, number>, { start, end, delta }: EntryEdit, newOk: boolean): Map<string, number> | undefined {
  const now = new Map<string, number>();
  for (const [acronym, at] of earlier) {
    if (at < start) now.set(acronym, at);
    else if (at >= end) now.set(acronym, at + delta);
    else if (!column.has(acronym)) return undefined;
  }
  for (const [acronym, at] of column) {
    const was = earlier.get(acronym);
    if (was === undefined ? !newOk : was >= end) return undefined;
    now.set(acronym, at);
  }
  return now;
}

/** The fixes made for each occurrence in each prose value, and whether it was the first use then. */
const fixesMade = new WeakMap<ProseText, Map<Analysed, { first: boolean; fixes: Fix[] }>>();

/**
 * An occurrence's fixes, the same ones again while its prose value is kept: a keystroke keeps
 * every value before it as it was, and the findings there then come out unchanged at no cost.
 */
function fixesFor(prose: ProseText, occ: Analysed, expansion: string, plural: boolean, first: boolean): Fix[] {
  let made = fixesMade.get(prose);
  if (!made) fixesMade.set(prose, (made = new Map()));
  const known = made.get(occ);
  if (known && known.first === first) return known.fixes;
  const fixes = plural ? pluralFixes(prose, occ, expansion) : acronymFixes(prose, occ, expansion, first);
  made.set(occ, { first, fixes });
  return fixes;
}

/**
 * A plural ("Two DCFs") has no spelled-out form that reads right in its place: "Department of
 * Children and Families (DCFs)" defines the acronym but leaves the name singular, so a person
 * words it. The safe define goes on the first singular use instead, when there is one.
 */
function pluralFixes(prose: ProseText, occ: Occurrence, expansion: string): Fix[] {
  const define = prose.replace(occ.start, occ.end + 1, `${expansion} (${occ.acronym}s)`);
  return define ? [{ title: `Define on first use: "${expansion} (${occ.acronym}s)"`, edits: [define], safe: false }] : [];
}

function acronymFixes(prose: ProseText, occ: Occurrence, expansion: string, first: boolean): Fix[] {
  const fixes: Fix[] = [];
  // Through replacementEdit so a preceding article follows the name: "an FBI" → "a Federal Bureau …".
  const define = replacementEdit(prose, occ.start, occ.end, `${expansion} (${occ.acronym})`);
  // Defining the first use covers the later ones, so only that one is safe to apply unattended.
  if (define) fixes.push({ title: `Define on first use: "${expansion} (${occ.acronym})"`, edits: [define], safe: first });
  // A name ending in "s" takes the apostrophe alone: "the DCF's system" → "the … Families' system".
  const apostrophe = /s$/.test(expansion) && possessiveAt(prose.text, occ.end) === 2;
  const expand = apostrophe ? replacementEdit(prose, occ.start, occ.end + 2, expansion + prose.text[occ.end]) : replacementEdit(prose, occ.start, occ.end, expansion);
  if (expand) fixes.push({ title: `Expand to "${expansion}"`, edits: [expand], safe: false });
  return fixes;
}
