import licenses from '../../data/licenses.json';
import { ColumnConcept, Concept, DATASET_CONCEPTS, Dataset, FieldValue, ParsedFile, ReadProblem } from '../../model/dataset';
import { LineIndex } from '../../model/text';
import { understandsLicense } from '../../rules/vocabulary';
import { FormatAdapter } from '../adapter';
import { anchorOf, appendColumn, FieldSpec, keyFor, readColumns, readFields } from '../fields';
import { readJson } from '../json/read';
import { derivedField, isArray, isObject, nodeAt, ParsedTree, scalarText, TreeEntry, TreeObject } from '../tree';
import { parseYamlTree } from '../yaml/tree';

/**
 * Package keys per concept. `ckan_extras.*.value` is where the CT Data Collaborative's packages
 * keep the update frequency and the long description; `update_frequency` is what plainmeta
 * writes when it adds one (the Data Package standard names no such field).
 */
const PACKAGE_FIELDS: FieldSpec<Concept> = {
  title: ['title'],
  description: ['description'],
  full_description: ['ckan_extras.full_description.value'],
  keywords: ['keywords'],
  source_link: ['homepage'],
  update_frequency: ['update_frequency', 'frequency', 'accrualPeriodicity', 'publishing_frequency', 'ckan_extras.frequency.value'],
  contact_email: ['contact_email'],
};

const RESOURCE_FIELDS: FieldSpec<Concept> = {
  title: ['title'],
  description: ['description'],
  data_file: ['path'],
};

/** Table Schema field descriptors. */
export const FIELD_COLUMNS: FieldSpec<ColumnConcept> = {
  name: ['name'],
  title: ['title'],
  description: ['description'],
  type: ['type'],
};

const FIELD_MESSAGES = {
  notList: '"fields" should be a list of field descriptors, one per column.',
  notObject: 'Each field descriptor should be an object with at least "name" and "description".',
};

/** JSON when the text starts with "{" (after blanks), otherwise YAML; Data Packages come in both. */
function parseTree(text: string, lines: LineIndex): ParsedTree {
  return /^\s*[{[]/.test(text) ? readJson(text, lines) : parseYamlTree(text, lines);
}

export const dataPackage: FormatAdapter = {
  kind: 'datapackage',
  label: 'Frictionless Data Package',
  fileNames: [/(^|[/\\])datapackage\.(json|ya?ml)$/i],
  defaultProfile: 'frictionless',
  parse: parseDataPackage,
};

export const tableSchema: FormatAdapter = {
  kind: 'table-schema',
  label: 'Frictionless Table Schema',
  fileNames: [/\.schema\.json$/i],
  claims: (text) => /"fields"\s*:\s*\[/.test(text),
  defaultProfile: 'frictionless',
  parse: parseTableSchema,
};

function start(text: string, kind: string): { file: ParsedFile; root: TreeObject | undefined } {
  const lines = new LineIndex(text);
  const { root, comments, problems } = parseTree(text, lines);
  const file: ParsedFile = { kind, text, lines, datasets: [], comments, problems };
  if (root === undefined) {
    problems.push({ message: `This ${kind === 'datapackage' ? 'Data Package' : 'Table Schema'} is empty; there is nothing to check.`, span: { start: 0, end: 0 }, severity: 'warning' });
    return { file, root: undefined };
  }
  if (!isObject(root)) {
    problems.push({ message: `A ${kind === 'datapackage' ? 'Data Package' : 'Table Schema'} is an object of properties, but this file holds ${root.type === 'array' ? 'a list' : 'a single value'}.`, span: root.span, severity: 'error' });
    return { file, root: undefined };
  }
  return { file, root };
}

function parseDataPackage(text: string): ParsedFile {
  const { file, root } = start(text, 'datapackage');
  if (!root) return file;
  // A concept the standard has no key for is inserted under its own name (keyFor), so it is read
  // back from there too; otherwise a fix adding it would leave its finding in place.
  const ownNames = Object.fromEntries(DATASET_CONCEPTS.filter((c) => !PACKAGE_FIELDS[c] && c !== 'license').map((c) => [c, [c]]));
  const fields = readFields(root, { ...ownNames, ...PACKAGE_FIELDS });
  const license = licenseField(root);
  if (license) fields.license = license;
  const contact = contactField(root);
  if (contact && !fields.contact_email) fields.contact_email = contact;
  file.datasets.push({
    fields,
    describesDataset: true,
    anchor: anchorOf(root, ['name', 'title']),
    insertField: (concept, value) =>
      concept === 'license' ? root.insert('licenses', [licenseDescriptor(value)], 'resources') : root.insert(keyFor(PACKAGE_FIELDS, concept), value, 'resources'),
  });
  const resources = root.get('resources')?.value;
  if (resources && !isArray(resources)) {
    file.problems.push({ message: '"resources" should be a list of data resources.', span: resources.span, severity: 'error' });
  } else if (resources) {
    for (const resource of resources.items) {
      if (!isObject(resource)) {
        file.problems.push({ message: 'Each resource should be an object with at least "path" and "schema".', span: resource.span, severity: 'warning' });
        continue;
      }
      file.datasets.push(resourceDataset(resource, file.problems));
    }
  }
  return file;
}

/** A resource: its own title and description, its data file, and its schema's fields as columns. */
function resourceDataset(resource: TreeObject, problems: ReadProblem[]): Dataset {
  const fields = readFields(resource, RESOURCE_FIELDS);
  // `path` may be a list of chunks of one table; the header is in the first.
  const path = resource.get('path');
  if (path && isArray(path.value)) {
    const first = path.value.items[0];
    if (first?.type === 'scalar' && typeof first.value === 'string') fields.data_file = { ...derivedField(path, first.value), valueSpan: first.span };
  }
  const schema = nodeAt(resource, 'schema');
  const list = nodeAt(schema, 'fields');
  // A schema given by path or URL lives in another file: no columns to read here.
  const columns = isObject(schema) ? readColumns(list, FIELD_COLUMNS, problems, FIELD_MESSAGES) : undefined;
  return {
    fields,
    columns,
    // The package carries the license and update frequency; a resource is part of it.
    describesDataset: false,
    anchor: anchorOf(resource, ['name', 'path']),
    insertField: (concept, value) => resource.insert(keyFor(RESOURCE_FIELDS, concept), value),
    insertColumn: (name, description) => appendColumn(list, name, description),
  };
}

function parseTableSchema(text: string): ParsedFile {
  const { file, root } = start(text, 'table-schema');
  if (!root) return file;
  const list = root.get('fields')?.value;
  file.datasets.push({
    fields: readFields(root, { title: ['title'], description: ['description'] }),
    columns: readColumns(list, FIELD_COLUMNS, file.problems, FIELD_MESSAGES),
    describesDataset: false,
    anchor: anchorOf(root, ['fields']),
    insertField: (concept, value) => root.insert(concept, value, 'fields'),
    insertColumn: (name, description) => appendColumn(list, name, description),
  });
  return file;
}

/** The identifiers one license entry gives, in the order a person would read them. */
function licenseIdentifiers(node: TreeObject): string[] {
  return ['name', 'id', 'title', 'path', 'url', 'type'].map((k) => scalarText(node.get(k)?.value)).filter((v): v is string => !!v && v.trim() !== '');
}

/**
 * `licenses: [{name|id|title|path|url}]` (v1, and the legacy `id: odc-pddl` shape) or the older
 * `license: "ODC-PDDL-1.0"` / `license: {type, url}`. An entry counts as a license when it gives
 * any identifier; the value is the first one plainmeta understands, else the first given.
 */
function licenseField(root: TreeObject): FieldValue | undefined {
  const entry: TreeEntry | undefined = root.get('licenses') ?? root.get('license');
  if (!entry) return undefined;
  const value = entry.value;
  if (value?.type === 'scalar') return entry.field();
  const objects = isArray(value) ? value.items.filter(isObject) : isObject(value) ? [value] : [];
  const strings = isArray(value) ? value.items.map((i) => scalarText(i)).filter((s): s is string => !!s) : [];
  const identifiers = [...objects.flatMap(licenseIdentifiers), ...strings];
  const chosen = identifiers.find(understandsLicense) ?? identifiers[0] ?? null;
  return derivedField(entry, chosen);
}

/** The first email of the package's contributors (v1), maintainers or authors (older shapes). */
function contactField(root: TreeObject): FieldValue | undefined {
  for (const key of ['contributors', 'maintainers', 'maintainer', 'author', 'publisher']) {
    const entry = root.get(key);
    const people = isArray(entry?.value) ? entry!.value.items : entry?.value ? [entry.value] : [];
    for (const person of people) {
      const email = isObject(person) ? person.get('email') : undefined;
      if (email && scalarText(email.value)) return email.field();
    }
  }
  return undefined;
}

/** A `licenses` entry for a license id: name, and the path and title when plainmeta knows them. */
function licenseDescriptor(id: string): { [key: string]: string } {
  const known = licenses.licenses.find((l) => l.frictionless === id);
  const descriptor: { [key: string]: string } = { name: id };
  if (known?.dcat) descriptor.path = known.dcat;
  if (known) descriptor.title = known.title;
  return descriptor;
}
