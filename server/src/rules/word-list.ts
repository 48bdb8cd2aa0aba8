import { ProseText } from '../model/prose';
import { TextEdit } from '../model/text';
import { nonProseSpans, overlaps } from './prose-fields';

export interface WordListForm {
  /** The exact word or phrase, lower case; matched as whole words, in any case. */
  match: string;
  /** Replacements in the same number as `match`; "" means the guide says to omit it. */
  replace: string[];
}

export interface WordListEntry {
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
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One compiled matcher per list, built once: an alternation of every form, longest first so a
 * phrase wins over a word inside it, bounded by non-letters so "inmates" never matches "inmate".
 */
export class TermMatcher {
  private readonly pattern: RegExp;
  private readonly forms = new Map<string, { entry: WordListEntry; form: WordListForm }>();

  constructor(list: WordList) {
    for (const entry of list.entries) {
      for (const form of entry.forms) this.forms.set(normalize(form.match), { entry, form });
    }
    const alternatives = [...this.forms.keys()].sort((a, b) => b.length - a.length).map((k) => escape(k).replace(/ /g, '\\s+'));
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
  }

  /** Matches outside URLs, emails and templating, and not allowed by the project. */
  find(text: string, allow: readonly string[] = []): TermMatch[] {
    const skip = nonProseSpans(text);
    const allowed = new Set(allow.map(normalize));
    const out: TermMatch[] = [];
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      const key = normalize(m[0]);
      const hit = this.forms.get(key);
      if (!hit || overlaps(skip, m.index, m.index + m[0].length)) continue;
      if (allowed.has(key) || allowed.has(normalize(hit.entry.term))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...hit });
    }
    return out;
  }
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "Inmates" → "People who are incarcerated"; "INMATES" → "PEOPLE WHO ARE INCARCERATED". */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * The edit that puts `replacement` in place of the decoded range; an empty replacement also
 * takes one neighbouring space so no double space is left behind.
 */
export function replacementEdit(prose: ProseText, start: number, end: number, replacement: string): TextEdit | undefined {
  if (replacement === '') {
    const text = prose.text;
    if (text[end] === ' ') return prose.replace(start, end + 1, '');
    if (start > 0 && text[start - 1] === ' ') return prose.replace(start - 1, end, '');
    return prose.replace(start, end, '');
  }
  return prose.replace(start, end, replacement);
}
