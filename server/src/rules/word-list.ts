import { ProseText } from '../model/prose';
import { TextEdit } from '../model/text';
import { isAsciiWordChar, isBlank, letterOrNumberAt } from './chars';
import { nonProseSpans, overlaps } from './prose-fields';

/**
 * Context conditions, as plain words (never patterns: lists and configs are data, so an untrusted
 * workspace can never make plainmeta run an expression it supplied). Each item is a word or a
 * phrase of words separated by spaces, compared without case.
 */
export interface WordListContext {
  /** Not flagged when the match is directly followed by one of these ("disabled" + "account"). */
  notBefore?: string[];
  /** Not flagged when the match directly follows one of these ("institute on" + "drug abuse"). */
  notAfter?: string[];
  /**
   * Only flagged where the words are used as a noun: followed by punctuation, the end of the text,
   * or a function word such as "is", "who" or "in" ("the homeless are" but not "the homeless shelter").
   */
  asNoun?: boolean;
}

export interface WordListForm extends WordListContext {
  /** The exact word or phrase, lower case; matched as whole words, in any case. */
  match: string;
  /** Replacements in the same number as `match`; "" means the guide says to omit it. */
  replace: string[];
}

export interface WordListEntry extends WordListContext {
  term: string;
  category?: string;
  forms: WordListForm[];
  note?: string;
  source: { name: string; url: string };
}

export interface WordList {
  entries: WordListEntry[];
}

export interface TermMatch {
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  entry: WordListEntry;
  form: WordListForm;
  /** The match is followed by a possessive "'s" or "'", which starts at `end`. */
  possessive?: { start: number; end: number };
}

/**
 * Words that can follow a noun but never the noun a word modifies. "the homeless are" uses
 * "homeless" as a noun; "the homeless shelter" does not.
 */
const FUNCTION_WORDS = new Set(
  ('is are was were be been being am who whom whose that which and or but nor to in on at of for from with without by as than ' +
    'has have had do does did may might can could will would shall should must not also often who\'s into under over during ' +
    'across within after before since because while when where if so get gets got receive receives received need needs needed ' +
    'live lives lived face faces faced remain remains remained make makes made account accounts represent represents ' +
    // Determiners and adverbs start the next phrase ("the homeless each year"), never modify a noun before them.
    'each every per this these those all both until through about now today here there statewide nationally').split(' '),
);
/** Words are letters, digits, underscores, and hyphens inside a word ("ex-offender"). */
export const TOKEN = /[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu;

const words = (s: string) => normalize(s).split(' ').filter(Boolean);

/**
 * A cheap stand-in for an ASCII word, from its length, first and last letters in lower case: two
 * words with different keys differ. -1 for a word with other characters, whose lower case may
 * differ in length.
 */
function asciiKey(length: number, first: number, last: number): number {
  return (length * 128 + (first | 0x20)) * 128 + (last | 0x20);
}

/**
 * Where the words of the text last read are kept: grown as needed and reused from one text to the
 * next, so reading a text's words allocates nothing (a catalog has thousands of texts).
 */
let scratch = { starts: new Int32Array(256), ends: new Int32Array(256), keys: new Int32Array(256) };

/**
 * The words of a text, as TOKEN finds them: offsets and keys in typed arrays shared by all Tokens,
 * so a Tokens is only good until the next one is made (TermMatcher.find uses one at a time).
 */
export class Tokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** asciiKey of each word, or -1 when it is not all ASCII. */
  readonly keys: Int32Array;
  readonly length: number;

  constructor(readonly text: string) {
    let { starts, ends, keys } = scratch;
    let count = 0;
    const length = text.length;
    for (let i = 0; i < length; ) {
      const c = text.charCodeAt(i);
      if (c < 128 && !ASCII_WORD_CHAR[c]) {
        i++;
        continue;
      }
      if (c >= 128 && wordCharAt(text, i) === 0) {
        i += 1;
        continue;
      }
      const start = i;
      let ascii = true;
      // Mostly ASCII letters: a table look-up each, with the full test only past ASCII.
      // Stopping at the end keeps d an integer (charCodeAt past the end is NaN), which compiles to faster code.
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          // A hyphen joins two words into one ("ex-offender").
          if (ASCII_WORD_CHAR[d] === 1 || (d === 45 && wordCharAt(text, i + 1) > 0)) i++;
          else break;
        } else {
          const step = wordCharAt(text, i);
          if (step === 0) break;
          ascii = false;
          i += step;
        }
      }
      if (count === starts.length) {
        scratch = grown(scratch);
        ({ starts, ends, keys } = scratch);
      }
      starts[count] = start;
      ends[count] = i;
      keys[count] = ascii ? asciiKey(i - start, text.charCodeAt(start), text.charCodeAt(i - 1)) : -1;
      count++;
    }
    this.starts = starts;
    this.ends = ends;
    this.keys = keys;
    this.length = count;
  }

  /** The asciiKey of a lower-case word, or -1 when it is not all ASCII. */
  static keyOf(word: string): number {
    return /^[\x00-\x7f]+$/.test(word) ? asciiKey(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1)) : -1;
  }

  /** The word as written. */
  at(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  lower(i: number): string {
    return this.at(i).toLowerCase();
  }

  /** Whether word `i`, in lower case, is `word` (whose asciiKey is `key`), without building a string for an ASCII word. */
  is(i: number, word: string, key: number): boolean {
    const own = this.keys[i];
    if (own < 0) return this.lower(i) === word;
    if (own !== key) return false;
    // Same length, all ASCII: compare with only A-Z lower-cased, as toLowerCase does.
    const start = this.starts[i];
    for (let k = 0; k < word.length; k++) {
      const c = this.text.charCodeAt(start + k);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Whether only white space, and some, stands between word `i` and the next. */
  joined(i: number): boolean {
    return isBlank(this.text, this.ends[i], this.starts[i + 1]);
  }
}

/** The arrays twice as long, with what they held. */
function grown(arrays: typeof scratch): typeof scratch {
  const more = (from: Int32Array) => {
    const to = new Int32Array(from.length * 2);
    to.set(from);
    return to;
  };
  return { starts: more(arrays.starts), ends: more(arrays.ends), keys: more(arrays.keys) };
}

/** `[A-Za-z0-9_]` by char code. */
const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) => (isAsciiWordChar(c) ? 1 : 0));

/** Code units of the word character (`[\p{L}\p{N}_]` with `/u`) at `i`, or 0. */
function wordCharAt(text: string, i: number): number {
  return text.charCodeAt(i) === 95 ? 1 : letterOrNumberAt(text, i);
}

/** A phrase of the list, lower case, with each word's asciiKey (or -1 for a word outside ASCII). */
interface Phrase {
  words: string[];
  keys: number[];
}

function phrase(words: string[]): Phrase {
  return { words, keys: words.map(Tokens.keyOf) };
}

/** One form of an entry, compiled: its words and context as phrases. */
interface Candidate {
  phrase: Phrase;
  entry: WordListEntry;
  form: WordListForm;
  notBefore: Phrase[];
  notAfter: Phrase[];
  asNoun: boolean;
}

const NO_ALLOW: ReadonlySet<string> = new Set();
/** The allow list of a config, normalised once for all the texts it applies to. */
const allowSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * One matcher per list, built once. The text is split into words; at each word the forms that
 * start with it are tried longest first, and the first whose context allows it wins, so a phrase
 * beats a word inside it and a form that its context rules out leaves room for a shorter one.
 */
export class TermMatcher {
  private readonly byFirstWord = new Map<string, Candidate[]>();
  /**
   * The same for ASCII words, by filterIndex of the first word's asciiKey: a look-up without
   * building the word, and in an array, as most words start no form and should cost the least.
   */
  private readonly byFilterIndex: Array<Candidate[][] | undefined> = new Array(1 << 15);

  constructor(list: WordList) {
    for (const entry of list.entries) {
      for (const form of entry.forms) {
        const candidate: Candidate = {
          phrase: phrase(words(form.match)),
          entry,
          form,
          notBefore: [...(entry.notBefore ?? []), ...(form.notBefore ?? [])].map((p) => phrase(words(p))),
          notAfter: [...(entry.notAfter ?? []), ...(form.notAfter ?? [])].map((p) => phrase(words(p))),
          asNoun: form.asNoun ?? entry.asNoun ?? false,
        };
        const first = candidate.phrase.words[0];
        const list = this.byFirstWord.get(first) ?? [];
        list.push(candidate);
        this.byFirstWord.set(first, list);
      }
    }
    for (const list of this.byFirstWord.values()) {
      list.sort((a, b) => b.phrase.words.length - a.phrase.words.length);
      const key = list[0].phrase.keys[0];
      if (key >= 0) (this.byFilterIndex[filterIndex(key)] ??= []).push(list);
    }
  }

  /** Matches outside URLs, emails and templating, and not allowed by the project. */
  find(text: string, allow: readonly string[] = []): TermMatch[] {
    let skip: Array<[number, number]> | undefined;
    const allowed = allowSet(allow);
    const tokens = new Tokens(text);
    const out: TermMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.candidatesAt(tokens, i);
      if (!candidates) continue;
      for (const c of candidates) {
        const length = c.phrase.words.length;
        // Every candidate here starts with word i: only the words after it are compared.
        if (!phraseAt(tokens, i, c.phrase, 1)) continue;
        const end = tokens.ends[i + length - 1];
        if (!contextAllows(tokens, i, i + length, c)) continue;
        const start = tokens.starts[i];
        skip ??= nonProseSpans(text);
        if (overlaps(skip, start, end)) continue;
        const written = text.slice(start, end);
        if (allowed.size > 0 && (allowed.has(normalize(written)) || allowed.has(normalize(c.entry.term)))) continue;
        const possessive = possessiveAt(text, end);
        out.push({
          start,
          end,
          text: written,
          entry: c.entry,
          form: c.form,
          ...(possessive ? { possessive: { start: end, end: end + possessive } } : {}),
        });
        i += length - 1;
        break;
      }
    }
    return out;
  }

  /** The forms whose first word is word `i`. */
  private candidatesAt(tokens: Tokens, i: number): Candidate[] | undefined {
    const key = tokens.keys[i];
    if (key < 0) return this.byFirstWord.get(tokens.lower(i));
    const lists = this.byFilterIndex[filterIndex(key)];
    if (lists) for (const list of lists) if (tokens.is(i, list[0].phrase.words[0], list[0].phrase.keys[0])) return list;
    return undefined;
  }
}

/** Five bits each of an asciiKey's length, first and last letters: equal keys, equal indexes. */
function filterIndex(key: number): number {
  return (((key >> 14) & 31) << 10) | (((key >> 7) & 31) << 5) | (key & 31);
}

function allowSet(allow: readonly string[]): ReadonlySet<string> {
  if (allow.length === 0) return NO_ALLOW;
  let set = allowSets.get(allow);
  if (!set) allowSets.set(allow, (set = new Set(allow.map(normalize))));
  return set;
}

/**
 * The length of a possessive "'s" or "'" (or with "’") at `end`, as /^['’]s?(?![\p{L}\p{N}])/u
 * reads it, or 0 when there is none.
 */
export function possessiveAt(text: string, end: number): number {
  const quote = text.charCodeAt(end);
  if (quote !== 39 && quote !== 0x2019) return 0;
  if (text.charCodeAt(end + 1) === 115 && letterOrNumberAt(text, end + 2) === 0) return 2;
  return letterOrNumberAt(text, end + 1) === 0 ? 1 : 0;
}

/**
 * Whether the phrase is written at word `i`, one word after another with only spaces between;
 * the first `known` words are taken as already compared.
 */
function phraseAt(tokens: Tokens, i: number, phrase: Phrase, known = 0): boolean {
  const { words, keys } = phrase;
  if (i + words.length > tokens.length) return false;
  for (let k = known; k < words.length; k++) {
    if (!tokens.is(i + k, words[k], keys[k])) return false;
    if (k > 0 && !tokens.joined(i + k - 1)) return false;
  }
  return true;
}

function contextAllows(tokens: Tokens, first: number, after: number, c: Candidate): boolean {
  for (const phrase of c.notBefore) if (phraseAt(tokens, after, phrase) && tokens.joined(after - 1)) return false;
  for (const phrase of c.notAfter) {
    const at = first - phrase.words.length;
    if (at >= 0 && phraseAt(tokens, at, phrase) && tokens.joined(first - 1)) return false;
  }
  if (c.asNoun && after < tokens.length) {
    // A noun ends its phrase: what follows is punctuation, the end, or a word that cannot be modified.
    const joined = tokens.joined(after - 1);
    if (joined && !FUNCTION_WORDS.has(tokens.lower(after))) return false;
    if (joined && inName(tokens, after - 1)) return false;
  }
  return true;
}

const capitalized = (tokens: Tokens, i: number) => i < tokens.length && /^\p{Lu}/u.test(tokens.at(i));

/**
 * Whether a capitalized word is part of a name such as "the Elderly and Disabled Rental Assistance
 * program": followed by "and", "or" or "of" and another capitalized word. A name is not a label.
 */
function inName(tokens: Tokens, last: number): boolean {
  return capitalized(tokens, last) && ['and', 'or', 'of'].includes(tokens.at(last + 1)) && capitalized(tokens, last + 2) && tokens.joined(last + 1);
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'who', 'from']);

/**
 * "Inmates" → "People who are incarcerated"; "INMATES" → "PEOPLE WHO ARE INCARCERATED";
 * "Homeless People" (a title) → "People Experiencing Homelessness".
 */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  // Most terms stand mid-sentence in lower case: from a small first letter none of the cases below follows.
  const first = original.charCodeAt(0);
  if (first >= 97 && first <= 122) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  const originalWords = original.split(/\s+/);
  if (originalWords.length > 1 && originalWords.every((w) => /^\p{Lu}/u.test(w))) {
    return replacement
      .split(' ')
      .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1)))
      .join(' ');
  }
  if (/^\p{Lu}/u.test(original)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * The possessive of a replacement, or undefined when it has none that reads well: "incarcerated
 * people" → "incarcerated people's", but "people who are incarcerated" cannot take an "'s".
 */
export function possessiveOf(replacement: string): string | undefined {
  if (!replacement || /\b(who|with|experiencing|of|in|on|from|without|for|using|convicted|involved|living)\b/.test(replacement)) return undefined;
  return /s$/.test(replacement) ? `${replacement}'` : `${replacement}'s`;
}

/**
 * "a"/"an" for the word that follows it, by its first sound as spelled (good enough for our lists
 * and acronym expansions): "an hour", but "a using", "a one", "a European", "a unit".
 */
function articleFor(word: string): 'a' | 'an' {
  if (/^(?:one\b|once\b|eu)/i.test(word)) return 'a';
  return /^(?:[aeio]|u(?!ni|s[eiu]|ti|r[aeiou])|hour|honou?r|honest|heir)/i.test(word) ? 'an' : 'a';
}

/**
 * The edit that puts `replacement` in place of the decoded range; an empty replacement also
 * takes one neighbouring space so no double space is left behind. A preceding "a"/"an" is
 * corrected when the replacement needs the other one ("an inmate" → "a person who is incarcerated").
 */
export function replacementEdit(prose: ProseText, start: number, end: number, replacement: string): TextEdit | undefined {
  const text = prose.text;
  if (replacement === '') return removalEdit(prose, start, end);
  const article = /(?:^|[^\p{L}])(an?)(\s+)$/iu.exec(text.slice(Math.max(0, start - 8), start));
  if (article) {
    const wanted = articleFor(replacement);
    if (article[1].toLowerCase() !== wanted) {
      const written = article[1][0] === 'A' ? wanted[0].toUpperCase() + wanted.slice(1) : wanted;
      const from = start - article[1].length - article[2].length;
      return prose.replace(from, end, `${written}${article[2]}${replacement}`);
    }
  }
  return prose.replace(start, end, replacement);
}

/**
 * The edit that removes the decoded range and one neighbouring space, so no double space is left
 * behind. Words that opened a sentence take the comma after them along and the next word gets the
 * capital ("Going forward, counts are …" → "Counts are …"); so do words after a colon, without the
 * capital; words set off by commas take one comma along ("Counts, going forward, are …" → "Counts
 * are …"); words alone in parentheses take them along ("monthly (going forward)." → "monthly.").
 */
function removalEdit(prose: ProseText, start: number, end: number): TextEdit | undefined {
  const text = prose.text;
  let before = start;
  while (before > 0 && text[before - 1] === ' ') before--;
  let after = end;
  while (text[after] === ' ') after++;
  const opensSentence = before === 0 || (before < start && /[.!?]/.test(text[before - 1]));
  let edit: TextEdit | undefined;
  if (opensSentence) {
    let next = text[after] === ',' ? after + 1 : after;
    while (text[next] === ' ') next++;
    const letter = text[next];
    edit = letter && letter !== letter.toUpperCase() ? prose.replace(start, next + 1, letter.toUpperCase()) : prose.replace(start, next, '');
  } else if (text[before - 1] === ',' && text[after] === ',') {
    edit = prose.replace(before - 1, after + 1, '');
  } else if (text[before - 1] === ':' && text[after] === ',') {
    let next = after + 1;
    while (text[next] === ' ') next++;
    edit = prose.replace(start, next, '');
  } else if (text[before - 1] === '(' && text[after] === ')') {
    // Nothing is left in the parentheses: they go too, with the space before them.
    let from = before - 1;
    while (from > 0 && text[from - 1] === ' ') from--;
    edit = prose.replace(from, after + 1, '');
  }
  // Where the source cannot take the wider edit (an escape in the way), the words alone go.
  if (edit) return edit;
  if (text[end] === ' ') return prose.replace(start, end + 1, '');
  if (start > 0 && text[start - 1] === ' ') return prose.replace(start - 1, end, '');
  return prose.replace(start, end, '');
}
