import { ProseText } from '../model/prose';
import { TextEdit } from '../model/text';
import { ASCII_WORD_CHAR, isBlank, letterOrNumberAt } from './chars';
import { nonProseSpansIn, overlaps } from './prose-fields';

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
  /**
   * The replacements that read where the match modifies the word after it, behind a determiner
   * ("the per annum cost" → "the annual cost"); none (an empty list) where no replacement reads
   * there ("a sufficient sample" is not "an enough sample"). Unset: the forms' replacements do.
   */
  modifier?: string[];
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
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
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
 * A word's key: an FNV-1a hash of its lower case, a char code at a time. Two words with different
 * keys differ; two with the same key are compared in full.
 */
function hashOf(word: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), HASH_PRIME);
  return hash;
}
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/**
 * Where the words of the text last read are kept: grown as needed and reused from one text to the
 * next, so reading a text's words allocates nothing (a catalog has thousands of texts).
 */
let scratch = { starts: new Int32Array(256), ends: new Int32Array(256), keys: new Int32Array(256), ascii: new Uint8Array(256) };

/**
 * The words of a text, as TOKEN finds them: offsets and keys in typed arrays shared by all Tokens,
 * so a Tokens is only good until the next one is made (TermMatcher.find uses one at a time).
 */
export class Tokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The key (see `keyOf`) of each word's lower case. */
  readonly keys: Int32Array;
  /** 1 where the word is all ASCII. */
  private readonly ascii: Uint8Array;
  readonly length: number;

  constructor(readonly text: string) {
    let { starts, ends, keys, ascii } = scratch;
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
      let isAscii = true;
      // The key of the lower case as it goes, while the word is ASCII (where lower case is A-Z to a-z).
      let hash = HASH_SEED;
      // Mostly ASCII letters: a table look-up each, with the full test only past ASCII.
      // Stopping at the end keeps d an integer (charCodeAt past the end is NaN), which compiles to faster code.
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          // A hyphen joins two words into one ("ex-offender").
          if (ASCII_WORD_CHAR[d] === 1 || (d === 45 && wordCharAt(text, i + 1) > 0)) {
            hash = Math.imul(hash ^ (d >= 65 && d <= 90 ? d + 32 : d), HASH_PRIME);
            i++;
          } else break;
        } else {
          const step = wordCharAt(text, i);
          if (step === 0) break;
          isAscii = false;
          i += step;
        }
      }
      if (count === starts.length) {
        scratch = grown(scratch);
        ({ starts, ends, keys, ascii } = scratch);
      }
      starts[count] = start;
      ends[count] = i;
      // Other letters may lower-case to other lengths, or to ASCII (the Kelvin sign to "k"): toLowerCase decides.
      keys[count] = isAscii ? hash : hashOf(text.slice(start, i).toLowerCase());
      ascii[count] = isAscii ? 1 : 0;
      count++;
    }
    this.starts = starts;
    this.ends = ends;
    this.keys = keys;
    this.ascii = ascii;
    this.length = count;
  }

  /** The key of a lower-case word, as `keys` holds it for a word whose lower case that is. */
  static keyOf(word: string): number {
    return hashOf(word);
  }

  /** The word as written. */
  at(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  lower(i: number): string {
    return this.at(i).toLowerCase();
  }

  /** Whether word `i`, in lower case, is `word` (whose key is `key`), without building a string for an ASCII word. */
  is(i: number, word: string, key: number): boolean {
    if (this.keys[i] !== key) return false;
    if (this.ascii[i] === 0) return this.lower(i) === word;
    // All ASCII: compare with only A-Z lower-cased, as toLowerCase does.
    const start = this.starts[i];
    if (this.ends[i] - start !== word.length) return false;
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
  const more = <T extends Int32Array | Uint8Array>(from: T): T => {
    const to = new (from.constructor as new (length: number) => T)(from.length * 2);
    to.set(from);
    return to;
  };
  return { starts: more(arrays.starts), ends: more(arrays.ends), keys: more(arrays.keys), ascii: more(arrays.ascii) };
}

/** Code units of the word character (`[\p{L}\p{N}_]` with `/u`) at `i`, or 0. */
function wordCharAt(text: string, i: number): number {
  return text.charCodeAt(i) === 95 ? 1 : letterOrNumberAt(text, i);
}

/** A phrase of a list, lower case, with each word's key. */
interface Phrase {
  words: string[];
  keys: number[];
}

function phrase(words: string[]): Phrase {
  return { words, keys: words.map(Tokens.keyOf) };
}

/** One form of an entry, compiled: its words and context as phrases. */
interface Candidate {
  /** Which of the matcher's lists it is from. */
  list: number;
  phrase: Phrase;
  entry: WordListEntry;
  form: WordListForm;
  notBefore: Phrase[];
  notAfter: Phrase[];
  asNoun: boolean;
}

/**
 * The forms of the lists as a trie of words: a node per phrase prefix, reached from its parent
 * by the next word's key, through an open-addressed table of (node, key) → child, so a word that
 * starts no form costs one probe or two. A node holds the forms whose phrase ends there.
 */
class WordTrie {
  /** Per slot: parent node + 1 (0 for an empty slot), word key, child. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private nodes = 1;
  /** Per node, the forms ending there, in list order. */
  readonly endsAt: Candidate[][] = [[]];
  /** The most words of a form. */
  readonly depth: number;
  /** 1 at `key & 0xffff` for the key of each word that starts a form: most words are turned away by this alone. */
  readonly firstWords = new Uint8Array(0x10000);

  constructor(candidates: readonly Candidate[]) {
    const words = candidates.reduce((n, c) => n + c.phrase.words.length, 0);
    let size = 16;
    while (size < words * 2) size *= 2;
    this.slots = new Int32Array(size * 3);
    this.mask = size - 1;
    for (const candidate of candidates) {
      let node = 0;
      for (const key of candidate.phrase.keys) node = this.child(node, key) || this.add(node, key);
      this.firstWords[candidate.phrase.keys[0] & 0xffff] = 1;
      this.endsAt[node].push(candidate);
    }
    this.depth = Math.max(1, ...candidates.map((c) => c.phrase.words.length));
  }

  /** The node reached from `node` by a word with this key, or 0 for none. */
  child(node: number, key: number): number {
    const { slots, mask } = this;
    for (let slot = slotOf(node, key) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const parent = slots[at];
      if (parent === 0) return 0;
      if (parent === node + 1 && slots[at + 1] === key) return slots[at + 2];
    }
  }

  private add(node: number, key: number): number {
    const { slots, mask } = this;
    let slot = slotOf(node, key) & mask;
    while (slots[slot * 3] !== 0) slot = (slot + 1) & mask;
    const child = this.nodes++;
    slots.set([node + 1, key, child], slot * 3);
    this.endsAt.push([]);
    return child;
  }
}

/** Spreads (node, key) over the table's slots. */
function slotOf(node: number, key: number): number {
  const mixed = Math.imul(key ^ Math.imul(node, 0x9e3779b1), 0x85ebca6b);
  return mixed ^ (mixed >>> 15);
}

const NO_ALLOW: ReadonlySet<string> = new Set();
const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);
/** The allow list of a config, normalised once for all the texts it applies to. */
const allowSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The nodes of the words walked from one word, reused from word to word. */
let path = new Int32Array(16);
/** Per list, the first word where a match may start (a match's words are not matched again). */
let nextStart = new Int32Array(2);

/**
 * One matcher for one or more lists, built once. The text is split into words once for all the
 * lists; at each word the forms that start with it are tried longest first, and per list the
 * first whose context allows it wins, so a phrase beats a word inside it and a form that its
 * context rules out leaves room for a shorter one. Each list is matched as if alone.
 */
export class TermMatcher {
  private readonly trie: WordTrie;
  private readonly lists: number;

  constructor(all: readonly WordList[]) {
    this.lists = all.length;
    const candidates: Candidate[] = [];
    all.forEach((list, index) => {
      for (const entry of list.entries) {
        for (const form of entry.forms) {
          candidates.push({
            list: index,
            phrase: phrase(words(form.match)),
            entry,
            form,
            notBefore: [...(entry.notBefore ?? []), ...(form.notBefore ?? [])].map((p) => phrase(words(p))),
            notAfter: [...(entry.notAfter ?? []), ...(form.notAfter ?? [])].map((p) => phrase(words(p))),
            asNoun: form.asNoun ?? entry.asNoun ?? false,
          });
        }
      }
    });
    this.trie = new WordTrie(candidates);
    if (path.length < this.trie.depth) path = new Int32Array(this.trie.depth);
    if (nextStart.length < this.lists) nextStart = new Int32Array(this.lists);
  }

  /** Each list's matches outside URLs, emails and templating and not allowed by the project, in the order the lists were given. */
  findAll(text: string, allow: readonly string[] = [], source: string | ProseText = text): Array<readonly TermMatch[]> {
    let skip: Array<[number, number]> | undefined;
    const allowed = allowSet(allow);
    const tokens = new Tokens(text);
    const { trie, lists } = this;
    const { keys } = tokens;
    // Most texts match no form of a list: they all share one empty list. Sized once (an array
    // grown by push takes room for sixteen), since every text of a catalog gets one.
    const out: Array<readonly TermMatch[]> = new Array(lists);
    for (let list = 0; list < lists; list++) out[list] = NO_MATCHES;
    nextStart.fill(0, 0, lists);
    const { firstWords } = trie;
    for (let i = 0; i < tokens.length; i++) {
      if (firstWords[keys[i] & 0xffff] === 0) continue;
      let node = trie.child(0, keys[i]);
      if (node === 0) continue;
      // The words from here that some form goes on with, each joined to the last by blanks only.
      let depth = 0;
      path[depth++] = node;
      while (i + depth < tokens.length && (node = trie.child(node, keys[i + depth])) !== 0 && tokens.joined(i + depth - 1)) path[depth++] = node;
      for (let list = 0; list < lists; list++) {
        if (nextStart[list] > i) continue;
        // Longest first; forms of one length in list order.
        find: for (let length = depth; length > 0; length--) {
          for (const c of trie.endsAt[path[length - 1]]) {
            if (c.list !== list) continue;
            // Keys only lead here: the words themselves are compared.
            if (!phraseAt(tokens, i, c.phrase)) continue;
            const end = tokens.ends[i + length - 1];
            if (!contextAllows(tokens, i, i + length, c)) continue;
            const start = tokens.starts[i];
            skip ??= nonProseSpansIn(source);
            if (overlaps(skip, start, end)) continue;
            const written = text.slice(start, end);
            if (allowed.size > 0 && (allowed.has(normalize(written)) || allowed.has(normalize(c.entry.term)))) continue;
            const match: TermMatch = { start, end, text: written, entry: c.entry, form: c.form };
            const possessive = possessiveAt(text, end);
            if (possessive) match.possessive = { start: end, end: end + possessive };
            if (out[list] === NO_MATCHES) out[list] = [match];
            else (out[list] as TermMatch[]).push(match);
            nextStart[list] = i + length;
            break find;
          }
        }
      }
    }
    return out;
  }
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

/** Words title case keeps small inside a title: articles, short conjunctions and prepositions ("who", a pronoun, is not one). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'from']);
/**
 * A replacement ending in an adverb that looks like a small word: title case capitalizes it as it
 * does any adverb ("From Now On"), where a preposition before its object stays small ("Focus on").
 */
const ADVERB_ENDING = /\b(?:now|later|so) on$/;

/**
 * "Inmates" → "People who are incarcerated"; "INMATES" → "PEOPLE WHO ARE INCARCERATED";
 * "Homeless People" (a title) → "People Experiencing Homelessness"; and "Inmates" in `text`
 * written in title case ("Placements of Inmates' Children") → "Incarcerated People".
 */
export function matchCase(original: string, replacement: string, text = ''): string {
  if (!replacement) return replacement;
  // Most terms stand mid-sentence in lower case: from a small first letter none of the cases below follows.
  const first = original.charCodeAt(0);
  if (first >= 97 && first <= 122) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  const originalWords = original.split(/\s+/);
  if ((originalWords.length > 1 && originalWords.every((w) => /^\p{Lu}/u.test(w))) || (/^\p{Lu}/u.test(original) && inTitleCase(text))) {
    const replacementWords = replacement.split(' ');
    const last = replacementWords.length - 1;
    return replacementWords
      .map((w, i) => (i > 0 && SMALL_WORDS.has(w) && !(i === last && ADVERB_ENDING.test(replacement)) ? w : w[0].toUpperCase() + w.slice(1)))
      .join(' ');
  }
  if (/^\p{Lu}/u.test(original)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * Whether a text is written in title case: two words or more, and each that is not a small word
 * starts with a capital or a digit ("DCF Placements of Inmates' Children, 2019").
 */
function inTitleCase(text: string): boolean {
  // Word by word, stopping at the first small letter: a long description is no title, and says so early.
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  let words = 0;
  let big = 0;
  for (let found = word.exec(text); found; found = word.exec(text)) {
    words++;
    if (SMALL_WORDS.has(found[0].toLowerCase())) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(found[0])) return false;
    big++;
  }
  return words > 1 && big > 0;
}

/**
 * The possessive of a replacement, or undefined when it has none that reads well: "incarcerated
 * people" → "incarcerated people's", but "people who are incarcerated" cannot take an "'s".
 */
export function possessiveOf(replacement: string): string | undefined {
  if (!replacement || /\b(who|with|experiencing|of|in|on|from|without|for|using|convicted|involved|living)\b/i.test(replacement)) return undefined;
  return /s$/.test(replacement) ? `${replacement}'` : `${replacement}'s`;
}

/**
 * "a"/"an" for the words that follow it, by the sound they start with, for the common cases; not
 * a pronouncing dictionary:
 * - a word in capitals (two or more letters) before a word that is not, or alone, is an acronym: one
 *   of three letters or fewer, or without a vowel, or not opening as English words do, is read
 *   letter by letter ("an FBI report", "an NCES table", "a UCR code"); a longer one is read as a word
 *   ("a SNAP benefit", "a NASA grant"). One that starts with U is read letter by letter only when
 *   of three letters or fewer or when two consonants follow the U ("a USDA grant"); longer ones are
 *   words ("an UNINSURED adult"). Known misses: "HUD" (said as a word) gets "an", "UNESCO" gets "an";
 * - a letter before a hyphen is read as a letter ("an X-ray", "an F-test", "an x-axis");
 * - a number by its spoken first word: "an 8-hour", "an 11-person", "an 18", "a 110";
 * - "one"/"once", a U said as a letter before a capitalised word ("a UConn", "a UMass", and in
 *   capitals "a UCONN", "a UCLA") and the
 *   "you" of "uni-", "use", "usu-", "uti-", "ur-", "eu-", "ubiq-", "ukr-", "unanim-", "utop-",
 *   "utens-" take "a" ("a one-time", "a university", "a European", "a Ukrainian"), but "un-"
 *   before n, m or d is the prefix ("an uninsured");
 * - a silent "h" takes "an": "an hour", "an honest", "an honor", "an heir".
 */
export function articleFor(words: string): 'a' | 'an' {
  const [first = '', next = ''] = words.split(/\s+/);
  if (/^\p{L}-/u.test(first)) return LETTERS_SAID_WITH_A_VOWEL.test(first[0].toUpperCase()) ? 'an' : 'a';
  const letters = first.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && !/\p{Ll}/u.test(first) && /\p{Lu}/u.test(first) && (next === '' || /\p{Ll}/u.test(next))) {
    const spoken = letters.length >= 4 && /[AEIOU]/.test(letters) && /^(?:[^AEIOU][AEIOU]|[AEIOU]|F[LR]|S[CKLMNPTW])/.test(letters);
    const lettersOfU = letters[0] === 'U' && (letters.length <= 3 || /^U[^AEIOU]{2}|^UC/.test(letters));
    if (!spoken || lettersOfU) return LETTERS_SAID_WITH_A_VOWEL.test(letters[0]) ? 'an' : 'a';
  }
  const digits = /^\d[\d,]*/.exec(first)?.[0].replace(/,/g, '');
  if (digits) return digits[0] === '8' || (/^1[18]/.test(digits) && digits.length % 3 === 2) ? 'an' : 'a';
  if (/^U\p{Lu}\p{Ll}/u.test(first)) return 'a';
  if (/^(?:one\b|once\b|eu|uni(?![nmd])|us[aeiu]|uti|ur[aeiou]|ubiq|ukr|unanim|utop|utens)/i.test(first)) return 'a';
  return /^(?:[aeiou]|hour|honou?r|honest|heir)/i.test(first) ? 'an' : 'a';
}

/** Letters whose names start with a vowel sound: "an F", "an H", "an M", "an X". */
const LETTERS_SAID_WITH_A_VOWEL = /[AEFHILMNORSX]/;

/** The word that ends where only white space, and some, separates it from `start`. */
export function wordBefore(text: string, start: number): { start: number; word: string } | undefined {
  const found = /([\p{L}\p{N}_]+(?:[-'’][\p{L}\p{N}_]+)*)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
  return found ? { start: start - found[0].length, word: found[1] } : undefined;
}

/** The word that starts where only white space, and some, separates it from `end`. */
export function wordAfter(text: string, end: number): string | undefined {
  return /^\s+([\p{L}\p{N}_]+(?:[-'’][\p{L}\p{N}_]+)*)/u.exec(text.slice(end, end + 40))?.[1];
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
