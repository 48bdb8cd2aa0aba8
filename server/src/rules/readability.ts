import { nonProseSpans } from './prose-fields';
import { optionValue, Rule, RuleOption } from './rule';

const DEFAULT_MAX_GRADE = 12;
/** Below this many words a grade says more about the formula than about the text. */
const MIN_WORDS = 20;

/** Syllables in an English word, by vowel groups with the usual silent endings removed. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

export interface ReadingLevel {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade level, rounded to one decimal. */
  grade: number;
}

/** The Flesch-Kincaid grade of a whole text, with URLs, emails, templating and HTML left out. */
export function readingLevel(text: string): ReadingLevel {
  let prose = text;
  for (const [s, e] of nonProseSpans(text).reverse()) prose = prose.slice(0, s) + ' ' + prose.slice(e);
  prose = prose.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/gi, ' ');
  const words = prose.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  const sentences = Math.max(1, (prose.match(/[.!?]+(?=\s|$)/g) ?? []).length + (/[.!?]\s*$/.test(prose.trim()) ? 0 : 1));
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
  const grade = words.length === 0 ? 0 : 0.39 * (words.length / sentences) + 11.8 * (syllableCount / words.length) - 15.59;
  return { words: words.length, sentences, syllables: syllableCount, grade: Math.round(grade * 10) / 10 };
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
      const level = readingLevel(field.prose.text);
      if (level.words < MIN_WORDS || level.grade <= maxGrade) continue;
      report({ span: field.keySpan, messageId: 'tooHard', data: { grade: level.grade, maxGrade, words: level.words, sentences: level.sentences } });
    }
  },
};
