import { isWhitespace, letterOrNumberAt } from './chars';
import { ProseText } from '../model/prose';
import { nonProseSpansIn } from './prose-fields';
import { optionValue, Rule, RuleOption } from './rule';

const DEFAULT_MAX_GRADE = 12;
/** Below this many words a grade says more about the formula than about the text. */
const MIN_WORDS = 20;

/** Syllables in an English word, by vowel groups with the usual silent endings removed. */
export function syllables(word: string): number {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return syllablesOfAnyWord(word);
  return asciiSyllables(word, 0, word.length);
}

/**
 * The definition. Letters outside ASCII may lower-case to ASCII ones (the Kelvin sign to "k"), so
 * a word with any takes this way; an ASCII word takes asciiSyllables, which counts the same.
 */
function syllablesOfAnyWord(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

/** The lower-case ASCII letters of an ASCII word, as char codes, reused between words. */
const letters = new Uint8Array(256);

/** syllablesOfAnyWord for the ASCII word text[start, end), without building strings. */
function asciiSyllables(text: string, start: number, end: number): number {
  const buffer = end - start > letters.length ? new Uint8Array(end - start) : letters;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) buffer[n++] = c;
    else if (c >= 65 && c <= 90) buffer[n++] = c + 32;
  }
  return syllablesOfLetters(buffer, n);
}

/** syllablesOfAnyWord for an ASCII word whose letters, lower case, are the first n of `buffer`. */
function syllablesOfLetters(buffer: Uint8Array, n: number): number {
  if (n <= 3) return 1;
  // The silent ending: "-es" or "-ed" after a consonant other than "l" (tried first, as the
  // expression tries the earlier position first), else "-e" after one, each with that consonant.
  const e = 101;
  if ((buffer[n - 1] === 115 || buffer[n - 1] === 100) && buffer[n - 2] === e && !SILENT_AFTER[buffer[n - 3]]) n -= 3;
  else if (buffer[n - 1] === e && !SILENT_AFTER[buffer[n - 2]]) n -= 2;
  const from = buffer[0] === 121 ? 1 : 0; // a leading "y"
  // Vowel groups taken two vowels at most at a time, as /[aeiouy]{1,2}/g counts them.
  let count = 0;
  let run = 0;
  for (let i = from; i <= n; i++) {
    if (i < n && VOWEL[buffer[i]]) run++;
    else if (run > 0) {
      count += (run + 1) >> 1;
      run = 0;
    }
  }
  return Math.max(1, count);
}

const codes = (chars: string) => {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
};
const VOWEL = codes('aeiouy');
/** What `[^laeiouy]` does not match, among lower-case letters. */
const SILENT_AFTER = codes('laeiouy');

export interface ReadingLevel {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade level, rounded to one decimal. */
  grade: number;
}

/** The Flesch-Kincaid grade of a whole text, with URLs, emails, templating and HTML left out. */
export function readingLevel(text: string, source: string | ProseText = text): ReadingLevel {
  const prose = withoutMarkup(text, source);
  // Words are /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu; sentences end at /[.!?]+(?=\s|$)/g.
  let words = 0;
  let syllableCount = 0;
  let sentenceEnds = 0;
  const buffer = letters;
  for (let i = 0; i < prose.length; ) {
    const first = prose.charCodeAt(i);
    if (first < 128 ? ASCII_LETTER_OR_NUMBER[first] === 0 : letterOrNumberAt(prose, i) === 0) {
      if (isSentenceEnd(first)) {
        let end = i + 1;
        while (isSentenceEnd(prose.charCodeAt(end))) end++;
        if (end === prose.length || isWhitespace(prose.charCodeAt(end))) sentenceEnds++;
        i = end;
      } else i++;
      continue;
    }
    const start = i;
    // A right quote joins words but, not being a letter, never counts: the word stays ASCII.
    let ascii = true;
    // The word's letters, lower case, gathered as it is read (see syllablesOfLetters).
    let n = 0;
    // Stopping at the end keeps c an integer (charCodeAt past the end is NaN), which compiles to faster code.
    while (i < prose.length) {
      const c = prose.charCodeAt(i);
      if (c < 128 && ASCII_LETTER_OR_NUMBER[c] === 1) {
        // Past the buffer's end the letters are gathered again, by asciiSyllables.
        if (c >= 65 && n++ < buffer.length) buffer[n - 1] = c >= 97 ? c : c + 32;
        i++;
        continue;
      }
      if (c >= 128) {
        const step = letterOrNumberAt(prose, i);
        if (step > 0) {
          ascii = false;
          i += step;
          continue;
        }
      }
      // An apostrophe, right quote or hyphen between two words joins them.
      if ((c === 39 || c === 0x2019 || c === 45) && letterOrNumberAt(prose, i + 1) > 0) i++;
      else break;
    }
    words++;
    syllableCount += !ascii ? syllablesOfAnyWord(prose.slice(start, i)) : n <= buffer.length ? syllablesOfLetters(buffer, n) : asciiSyllables(prose, start, i);
  }
  const sentences = Math.max(1, sentenceEnds + (endsSentence(prose) ? 0 : 1));
  const grade = words === 0 ? 0 : 0.39 * (words / sentences) + 11.8 * (syllableCount / words) - 15.59;
  return { words, sentences, syllables: syllableCount, grade: Math.round(grade * 10) / 10 };
}

const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63;
const ASCII_LETTER_OR_NUMBER = new Uint8Array(128).map((_, c) => letterOrNumberAt(String.fromCharCode(c), 0));

/** Whether the last character that is not white space is ".", "!" or "?" (/[.!?]\s*$/ on the trimmed text). */
function endsSentence(prose: string): boolean {
  let i = prose.length - 1;
  while (i >= 0 && isWhitespace(prose.charCodeAt(i))) i--;
  return i >= 0 && isSentenceEnd(prose.charCodeAt(i));
}

/**
 * The text with each non-prose span, then each HTML tag (/<[^>]*>/g), then each HTML entity
 * (/&[a-z]+;|&#\d+;/gi) replaced by one space, built in one pass for each.
 */
function withoutMarkup(text: string, source: string | ProseText): string {
  let prose = replaceSpans(text, nonProseSpansIn(source));
  if (prose.indexOf('<') >= 0) prose = replaceSpans(prose, tags(prose));
  if (prose.indexOf('&') >= 0) prose = prose.replace(/&[a-z]+;|&#\d+;/gi, ' ');
  return prose;
}

/** Each `<` with the first `>` after it. */
function tags(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open)) {
    const close = text.indexOf('>', open + 1);
    // Without a ">" no "<" after this one closes either.
    if (close < 0) break;
    spans.push([open, close + 1]);
    open = close + 1;
  }
  return spans;
}

function replaceSpans(text: string, spans: ReadonlyArray<[number, number]>): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(at, start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join(' ');
}

const MAX_GRADE: RuleOption & { default: number } = {
  type: 'number',
  default: DEFAULT_MAX_GRADE,
  minimum: 1,
  maximum: 20,
  description: 'The highest acceptable grade level, from 1 to 20.',
};

export const readability: Rule = {
  meta: {
    id: 'readability',
    description: 'A dataset description whose reading grade (Flesch-Kincaid, on the whole description) is above the configured maximum.',
    defaultSeverity: 'info',
    reads: ['description'],
    fixable: false,
    scope: 'field',
    tags: ['prose', 'plain-language'],
    messages: {
      tooHard: 'The description reads at grade {{grade}} (Flesch-Kincaid); aim for grade {{maxGrade}} or below with shorter sentences and everyday words.',
    },
    rationale: {
      quote: 'Metadata should be as simple as possible—the goal of the Open Data Portal is to make data accessible and understandable to all, regardless of technical knowledge.',
      source: 'Connecticut Open Data Publication Guidelines, Appendix',
    },
    options: {
      maxGrade: MAX_GRADE,
    },
  },
  check({ file, options, report }) {
    const maxGrade = optionValue(options, 'maxGrade', MAX_GRADE);
    for (const dataset of file.datasets) {
      const field = dataset.fields.description;
      if (!field?.prose) continue;
      const level = readingLevel(field.prose.text, field.prose);
      if (level.words < MIN_WORDS || level.grade <= maxGrade) continue;
      report({ span: field.keySpan, messageId: 'tooHard', data: { grade: level.grade, maxGrade, words: level.words, sentences: level.sentences } });
    }
  },
};
