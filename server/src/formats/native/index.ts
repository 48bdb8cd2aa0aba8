import { isMap, isSeq, YAMLMap } from 'yaml';
import { Column, ColumnConcept, Concept, DATASET_CONCEPTS, Dataset, ParsedFile, ReadProblem } from '../../model/dataset';
import { LineIndex, Span } from '../../model/text';
import { FormatAdapter } from '../adapter';
import { fieldValueOfPair, insertPair, keyOf, parseYaml, spanOf, yamlScalarText } from '../yaml/document';

const CONCEPTS = new Set<string>(DATASET_CONCEPTS);
const COLUMN_CONCEPTS = new Set<string>(['name', 'title', 'description', 'type']);

/** plainmeta's own dataset metadata YAML: one dataset, keys named as in the CT portal schema. */
export const nativeMetadata: FormatAdapter = {
  kind: 'metadata',
  label: 'plainmeta dataset metadata',
  fileNames: [/(^|[./\\])metadata\.ya?ml$/i],
  parse: (text) => parseNative(text, 'metadata'),
};

/** plainmeta's own data dictionary YAML: a list of columns, optionally with a title and description. */
export const nativeDictionary: FormatAdapter = {
  kind: 'dictionary',
  label: 'plainmeta data dictionary',
  fileNames: [/(^|[./\\])(data-)?dictionary\.ya?ml$/i],
  parse: (text) => parseNative(text, 'dictionary'),
};

function parseNative(text: string, kind: 'metadata' | 'dictionary'): ParsedFile {
  const lines = new LineIndex(text);
  const { doc, comments, problems } = parseYaml(text);
  const file: ParsedFile = { kind, text, lines, datasets: [], comments, problems };
  if (!doc) return file; // unreadable (nested too deep); the problem says why
  const contents = doc.contents;
  if (contents == null) {
    file.datasets.push(emptyDataset(kind, lines));
    return file;
  }
  if (!isMap(contents)) {
    const what = isSeq(contents) ? 'a list' : 'a single value';
    problems.push({
      message: `Expected the ${kind === 'metadata' ? 'dataset' : 'dictionary'}'s fields as "key: value" lines at the top level, but the file holds ${what}.`,
      span: spanOf(contents, { start: 0, end: 0 }),
      severity: 'error',
    });
    return file;
  }
  file.datasets.push(readDataset(text, lines, contents, kind, problems));
  return file;
}

function emptyDataset(kind: string, lines: LineIndex): Dataset {
  return {
    fields: {},
    columns: kind === 'dictionary' ? [] : undefined,
    describesDataset: kind === 'metadata',
    anchor: { start: 0, end: 0 },
    insertField: (concept, value) => ({ start: 0, end: 0, newText: `${concept}: ${yamlScalarText(value)}${lines.eol}` }),
  };
}

function readDataset(text: string, lines: LineIndex, map: YAMLMap, kind: string, problems: ReadProblem[]): Dataset {
  const fields: Dataset['fields'] = {};
  let columns: Column[] | undefined;
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (key === 'columns') {
      columns = readColumns(text, lines, pair.value, problems, spanOf(pair.key as never, { start: 0, end: 0 }));
    } else if (key && CONCEPTS.has(key)) {
      const field = fieldValueOfPair(text, pair);
      if (field) fields[key as Concept] = field;
    }
  }
  if (kind === 'dictionary' && !columns) {
    problems.push({
      message: 'A data dictionary lists its columns under "columns:", and this file has none.',
      span: spanOf(map.items[0]?.key as never, { start: 0, end: 0 }),
      severity: 'warning',
    });
  }
  return {
    fields,
    columns,
    describesDataset: kind === 'metadata',
    anchor: spanOf(map.items[0]?.key as never, { start: 0, end: 0 }),
    insertField: (concept, value) => insertPair(text, lines, map, concept, value, 'columns'),
  };
}

function readColumns(text: string, lines: LineIndex, node: unknown, problems: ReadProblem[], keySpan: Span): Column[] {
  if (node == null) return [];
  if (!isSeq(node)) {
    problems.push({ message: '"columns" should be a list, one "- name: …" entry per column.', span: spanOf(node as never, keySpan), severity: 'error' });
    return [];
  }
  const columns: Column[] = [];
  for (const item of node.items) {
    if (!isMap(item)) {
      problems.push({ message: 'Each column should be a mapping with at least "name" and "description".', span: spanOf(item as never, keySpan), severity: 'warning' });
      continue;
    }
    const fields: Column['fields'] = {};
    for (const pair of item.items) {
      const key = keyOf(pair);
      if (key && COLUMN_CONCEPTS.has(key)) {
        const field = fieldValueOfPair(text, pair);
        if (field) fields[key as ColumnConcept] = field;
      }
    }
    columns.push({
      fields,
      span: spanOf(item, keySpan),
      insertField: (key, value) => insertPair(text, lines, item, key, value),
    });
  }
  return columns;
}
