import vocabularies from '../data/vocabularies.json';
import { Concept } from '../model/dataset';

export interface Vocabulary {
  source: string;
  values: string[];
  synonyms: Record<string, string>;
}

export const VOCABULARIES = vocabularies as Record<'update_frequency' | 'license' | 'category' | 'access_level', Vocabulary>;
export type VocabularyField = keyof typeof VOCABULARIES;

export function vocabularyFor(concept: Concept): Vocabulary | undefined {
  return (VOCABULARIES as Partial<Record<Concept, Vocabulary>>)[concept];
}

const canonical = (s: string) => s.toLowerCase().replace(/[\s_]+/g, ' ').replace(/[.]+$/, '').trim();

export type Verdict =
  | { ok: true }
  | { ok: false; suggestions: string[]; sure: boolean };

/**
 * Whether a value is in the vocabulary; if not, the closest allowed values: the exact value in
 * another case or a known synonym ("yearly" → "Annually") is a sure suggestion, a near spelling
 * is a likely one, and otherwise every allowed value is offered.
 */
export function checkValue(vocabulary: Vocabulary, value: string): Verdict {
  // Space around a value is how it was written (a block scalar ends with a line break), not what it says.
  if (vocabulary.values.includes(value.trim())) return { ok: true };
  const key = canonical(value);
  const sameWords = vocabulary.values.find((v) => canonical(v) === key);
  if (sameWords) return { ok: false, suggestions: [sameWords], sure: true };
  const synonym = Object.entries(vocabulary.synonyms).find(([k]) => canonical(k) === key)?.[1];
  if (synonym) return { ok: false, suggestions: [synonym], sure: true };
  const scored = vocabulary.values
    .map((v) => ({ v, d: distance(canonical(v), key) }))
    .filter(({ v, d }) => d <= Math.max(2, Math.floor(v.length / 4)))
    .sort((a, b) => a.d - b.d);
  if (scored.length > 0) return { ok: false, suggestions: scored.slice(0, 3).map((s) => s.v), sure: false };
  return { ok: false, suggestions: [...vocabulary.values], sure: false };
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
