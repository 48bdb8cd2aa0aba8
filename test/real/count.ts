/**
 * An independent count of what a steward would call undocumented columns and datasets lacking a
 * license or an update frequency, written apart from plainmeta's adapters and rules: plain
 * `JSON.parse`, the `yaml` package's `parse` (with YAML 1.1 merge keys, as dbt reads them), and a small CSV reader of its own. Tests compare
 * plainmeta's `lint --format json` output with it, so a shared mistake cannot hide.
 */
import { parse as parseYaml } from 'yaml';

export interface IndependentCount {
  /** Undefined for files with no place for columns (a DCAT catalog). */
  columns?: { total: number; undocumented: number };
  lackingLicense: number;
  lackingFrequency: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const present = (v: unknown): boolean => {
  if (Array.isArray(v)) return v.some(present);
  if (isObj(v)) return Object.values(v).some(present);
  return text(v).trim() !== '';
};

/** Placeholders as a person reads them: TBD, N/A, TODO, "-", "none", "description" … */
const PLACEHOLDER = /^(tbd|tba|todo|n\/?a|none|null|nil|unknown|description|fixme|xxx|placeholder|tk|fill ?in|coming soon|-+|\?+|\.+)?$/i;
const bare = (s: string) => s.toLowerCase().replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[^a-z0-9]+/gi, ' ').trim();

/** A description that says nothing: missing, a placeholder, or only the column's name again. */
export function undocumented(description: unknown, names: unknown[]): boolean {
  const d = text(description).trim();
  if (PLACEHOLDER.test(d)) return true;
  return names.some((n) => text(n) !== '' && bare(text(n).replace(/([a-z])([A-Z])/g, '$1 $2')) === bare(d));
}

function countColumns(columns: Array<{ description: unknown; names: unknown[] }>): { total: number; undocumented: number } {
  return { total: columns.length, undocumented: columns.filter((c) => undocumented(c.description, c.names)).length };
}

/** dbt: models, seeds, snapshots and source tables, each with `columns[]`. */
function dbt(doc: Obj): IndependentCount {
  const tables = [...list(doc.models), ...list(doc.seeds), ...list(doc.snapshots), ...list(doc.sources).flatMap((s) => (isObj(s) ? list(s.tables) : []))];
  const columns = tables.flatMap((t) => (isObj(t) ? list(t.columns) : [])).filter(isObj);
  return { columns: countColumns(columns.map((c) => ({ description: c.description, names: [c.name] }))), lackingLicense: 0, lackingFrequency: 0 };
}

/** A Data Package: license in `licenses`/`license`, frequency in any of its usual homes. */
function dataPackage(doc: Obj): IndependentCount {
  const fields = list(doc.resources)
    .filter(isObj)
    .flatMap((r) => (isObj(r.schema) ? list(r.schema.fields) : []))
    .filter(isObj);
  const extras = isObj(doc.ckan_extras) && isObj(doc.ckan_extras.frequency) ? doc.ckan_extras.frequency.value : undefined;
  const frequency = [doc.update_frequency, doc.frequency, doc.accrualPeriodicity, extras].some(present);
  return {
    columns: countColumns(fields.map((f) => ({ description: f.description, names: [f.name, f.title] }))),
    lackingLicense: present(doc.licenses) || present(doc.license) ? 0 : 1,
    lackingFrequency: frequency ? 0 : 1,
  };
}

/** DCAT-US: every `dataset[]` record needs `license` and `accrualPeriodicity`. */
function dcat(doc: Obj): IndependentCount {
  const records = list(doc.dataset).filter(isObj);
  return {
    lackingLicense: records.filter((d) => !present(d.license)).length,
    lackingFrequency: records.filter((d) => !present(d.accrualPeriodicity)).length,
  };
}

/** Portal or plainmeta YAML: one dataset at the top level, columns under `columns`. */
function portal(doc: Obj): IndependentCount {
  const columns = list(doc.columns).filter(isObj);
  const licensed = ['license', 'license_id', 'license_title', 'licence'].some((k) => present(doc[k]));
  const frequency = ['update_frequency', 'publishing_frequency', 'accrualPeriodicity', 'frequency'].some((k) => present(doc[k]));
  const count: IndependentCount = { lackingLicense: licensed ? 0 : 1, lackingFrequency: frequency ? 0 : 1 };
  if ('columns' in doc) {
    count.columns = countColumns(columns.map((c) => ({ description: c.description ?? c.definition, names: [c.field_name, c.id, c.name, c.title, c.display_name, c.label] })));
  }
  return count;
}

/** RFC 4180 records: quoted cells may hold delimiters, doubled quotes and line breaks. */
export function csvRows(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = source.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** A CSV dictionary: the name is the first of the usual name headers, likewise the description. */
function csvDictionary(source: string): IndependentCount {
  const [header, ...rows] = csvRows(source);
  const find = (names: string[]) => {
    const keys = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
    for (const n of names) if (keys.includes(n)) return keys.indexOf(n);
    return -1;
  };
  const name = find(['field_name', 'column_name', 'variable_name', 'variable', 'column', 'field', 'name']);
  const description = find(['description', 'definition', 'field_definition', 'field_description']);
  const label = find(['title', 'label']);
  return {
    columns: countColumns(rows.map((r) => ({ description: r[description], names: [r[name], label >= 0 ? r[label] : ''] }))),
    lackingLicense: 0,
    lackingFrequency: 0,
  };
}

export type RealKind = 'dbt' | 'datapackage' | 'dcat-us' | 'portal' | 'csv-dictionary';

/** The independent count for a file whose kind a person identified by reading it. */
export function countIndependently(kind: RealKind, source: string): IndependentCount {
  if (kind === 'csv-dictionary') return csvDictionary(source);
  const doc: unknown = /^\s*[{[]/.test(source) ? JSON.parse(source) : parseYaml(source.replace(/^\uFEFF/, ''), { merge: true });
  if (!isObj(doc)) throw new Error('not an object');
  if (kind === 'dbt') return dbt(doc);
  if (kind === 'datapackage') return dataPackage(doc);
  if (kind === 'dcat-us') return dcat(doc);
  return portal(doc);
}
