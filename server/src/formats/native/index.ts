import { ColumnConcept, Concept, DATASET_CONCEPTS, Dataset, ParsedFile, ReadProblem } from '../../model/dataset';
import { LineIndex } from '../../model/text';
import { FormatAdapter } from '../adapter';
import { anchorOf, columnNode, FieldSpec, insertOf, readColumns, readFields } from '../fields';
import { Inserter, isArray, isObject, TreeNode, TreeObject } from '../tree';
import { yamlScalarText } from '../yaml/document';
import { finish } from '../steps';
import { parseYamlTreeInSteps } from '../yaml/tree';
import { columnUpdater } from './update';

/**
 * Dataset keys: plainmeta's own names first, then the aliases portals use. The first one
 * present wins, so a file with both `description` and `notes` is read by `description`.
 */
export const DATASET_ALIASES: FieldSpec<Concept> = {
  ...Object.fromEntries(DATASET_CONCEPTS.map((c) => [c, [c]])),
  title: ['title', 'display_name', 'name'],
  description: ['description', 'notes'],
  update_frequency: ['update_frequency', 'publishing_frequency', 'accrualPeriodicity', 'frequency', 'ckan_extras.frequency.value'],
  row_label: ['row_label', 'each_row_is_a', 'rowLabel'],
  contact_email: ['contact_email', 'maintainer_email', 'author_email', 'contactPoint.hasEmail'],
  keywords: ['keywords', 'keyword', 'tags'],
  license: ['license', 'license_id', 'license_title', 'licence'],
  access_level: ['access_level', 'accessLevel'],
  publisher: ['publisher', 'publisher.name', 'organization'],
  source_link: ['source_link', 'landingPage', 'homepage'],
  temporal_coverage: ['temporal_coverage', 'temporal'],
};

/** Column keys: `id`/`field_name` is the name when present, and `name` is then the title. */
export const COLUMN_ALIASES: FieldSpec<ColumnConcept> = {
  name: ['field_name', 'fieldName', 'id', 'name'],
  title: ['title', 'display_name', 'label', 'name'],
  description: ['description', 'definition'],
  type: ['type', 'data_type', 'dataTypeName'],
};

/** plainmeta's own dataset metadata YAML: one dataset, keys named as in the CT portal schema. */
export const nativeMetadata: FormatAdapter = {
  kind: 'metadata',
  label: 'plainmeta dataset metadata',
  fileNames: [/(^|[./\\])metadata\.ya?ml$/i],
  parse: (text) => finish(parseNative(text, 'metadata')),
  parseInSteps: (text) => parseNative(text, 'metadata'),
};

/** plainmeta's own data dictionary YAML: a list of columns, optionally with a title and description. */
export const nativeDictionary: FormatAdapter = {
  kind: 'dictionary',
  label: 'plainmeta data dictionary',
  fileNames: [/(^|[./\\])(data-)?dictionary\.ya?ml$/i],
  parse: (text) => finish(parseNative(text, 'dictionary')),
  parseInSteps: (text) => parseNative(text, 'dictionary'),
};

/**
 * Keys only portal metadata uses, for recognising portal YAML by content; none of them appears
 * in CI configs, compose files, Kubernetes manifests or dbt properties.
 */
const PORTAL_KEYS = ['display_name', 'each_row_is_a', 'publishing_frequency', 'attribution', 'maintainer_email', 'notes', 'update_frequency', 'row_label', 'contact_email', 'accrualPeriodicity', 'license_id', 'data_file'];

/**
 * Dataset YAML from a data portal (Socrata- or CKAN-style names), read through the aliases. Any
 * `.yaml`/`.yml` whose top level holds at least two portal-only keys, or a file matched by
 * `files.portal` in `.plainmeta.yaml`.
 */
export const portalMetadata: FormatAdapter = {
  kind: 'portal',
  label: 'portal dataset metadata',
  fileNames: [/\.ya?ml$/i],
  claims(text) {
    let found = 0;
    for (const key of PORTAL_KEYS) if (new RegExp(`^${key}[ \\t]*:`, 'm').test(text) && ++found >= 2) return true;
    return false;
  },
  parse: (text) => finish(parseNative(text, 'portal')),
  parseInSteps: (text) => parseNative(text, 'portal'),
};

/** Reads the file in steps (see parseYamlTreeInSteps); what follows the tree is one more step, of a few milliseconds for 10 MB. */
function* parseNative(text: string, kind: 'metadata' | 'dictionary' | 'portal'): Generator<number, ParsedFile> {
  const lines = new LineIndex(text);
  // Each column entry is read into its column as soon as the reader has it (see ItemReader).
  const items = { key: 'columns', read: (item: TreeNode) => (isObject(item) ? columnNode(item, COLUMN_ALIASES) : item) };
  const { root, comments, problems, followsAliases } = yield* parseYamlTreeInSteps(text, lines, items);
  const file: ParsedFile = { kind, text, lines, datasets: [], comments, problems };
  // No document at all but a problem: the file could not be read, so there is nothing to check.
  if (root === undefined && problems.length > 0) return file;
  if (root === undefined || (root.type === 'scalar' && root.value === null)) {
    file.datasets.push(emptyDataset(kind, lines));
    return file;
  }
  if (!isObject(root)) {
    const what = root.type === 'array' ? 'a list' : 'a single value';
    problems.push({
      message: `Expected the ${kind === 'dictionary' ? 'dictionary' : 'dataset'}'s fields as "key: value" lines at the top level, but the file holds ${what}.`,
      span: root.span,
      severity: 'error',
    });
    return file;
  }
  file.datasets.push(readDataset(root, kind, problems));
  // Through an alias one entry's text is read in several places; only a whole re-read sees them all.
  if (followsAliases) return file;
  const update = columnUpdater(COLUMN_ALIASES);
  file.update = (t, change) => update(file, t, change);
  return file;
}

function emptyDataset(kind: string, lines: LineIndex): Dataset {
  return {
    fields: {},
    columns: kind === 'dictionary' ? [] : undefined,
    describesDataset: kind !== 'dictionary',
    anchor: { start: 0, end: 0 },
    insertField: (concept, value) => ({ start: 0, end: 0, newText: `${concept}: ${yamlScalarText(value)}${lines.eol}` }),
  };
}

const COLUMN_MESSAGES = {
  notList: '"columns" should be a list, one "- name: …" entry per column.',
  notObject: 'Each column should be a mapping with at least "name" and "description".',
};

function readDataset(root: TreeObject, kind: string, problems: ReadProblem[]): Dataset {
  const columnsEntry = root.get('columns');
  const anchor = anchorOf(root);
  const columns = columnsEntry ? readColumns(columnsEntry.value, COLUMN_ALIASES, problems, COLUMN_MESSAGES) : undefined;
  if (kind === 'dictionary' && !columnsEntry) {
    problems.push({ message: 'A data dictionary lists its columns under "columns:", and this file has none.', span: anchor, severity: 'warning' });
  }
  return {
    fields: readFields(root, DATASET_ALIASES),
    columns,
    describesDataset: kind !== 'dictionary',
    anchor,
    insertField: datasetInserter(insertOf(root)),
    insertColumn: columnAppender(columnsEntry?.value),
  };
}

// The dataset keeps these two functions and not the tree they came from (see insertOf).

function datasetInserter(inserter: Inserter): Dataset['insertField'] {
  return (concept, value) => inserter.insert(concept, value, 'columns');
}

function columnAppender(list: TreeNode | undefined): NonNullable<Dataset['insertColumn']> {
  // A YAML list's append uses offsets only, so it is kept without its list.
  const append = list && isArray(list) ? list.append : undefined;
  return (name, description) => append?.({ name, description });
}
