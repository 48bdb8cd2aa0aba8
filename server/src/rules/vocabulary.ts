import frequencies from '../data/frequencies.json';
import licenses from '../data/licenses.json';
import ct from '../data/vocabularies.json';
import type { ProfileName } from '../config/config';
import { Concept } from '../model/dataset';

export interface Vocabulary {
  source: string;
  /** The profile's own wording: what fixes offer and what is accepted as written. */
  values: string[];
  /** Other wordings that are understood, each mapped to the profile's own wording. */
  synonyms: Record<string, string>;
  /** Accept any understood wording as it is (the profile names no wording of its own). */
  lenient?: boolean;
  /** Accept any absolute http(s) URL (DCAT-US licenses are URLs, known or not). */
  anyUrl?: boolean;
}

export type VocabularyField = 'update_frequency' | 'license' | 'category' | 'access_level';
export const VOCABULARY_FIELDS: readonly VocabularyField[] = ['update_frequency', 'license', 'category', 'access_level'];

type Wording = 'ct' | 'dcat' | 'dc' | 'frictionless';

/**
 * Lower case, blanks and underscores as one space, no trailing dot; URLs without scheme, "www."
 * or trailing slash, so http://opendatacommons.org/licenses/pddl/ and https://…/pddl agree.
 */
export const canonical = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/+$/, '')
    .replace(/[\s_]+/g, ' ')
    .replace(/[.]+$/, '')
    .trim();

/** Every way a frequency is written that plainmeta understands, mapped to a profile's wording. */
function frequencySynonyms(wording: 'ct' | 'dcat' | 'dc'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of frequencies.frequencies) {
    const target = f[wording];
    if (!target) continue;
    const spellings = [...f.words, ...f.iso, f.ct, f.dcat, f.dc, f.dc && `purl.org/cld/freq/${f.dc}`];
    for (const s of spellings) if (s) out[canonical(s)] = target;
  }
  return out;
}

function licenseSynonyms(wording: 'ct' | 'dcat' | 'frictionless'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of licenses.licenses) {
    const target = l[wording];
    if (!target) continue;
    for (const s of [...l.names, ...l.urls, l.ct, l.dcat, l.frictionless, l.title]) if (s) out[canonical(s)] = target;
  }
  return out;
}

const wordings = (list: ReadonlyArray<Record<string, unknown>>, wording: Wording) =>
  [...new Set(list.map((e) => e[wording]).filter((v): v is string => typeof v === 'string'))];

const CT_FREQUENCY = { ...ct.update_frequency, synonyms: { ...frequencySynonyms('ct'), ...lowerKeys(ct.update_frequency.synonyms) } };
const CT_LICENSE = { ...ct.license, synonyms: { ...licenseSynonyms('ct'), ...lowerKeys(ct.license.synonyms) } };

/** The vocabularies each profile checks; a field a profile leaves out is free text there. */
const PROFILE_VOCABULARIES: Record<ProfileName, Partial<Record<VocabularyField, Vocabulary>>> = {
  'ct-open-data': {
    update_frequency: CT_FREQUENCY,
    license: CT_LICENSE,
    category: ct.category,
    access_level: ct.access_level,
  },
  'dcat-us': {
    update_frequency: {
      source: 'Project Open Data metadata schema v1.1: accrualPeriodicity, an ISO 8601 repeating duration or "irregular"',
      values: wordings(frequencies.frequencies, 'dcat'),
      synonyms: frequencySynonyms('dcat'),
    },
    license: {
      source: 'Project Open Data metadata schema v1.1: license, the URL of the license (open licenses listed by Project Open Data)',
      values: wordings(licenses.licenses, 'dcat'),
      synonyms: licenseSynonyms('dcat'),
      anyUrl: true,
    },
    access_level: {
      source: 'Project Open Data metadata schema v1.1: accessLevel',
      values: ['public', 'restricted public', 'non-public'],
      synonyms: { restricted: 'restricted public', 'not available': 'non-public', private: 'non-public', nonpublic: 'non-public', open: 'public' },
    },
  },
  frictionless: {
    update_frequency: {
      source: 'Dublin Core Collection Description Frequency Vocabulary (the Data Package standard names none, so any understood wording is accepted)',
      values: wordings(frequencies.frequencies, 'dc'),
      synonyms: frequencySynonyms('dc'),
      lenient: true,
    },
    license: {
      source: 'Data Package licenses: Open Definition / SPDX license ids',
      values: wordings(licenses.licenses, 'frictionless'),
      synonyms: licenseSynonyms('frictionless'),
      lenient: true,
    },
  },
};

function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [canonical(k), v]));
}

export function vocabularyFor(concept: Concept, profile: ProfileName = 'ct-open-data'): Vocabulary | undefined {
  return (PROFILE_VOCABULARIES[profile] as Partial<Record<Concept, Vocabulary>>)[concept];
}

/** Whether plainmeta recognises this text as a license in any vocabulary (name, id or URL). */
export function understandsLicense(value: string): boolean {
  return Object.hasOwn(licenseSynonyms('ct'), canonical(value)) || /^https?:\/\/\S+$/.test(value.trim());
}

export type Verdict =
  | { ok: true }
  | { ok: false; suggestions: string[]; sure: boolean };

/**
 * Whether a value is in the vocabulary; if not, the closest allowed values: the exact value in
 * another case or a known synonym ("yearly" → "Annually", "R/P1Y" → "Annually") is a sure
 * suggestion, a near spelling is a likely one, and otherwise every allowed value is offered.
 */
export function checkValue(vocabulary: Vocabulary, value: string): Verdict {
  // Space around a value is how it was written (a block scalar ends with a line break), not what it says.
  const trimmed = value.trim();
  if (vocabulary.values.includes(trimmed)) return { ok: true };
  if (vocabulary.anyUrl && /^https?:\/\/\S+$/.test(trimmed)) return { ok: true };
  const key = canonical(value);
  const sameWords = vocabulary.values.find((v) => canonical(v) === key);
  if (sameWords) return vocabulary.lenient ? { ok: true } : { ok: false, suggestions: [sameWords], sure: true };
  // Own keys only: a value such as "constructor" is not a synonym because every object has one.
  const synonym = Object.hasOwn(vocabulary.synonyms, key) ? vocabulary.synonyms[key] : undefined;
  if (synonym) return vocabulary.lenient ? { ok: true } : { ok: false, suggestions: [synonym], sure: true };
  const scored = vocabulary.values
    .map((v) => ({ v, d: distance(canonical(v), key) }))
    .filter(({ v, d }) => d <= Math.max(2, Math.floor(v.length / 4)))
    .sort((a, b) => a.d - b.d);
  if (scored.length > 0) return { ok: false, suggestions: scored.slice(0, 3).map((s) => s.v), sure: false };
  return { ok: false, suggestions: [...vocabulary.values], sure: false };
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
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
