import { ProseText } from '../model/prose';
import { TextEdit } from '../model/text';
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
const TOKEN = /[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

interface CompiledForm {
  words: string[];
  entry: WordListEntry;
  form: WordListForm;
  notBefore: string[][];
  notAfter: string[][];
  asNoun: boolean;
}

const words = (s: string) => normalize(s).split(' ').filter(Boolean);

/**
 * One matcher per list, built once. The text is split into words; at each word the forms that
 * start with it are tried longest first, and the first whose context allows it wins, so a phrase
 * beats a word inside it and a form that its context rules out leaves room for a shorter one.
 */
export class TermMatcher {
  private readonly byFirstWord = new Map<string, CompiledForm[]>();

  constructor(list: WordList) {
    for (const entry of list.entries) {
      for (const form of entry.forms) {
        const compiled: CompiledForm = {
          words: words(form.match),
          entry,
          form,
          notBefore: [...(entry.notBefore ?? []), ...(form.notBefore ?? [])].map(words),
          notAfter: [...(entry.notAfter ?? []), ...(form.notAfter ?? [])].map(words),
          asNoun: form.asNoun ?? entry.asNoun ?? false,
        };
        const first = compiled.words[0];
        const list = this.byFirstWord.get(first) ?? [];
        list.push(compiled);
        this.byFirstWord.set(first, list);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Matches outside URLs, emails and templating, and not allowed by the project. */
  find(text: string, allow: readonly string[] = []): TermMatch[] {
    const skip = nonProseSpans(text);
    const allowed = new Set(allow.map(normalize));
    const tokens = tokenize(text);
    const out: TermMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirstWord.get(tokens[i].text.toLowerCase());
      if (!candidates) continue;
      for (const c of candidates) {
        if (!phraseAt(text, tokens, i, c.words)) continue;
        const last = tokens[i + c.words.length - 1];
        if (!contextAllows(text, tokens, i, i + c.words.length, c)) continue;
        const start = tokens[i].start;
        const written = text.slice(start, last.end);
        const key = normalize(written);
        if (overlaps(skip, start, last.end) || allowed.has(key) || allowed.has(normalize(c.entry.term))) continue;
        const possessive = /^['’]s?(?![\p{L}\p{N}])/u.exec(text.slice(last.end));
        out.push({
          start,
          end: last.end,
          text: written,
          entry: c.entry,
          form: c.form,
          ...(possessive ? { possessive: { start: last.end, end: last.end + possessive[0].length } } : {}),
        });
        i += c.words.length - 1;
        break;
      }
    }
    return out;
  }
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Whether `words` are written at token `i`, one after another with only spaces between. */
function phraseAt(text: string, tokens: Token[], i: number, phrase: string[]): boolean {
  if (i + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (tokens[i + k].text.toLowerCase() !== phrase[k]) return false;
    if (k > 0 && !isSpace(text, tokens[i + k - 1].end, tokens[i + k].start)) return false;
  }
  return true;
}

const isSpace = (text: string, from: number, to: number) => to > from && /^\s+$/.test(text.slice(from, to));

function contextAllows(text: string, tokens: Token[], first: number, after: number, c: CompiledForm): boolean {
  for (const phrase of c.notBefore) if (phraseAt(text, tokens, after, phrase) && isSpace(text, tokens[after - 1].end, tokens[after].start)) return false;
  for (const phrase of c.notAfter) {
    const at = first - phrase.length;
    if (at >= 0 && phraseAt(text, tokens, at, phrase) && isSpace(text, tokens[first - 1].end, tokens[first].start)) return false;
  }
  if (c.asNoun) {
    const next = tokens[after];
    // A noun ends its phrase: what follows is punctuation, the end, or a word that cannot be modified.
    const joined = next && isSpace(text, tokens[after - 1].end, next.start);
    if (joined && !FUNCTION_WORDS.has(next.text.toLowerCase())) return false;
    if (joined && inName(text, tokens, after - 1)) return false;
  }
  return true;
}

const capitalized = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);

/**
 * Whether a capitalized word is part of a name such as "the Elderly and Disabled Rental Assistance
 * program": followed by "and", "or" or "of" and another capitalized word. A name is not a label.
 */
function inName(text: string, tokens: Token[], last: number): boolean {
  const link = tokens[last + 1];
  return capitalized(tokens[last]) && ['and', 'or', 'of'].includes(link.text) && capitalized(tokens[last + 2]) && isSpace(text, link.end, tokens[last + 2].start);
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

/** "a"/"an" for the word that follows it, by its first sound as spelled (good enough for our lists). */
function articleFor(word: string): 'a' | 'an' {
  return /^(?:[aeio]|u(?!ni|s[eu]))/i.test(word) ? 'an' : 'a';
}

/**
 * The edit that puts `replacement` in place of the decoded range; an empty replacement also
 * takes one neighbouring space so no double space is left behind. A preceding "a"/"an" is
 * corrected when the replacement needs the other one ("an inmate" → "a person who is incarcerated").
 */
export function replacementEdit(prose: ProseText, start: number, end: number, replacement: string): TextEdit | undefined {
  const text = prose.text;
  if (replacement === '') {
    if (text[end] === ' ') return prose.replace(start, end + 1, '');
    if (start > 0 && text[start - 1] === ' ') return prose.replace(start - 1, end, '');
    return prose.replace(start, end, '');
  }
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
