/**
 * Deterministic inputs for the benchmarks and the style differential test. Everything comes from a
 * seeded generator, so a run on another machine lints the same bytes.
 */
import acronyms from '../server/src/data/acronyms.json';
import personCentered from '../server/src/data/person-centered.json';
import plainLanguage from '../server/src/data/plain-language.json';

/** mulberry32: small, fast and good enough to pick words. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['children', 'families', 'residents', 'households', 'students', 'patients', 'clients', 'people', 'young people', 'older adults', 'veterans', 'workers'];
const THINGS = ['placements', 'admissions', 'arrests', 'visits', 'claims', 'permits', 'inspections', 'enrollments', 'payments', 'referrals', 'cases', 'applications'];
const PLACES = ['town', 'county', 'region', 'school district', 'zip code', 'census tract', 'hospital', 'facility', 'state'];
const VERBS = ['counted', 'reported', 'recorded', 'collected', 'reviewed', 'updated', 'grouped', 'summed', 'estimated', 'validated'];
const ADVERBS = ['very', 'quite', 'largely', 'approximately', 'currently', 'usually', 'just', 'several', 'many', 'mostly'];
// Phrases write-good flags, so its slowest checks (clichés, wordiness) have something to find.
const WEAK_PHRASES = ['at this time', 'in the event that', 'a number of', 'as a matter of fact', 'at the end of the day', 'the bottom line', 'last but not least', 'in a nutshell', 'with respect to', 'for all intents and purposes'];

const glossary = acronyms.glossary as Record<string, string>;
const ACRONYMS = Object.keys(glossary);
const PLAIN_TERMS = plainLanguage.entries.flatMap((e) => e.forms.map((f) => f.match));
const PERSON_TERMS = personCentered.entries.flatMap((e) => e.forms.map((f) => f.match));

/** One to four sentences of the kind stewards write, with acronyms, jargon and labels mixed in. */
export function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const templates: Array<() => string> = [
    () => `Number of ${pick(SUBJECTS)} with ${pick(THINGS)} in each ${pick(PLACES)}, as ${pick(VERBS)} by ${pick(ACRONYMS)}.`,
    () => `The ${pick(THINGS)} were ${pick(VERBS)} by the ${glossary[pick(ACRONYMS)]} on the last day of the month.`,
    () => `${pick(ACRONYMS)} data is ${pick(ADVERBS)} ${pick(VERBS)} ${pick(WEAK_PHRASES)} for each ${pick(PLACES)}.`,
    () => `Counts of ${pick(PERSON_TERMS)} who ${pick(PLAIN_TERMS)} services are ${pick(VERBS)} each year.`,
    () => `There are ${pick(ADVERBS)} ${pick(THINGS)} that ${pick(PLAIN_TERMS)} the the ${pick(PLACES)} records.`,
    () => `So the ${pick(THINGS)} ${pick(PLAIN_TERMS)} a ${pick(PLACES)} code; see https://data.ct.gov/${Math.floor(random() * 9999)}.`,
    () => `${glossary[pick(ACRONYMS)]} (${pick(ACRONYMS)}) ${pick(VERBS)} ${pick(THINGS)} for ${pick(SUBJECTS)} and ${pick(PERSON_TERMS)}.`,
    () => `Rate per 1,000 ${pick(SUBJECTS)}; ${pick(WEAK_PHRASES)}, values under 5 are suppressed.`,
  ];
  const count = 1 + Math.floor(random() * 4);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(templates)());
  return out.join(' ');
}

/** A YAML scalar for `text` in one of the styles real files use: plain, quoted, folded or literal. */
function yamlValue(text: string, indent: string, random: () => number): string {
  const style = random();
  if (style < 0.4 && !/: |#|^[^A-Za-z]/.test(text)) return text;
  if (style < 0.6) return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (style < 0.75) return `'${text.replace(/'/g, "''")}'`;
  const words = text.split(' ');
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 9) lines.push(indent + '  ' + words.slice(i, i + 9).join(' '));
  return `${style < 0.9 ? '>-' : '|'}\n${lines.join('\n')}`;
}

/** A data dictionary of about `bytes` characters: a title, a description and columns. */
export function dictionary(bytes: number, seed = 1): string {
  const random = seededRandom(seed);
  const parts = [
    '# Generated for benchmarks: realistic wording, not real data.',
    'title: Placements by Town and Year, columns',
    `description: ${yamlValue(sentence(random), '', random)}`,
    'columns:',
  ];
  let size = parts.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const name = `${SUBJECTS[i % SUBJECTS.length].replace(/ /g, '_')}_${THINGS[(i >> 3) % THINGS.length]}_${i}`;
    const entry = [
      `  - name: ${name}`,
      `    title: ${yamlValue(name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), '    ', random)}`,
      `    description: ${yamlValue(sentence(random), '    ', random)}`,
      `    type: ${random() < 0.5 ? 'number' : 'text'}`,
    ].join('\n');
    parts.push(entry);
    size += entry.length + 1;
  }
  return parts.join('\n') + '\n';
}

/** Prose of about `bytes` characters in paragraphs, for one long description. */
export function prose(bytes: number, seed = 2): string {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    for (let i = 0; i < 5; i++) sentences.push(sentence(random));
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** Dataset metadata whose description holds `bytes` of prose as a literal block. */
export function metadataWithLongDescription(bytes: number, seed = 3): string {
  const body = prose(bytes, seed)
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
  return ['title: Long Description Benchmark', 'license: Public Domain', 'update_frequency: Annually', `description: |\n${body}`, ''].join('\n');
}

/** A DCAT-US (Project Open Data) catalog of about `bytes` characters. */
export function dcatCatalog(bytes: number, seed = 4): string {
  const random = seededRandom(seed);
  const datasets: unknown[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const acronym = ACRONYMS[i % ACRONYMS.length];
    const record = {
      '@type': 'dcat:Dataset',
      title: `${THINGS[i % THINGS.length]} by ${PLACES[i % PLACES.length]} (${acronym}) ${i}`,
      description: sentence(random) + ' ' + sentence(random),
      keyword: [THINGS[i % THINGS.length], PLACES[i % PLACES.length]],
      modified: '2024-01-01',
      publisher: { '@type': 'org:Organization', name: glossary[acronym] },
      contactPoint: { '@type': 'vcard:Contact', fn: 'Data Team', hasEmail: `mailto:data${i}@example.gov` },
      identifier: `https://data.example.gov/id/${i}`,
      accessLevel: 'public',
      license: 'https://creativecommons.org/publicdomain/zero/1.0/',
      accrualPeriodicity: 'R/P1Y',
      distribution: [{ '@type': 'dcat:Distribution', downloadURL: `https://data.example.gov/${i}.csv`, mediaType: 'text/csv' }],
    };
    const json = JSON.stringify(record, null, 2);
    datasets.push(record);
    size += json.length + 2;
  }
  return JSON.stringify({ '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld', '@type': 'dcat:Catalog', conformsTo: 'https://project-open-data.cio.gov/v1.1/schema', dataset: datasets }, null, 2) + '\n';
}
