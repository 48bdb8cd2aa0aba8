import { Concept, ParsedFile } from '../../model/dataset';
import { LineIndex } from '../../model/text';
import { FormatAdapter } from '../adapter';
import { anchorOf, FieldSpec, keyFor, readFields } from '../fields';
import { readJson } from '../json/read';
import { finish, READ_STEP_CHARS } from '../steps';
import { isArray, isObject } from '../tree';

/** Project Open Data (DCAT-US v1.1) dataset fields. */
const DATASET_FIELDS: FieldSpec<Concept> = {
  title: ['title'],
  description: ['description'],
  license: ['license'],
  update_frequency: ['accrualPeriodicity'],
  contact_email: ['contactPoint.hasEmail'],
  keywords: ['keyword'],
  publisher: ['publisher.name'],
  access_level: ['accessLevel'],
  source_link: ['landingPage'],
  temporal_coverage: ['temporal'],
  category: ['theme'],
};

const POD_SCHEMA = /"conformsTo"\s*:\s*"https?:\/\/project-open-data\.cio\.gov\/v1\.1\/schema\/?"/;
const DATASET_ARRAY = /"dataset"\s*:\s*\[/;
const DCAT_RECORD = /"@type"\s*:\s*"dcat:Dataset"|"accessLevel"\s*:|"accrualPeriodicity"\s*:|"contactPoint"\s*:/;

/**
 * A DCAT-US catalog (`data.json`): detected by content in any `.json` file, since agencies
 * publish them under many names. Each entry of `dataset` is a dataset with its own findings.
 */
export const dcatCatalog: FormatAdapter = {
  kind: 'dcat-us',
  label: 'DCAT-US catalog (data.json)',
  fileNames: [/\.json$/i],
  claims: (text) => POD_SCHEMA.test(text) || (DATASET_ARRAY.test(text) && DCAT_RECORD.test(text)),
  defaultProfile: 'dcat-us',
  parse: (text) => finish(parseCatalog(text)),
  parseInSteps: parseCatalog,
};

/**
 * Reads the catalog in steps: the JSON is scanned whole in the first (about a third of the read,
 * 40 ms of 120 ms for 10 MB), then the datasets' fields are read, pausing every READ_STEP_CHARS
 * of them. JSON that is not strict (comments, trailing commas) is parsed whole by jsonc-parser in
 * that first step.
 */
function* parseCatalog(text: string): Generator<number, ParsedFile> {
  const lines = new LineIndex(text);
  const { root, comments, problems } = readJson(text, lines);
  const file: ParsedFile = { kind: 'dcat-us', text, lines, datasets: [], comments, problems };
  if (!isObject(root)) {
    if (root) problems.push({ message: 'A data.json catalog is an object with a "dataset" list.', span: root.span, severity: 'error' });
    return file;
  }
  const list = root.get('dataset');
  if (!list || !isArray(list.value)) {
    problems.push({ message: 'This catalog has no "dataset" list; there is nothing to check.', span: list?.keySpan ?? anchorOf(root), severity: 'warning' });
    return file;
  }
  let pausedAt = 0;
  for (const item of list.value.items) {
    if (isObject(item)) {
      file.datasets.push({
        fields: readFields(item, DATASET_FIELDS),
        describesDataset: true,
        anchor: anchorOf(item, ['title', 'identifier']),
        insertField: (concept, value) => item.insert(keyFor(DATASET_FIELDS, concept), value),
      });
    } else {
      problems.push({ message: 'Each entry of "dataset" should be an object describing one dataset.', span: item.span, severity: 'warning' });
    }
    if (item.span.end - pausedAt >= READ_STEP_CHARS) yield (pausedAt = item.span.end);
  }
  return file;
}
