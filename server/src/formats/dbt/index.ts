import { ColumnConcept, Dataset, ParsedFile, ReadProblem } from '../../model/dataset';
import { LineIndex } from '../../model/text';
import { FormatAdapter } from '../adapter';
import { anchorOf, appendColumn, FieldSpec, readColumns, readFields } from '../fields';
import { isArray, isObject, TreeObject } from '../tree';
import { parseYamlTree } from '../yaml/tree';

const COLUMNS: FieldSpec<ColumnConcept> = { name: ['name'], description: ['description'], type: ['data_type'] };

const COLUMN_MESSAGES = {
  notList: '"columns" should be a list, one "- name: …" entry per column.',
  notObject: 'Each column should be a mapping with at least "name" and "description".',
};

/** The top-level lists of a dbt property file that describe tables, and what each entry is called. */
const SECTIONS: Array<{ key: string; what: string }> = [
  { key: 'models', what: 'model' },
  { key: 'sources', what: 'source' },
  { key: 'seeds', what: 'seed' },
  { key: 'snapshots', what: 'snapshot' },
];

/** Every top-level key a dbt property file may have (dbt 1.x resource properties). */
const DBT_TOP_LEVEL = new Set(['version', 'models', 'sources', 'seeds', 'snapshots', 'analyses', 'macros', 'exposures', 'metrics', 'semantic_models', 'saved_queries', 'unit_tests', 'data_tests', 'groups', 'functions']);

/** Keys only dbt puts inside a model, seed, snapshot or source table. */
const DBT_ONLY_KEY = /^[ \t]+(-[ \t]+)?(columns|tables|data_tests|loaded_at_field|freshness|latest_version|materialized)[ \t]*:/m;

const SECTION_LIST = /^(models|sources|seeds|snapshots)[ \t]*:[ \t]*(#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*-[ \t]+name[ \t]*:/m;

/**
 * Whether a YAML text is a dbt property file. `version: 2` was required before dbt 1.5 and
 * many projects still write it; newer files often omit it (dbt-labs' own jaffle-shop does), so
 * a `models:`/`sources:`/`seeds:`/`snapshots:` list of `- name:` entries also counts when
 * every top-level key is one dbt knows, or when an entry has a key only dbt uses. Other YAML
 * with a `models:` list (LLM provider configs, effect-pedal presets) has neither.
 */
export function isDbtProperties(text: string): boolean {
  if (!/^(models|sources|seeds|snapshots)[ \t]*:/m.test(text)) return false;
  if (/^version[ \t]*:[ \t]*["']?2["']?[ \t]*(#.*)?$/m.test(text)) return true;
  if (!SECTION_LIST.test(text)) return false;
  const topLevel = [...text.matchAll(/^([A-Za-z_][\w-]*)[ \t]*:/gm)].map((m) => m[1]);
  return topLevel.every((key) => DBT_TOP_LEVEL.has(key)) || DBT_ONLY_KEY.test(text);
}

/**
 * dbt property files (`schema.yml`, `_models.yml`, …), recognised by content (see
 * isDbtProperties). Models, source tables, seeds and snapshots are tables inside a warehouse,
 * not published datasets, so dataset-level requirements (license, update frequency) do not
 * apply to them; their descriptions and columns are checked like any other.
 */
export const dbtProperties: FormatAdapter = {
  kind: 'dbt',
  label: 'dbt properties',
  fileNames: [/\.ya?ml$/i],
  claims: isDbtProperties,
  parse: parseDbt,
};

function parseDbt(text: string): ParsedFile {
  const lines = new LineIndex(text);
  const { root, comments, problems } = parseYamlTree(text, lines);
  const file: ParsedFile = { kind: 'dbt', text, lines, datasets: [], comments, problems };
  if (!isObject(root)) return file;
  for (const { key, what } of SECTIONS) {
    const list = root.get(key)?.value;
    if (list === undefined || (list.type === 'scalar' && list.value === null)) continue;
    if (!isArray(list)) {
      problems.push({ message: `"${key}" should be a list, one "- name: …" entry per ${what}.`, span: list.span, severity: 'error' });
      continue;
    }
    for (const item of list.items) {
      if (!isObject(item)) {
        problems.push({ message: `Each entry of "${key}" should be a mapping with at least "name".`, span: item.span, severity: 'warning' });
        continue;
      }
      if (key === 'sources') {
        // A source groups tables; its own description is prose, its tables hold the columns.
        file.datasets.push(table(item, problems, false));
        const tables = item.get('tables')?.value;
        if (isArray(tables)) for (const t of tables.items) if (isObject(t)) file.datasets.push(table(t, problems, true));
      } else {
        file.datasets.push(table(item, problems, true));
      }
    }
  }
  return file;
}

function table(item: TreeObject, problems: ReadProblem[], hasColumns: boolean): Dataset {
  const list = item.get('columns')?.value;
  return {
    fields: readFields(item, { description: ['description'] }),
    columns: hasColumns ? readColumns(list, COLUMNS, problems, COLUMN_MESSAGES) : undefined,
    describesDataset: false,
    anchor: anchorOf(item, ['name']),
    insertField: (concept, value) => item.insert(concept, value, 'columns'),
    insertColumn: (name, description) => appendColumn(list, name, description),
  };
}
