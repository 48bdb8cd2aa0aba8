/**
 * Seeded inputs for the robustness tests: a small PRNG, every sample file on disk, random metadata
 * and dictionary YAML built from the word lists, random JSON and CSV, and mutations of any text.
 */
import * as fs from 'fs';
import * as path from 'path';
import acronyms from '../../server/src/data/acronyms.json';
import personCentered from '../../server/src/data/person-centered.json';
import plainLanguage from '../../server/src/data/plain-language.json';
import vocabularies from '../../server/src/data/vocabularies.json';
import { readSource } from '../../server/src/cli/files';

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** The seed from the environment variable, or the default; both are printed by the tests. */
export function seedFrom(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw.trim() === '') return fallback;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`${variable} must be an integer, not "${raw}"`);
  return seed;
}

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Folders of sample files: the examples, any test fixtures, and the shared corpus beside the repo. */
const SAMPLE_ROOTS = ['examples', 'test', '../shared/corpus'];
const SAMPLE_EXTENSIONS = /\.(ya?ml|json|csv)$/i;
const SKIPPED = new Set(['node_modules', 'e2e', 'out']);

export interface SampleFile {
  /** Relative to the repository root, as the tests print it. */
  name: string;
  path: string;
  text: string;
}

/** Every YAML, JSON and CSV file under the sample folders, read as the CLI reads files. */
export function sampleFiles(): SampleFile[] {
  const out: SampleFile[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(full);
      else if (entry.isFile() && SAMPLE_EXTENSIONS.test(entry.name)) {
        const source = readSource(full);
        if (!source.unreadable) out.push({ name: path.relative(REPO_ROOT, full).replace(/\\/g, '/'), path: full, text: source.text });
      }
    }
  };
  for (const root of SAMPLE_ROOTS) walk(path.join(REPO_ROOT, root));
  return out;
}

interface ListFile {
  entries: Array<{ forms: Array<{ match: string }> }>;
}
const TERMS = [...(plainLanguage as ListFile).entries, ...(personCentered as ListFile).entries].flatMap((e) => e.forms.map((f) => f.match));
const GLOSSARY = Object.entries((acronyms as { glossary: Record<string, string> }).glossary);
const WORDS = ['the', 'number', 'of', 'children', 'in', 'placement', 'by', 'age', 'group', 'and', 'year', 'town', 'data', 'shows', 'each', 'row', 'is', 'a', 'count', 'people', 'who', 'were', 'served', 'so', 'there', 'very', 'many'];
const ODD = ['é', 'ß', '𝔸', '—', '“quoted”', 'naïve', '{{ var }}', 'https://example.gov/a?b=c', 'data@example.gov', '`code`', '#not-a-comment', '50%', '&', '*', '!', '[1]', '{x}', '"', "'", '\\'];
const UPDATE_FREQUENCIES = (vocabularies as { update_frequency: { values: string[] } }).update_frequency.values;

/** A sentence or two of prose with terms from the word lists, acronyms (some defined) and odd characters. */
export function prose(r: Random, maxWords = 18): string {
  const words: string[] = [];
  const n = 1 + r.int(maxWords);
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.12) words.push(r.pick(TERMS));
    else if (roll < 0.2) {
      const [acronym, expansion] = r.pick(GLOSSARY);
      words.push(r.chance(0.3) ? `${expansion} (${acronym})` : acronym);
    } else if (roll < 0.24) words.push(String.fromCharCode(65 + r.int(26), 65 + r.int(26), 65 + r.int(26)));
    else if (roll < 0.3) words.push(r.pick(ODD));
    else words.push(r.pick(WORDS));
    if (r.chance(0.08)) words[words.length - 1] += r.pick(['.', ',', ';', ':', '?']);
  }
  if (r.chance(0.5)) words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(' ') + (r.chance(0.7) ? '.' : '');
}

const PLAIN_UNSAFE = /^[\s#&*!|>'"%@`{}[\],?:-]|: |:$| #|\s$|[\r\n\\]/;

/** `key: value` lines with the value in a random scalar style (plain, quoted, folded, literal). */
export function scalarLines(r: Random, indent: string, key: string, value: string): string[] {
  const style = r.int(7);
  const inner = indent + '  ';
  if (style === 0 && !PLAIN_UNSAFE.test(value)) return [`${indent}${key}: ${value}`];
  if (style === 1 && !PLAIN_UNSAFE.test(value) && value.includes(' ')) {
    // A plain scalar folded over several lines.
    const words = value.split(' ');
    const cut = 1 + r.int(words.length - 1);
    return [`${indent}${key}: ${words.slice(0, cut).join(' ')}`, `${inner}${words.slice(cut).join(' ')}`];
  }
  if (style === 2) return [`${indent}${key}: '${value.replace(/'/g, "''")}'`];
  if (style === 3 || style === 0 || style === 1) return [`${indent}${key}: ${JSON.stringify(value)}`];
  if (style === 4) {
    const escaped = JSON.stringify(value).replace(/é/g, '\\u00e9').replace(/ the /g, ' the\\\n' + inner + ' ');
    return [`${indent}${key}: ${escaped}`];
  }
  const header = r.pick(['|', '>', '|-', '>-', '|+', '>+']);
  const lines = value.split(/(?<=[.;]) /);
  const body = lines.flatMap((line, i) => (i > 0 && r.chance(0.2) ? ['', inner + line] : [inner + line]));
  return [`${indent}${key}: ${header}`, ...body];
}

const FIELD_VALUES: Record<string, (r: Random) => string> = {
  title: (r) => prose(r, 6).replace(/\.$/, ''),
  description: (r) => prose(r, 40) + (r.chance(0.5) ? ' ' + prose(r, 20) : ''),
  row_label: (r) => prose(r, 8),
  collection_method: (r) => prose(r),
  limitations: (r) => prose(r),
  update_frequency: (r) => (r.chance(0.6) ? r.pick(UPDATE_FREQUENCIES) : r.pick(['yearly', 'monthy', 'Weekly ', 'daily', 'sometimes', ''])),
  license: (r) => r.pick(['Public Domain', 'CC BY 4.0', 'public domain', 'MIT', 'Proprietary', '']),
  category: (r) => r.pick(['Education', 'Public Safety', 'Health', 'education', 'Stuff']),
  agency: (r) => r.pick(['Department of Children and Families', 'DCF', 'DMHAS']),
  contact_email: () => 'data@example.gov',
  access_level: (r) => r.pick(['public', 'restricted', 'Public', 'secret']),
};

/** A random native metadata or dictionary file: fields in any order, columns, comments, maybe CRLF. */
export function nativeYaml(r: Random, kind: 'metadata' | 'dictionary'): string {
  const lines: string[] = [];
  const comment = () => {
    if (r.chance(0.15)) lines.push(r.pick(['# a comment', '  # indented comment', '# plainmeta-disable-next-line style', '# plainmeta-disable acronym', '# plainmeta-enable']));
  };
  const keys = Object.keys(FIELD_VALUES).filter(() => r.chance(kind === 'metadata' ? 0.75 : 0.3));
  for (const key of keys.sort(() => r.next() - 0.5)) {
    comment();
    const field = scalarLines(r, '', key, FIELD_VALUES[key](r));
    if (r.chance(0.1)) field[0] += ' # trailing comment';
    lines.push(...field);
  }
  if (kind === 'dictionary' || r.chance(0.5)) {
    lines.push('columns:');
    const count = r.int(6);
    const indent = r.pick(['  ', '', '    ']);
    for (let i = 0; i < count; i++) {
      comment();
      const name = r.pick(['age_group', 'TownName', 'year', 'DCF_region', 'count', 'x']) + (i || '');
      lines.push(`${indent}- name: ${name}`);
      if (r.chance(0.5)) lines.push(...scalarLines(r, indent + '  ', 'title', r.chance(0.3) ? name : prose(r, 5)));
      if (r.chance(0.8)) lines.push(...scalarLines(r, indent + '  ', 'description', r.chance(0.25) ? r.pick(['TBD', 'N/A', name, '']) : prose(r)));
      if (r.chance(0.3)) lines.push(`${indent}  type: ${r.pick(['text', 'number', 'date'])}`);
    }
  }
  comment();
  const text = lines.join('\n') + (r.chance(0.9) ? '\n' : '');
  return r.chance(0.25) ? text.replace(/\n/g, '\r\n') : text;
}

/** Random JSON shaped like the JSON formats (Data Package, Table Schema, DCAT), or like nothing. */
export function randomJson(r: Random): string {
  const field = () => ({ name: r.pick(['age', 'town', 'Year', 'DCF code']), title: prose(r, 4), description: r.chance(0.7) ? prose(r) : r.pick(['', 'TBD', null, 3]), type: 'string' });
  const fields = () => Array.from({ length: r.int(5) }, field);
  const dataset = () => ({ title: prose(r, 5), description: prose(r, 30), keyword: [prose(r, 2)], accrualPeriodicity: r.pick(['R/P1Y', 'yearly', 'irregular']), license: r.pick(['https://creativecommons.org/publicdomain/zero/1.0/', 'odc-pddl']), contactPoint: { hasEmail: 'mailto:a@example.gov' } });
  const shapes = [
    () => ({ name: 'pkg', title: prose(r, 5), description: prose(r, 30), licenses: [{ id: 'odc-pddl' }], resources: [{ name: 'r', path: 'data.csv', schema: { fields: fields() } }] }),
    () => ({ fields: fields() }),
    () => ({ conformsTo: 'https://project-open-data.cio.gov/v1.1/schema', dataset: Array.from({ length: 1 + r.int(3) }, dataset) }),
    () => ({ dataset: [dataset()] }),
    () => [prose(r), 1, null, { a: [] }],
  ];
  return JSON.stringify(r.pick(shapes)(), null, r.pick([0, 2, 4, '\t']));
}

/** A random CSV data dictionary: quoted cells, embedded commas and line breaks, ragged rows. */
export function randomCsv(r: Random): string {
  const header = r.pick([['name', 'description'], ['field_name', 'definition', 'type'], ['column', 'label', 'notes'], ['variable', 'description', 'units']]);
  const cell = () => {
    const value = r.chance(0.7) ? prose(r, 10) : r.pick(['', 'TBD', 'N/A', 'x,y', 'a "quoted" word', 'two\nlines']);
    return /[",\n\r]/.test(value) || r.chance(0.2) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const rows = [header.join(',')];
  const count = r.int(8);
  for (let i = 0; i < count; i++) {
    const width = r.chance(0.85) ? header.length : r.int(header.length + 2);
    rows.push(Array.from({ length: width }, cell).join(','));
  }
  const eol = r.chance(0.3) ? '\r\n' : '\n';
  return rows.join(eol) + (r.chance(0.8) ? eol : '');
}

const INSERTIONS = ['"', "'", ':', ': ', ' ', '  ', '\t', '\n', '\r\n', '\r', '-', '- ', '#', '{', '}', '[', ']', ',', '&a ', '*a', '!!str ', '|', '>', '\0', '\ufeff', '\ud800', '\udc00', '😀', 'é', '\u2028', '---\n', '...\n', '%YAML 1.2\n', '? ', '\\', '\\u', '"""'];

/** One random damage to a text: flips, cuts, duplicates, quotes, colons, indentation, odd characters. */
export function mutate(r: Random, text: string): string {
  const at = r.int(text.length + 1);
  const to = Math.min(text.length, at + 1 + r.int(40));
  switch (r.int(9)) {
    case 0:
      return text.slice(0, at) + String.fromCharCode(r.int(0x300)) + text.slice(at + 1);
    case 1:
      return text.slice(0, at);
    case 2:
      return text.slice(0, to) + text.slice(at, to) + text.slice(to);
    case 3:
      return text.slice(0, at) + text.slice(to);
    case 4:
      return text.slice(0, at) + r.pick(INSERTIONS) + text.slice(at);
    case 5: {
      // Re-indent one line.
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      return text.slice(0, lineStart) + r.pick(['', ' ', '   ', '\t', '        ']) + text.slice(lineStart).replace(/^[ \t]*/, '');
    }
    case 6:
      return text.replace(r.pick([/"/, /'/, /:/, /-/, /\n/]), r.pick(INSERTIONS));
    case 7:
      return text.slice(0, at) + '\0'.repeat(1 + r.int(3)) + text.slice(at);
    default:
      return r.chance(0.5) ? text.replace(/\r?\n/g, '\r\n') : '\ufeff' + text;
  }
}
