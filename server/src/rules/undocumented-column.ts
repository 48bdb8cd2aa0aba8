import { Column } from '../model/dataset';
import { ProjectFiles } from '../model/project';
import { COLUMN_STEP, columnCount, FindingInput, Fix, Pauses, Rule } from './rule';
import { memoizeString } from './string-memo';

export type UndocumentedReason = 'missing' | 'placeholder' | 'repeats-name';

/** Descriptions that stand for "not written yet", compared without case or punctuation. */
const PLACEHOLDERS = new Set(['', 'tbd', 'tba', 'todo', 'na', 'none', 'null', 'nil', 'unknown', 'description', 'fixme', 'xxx', 'placeholder', 'tk', 'fillin', 'comingsoon']);

/** The most letters and digits a placeholder has ("comingsoon"). */
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/**
 * How many letters and digits `s` has, counting no further than `limit + 1`: enough to tell that
 * a long description is no placeholder and does not repeat a name, without keeping or building
 * anything for it (a memo of every description would hold a copy of them all).
 */
function lettersUpTo(s: string, limit: number): number {
  LETTER_OR_DIGIT.lastIndex = 0;
  let count = 0;
  while (count <= limit && LETTER_OR_DIGIT.test(s)) count++;
  return count;
}

function isPlaceholder(s: string): boolean {
  return lettersUpTo(s, LONGEST_PLACEHOLDER) <= LONGEST_PLACEHOLDER && PLACEHOLDERS.has(s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * The words of a text, lower case, with punctuation as a word break: "Age group" repeats
 * `age_group`, but "ISO 4217 currency name" says more than `ISO4217-currency_name` (it splits
 * the code from the standard's number).
 */
const words = memoizeString((s: string) =>
  s
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2') // camelCase: `TownName` is "town name"
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' '),
);

/**
 * Why a column counts as undocumented, or undefined when it is documented. The coverage counts
 * use this too, so the rule and `columns.documented` always agree.
 */
export function columnProblem(column: Column, project?: ProjectFiles): UndocumentedReason | undefined {
  const description = column.fields.description;
  if (!description || description.value === null) return 'missing';
  const resolved = resolveDocReference(description.value, project);
  if (isPlaceholder(resolved)) return description.value.trim() === '' ? 'missing' : 'placeholder';
  const names = [column.fields.name?.value, column.fields.title?.value].filter((n): n is string => !!n).map(words);
  // The words of a description that repeats a name have no more letters and digits than the name's.
  const most = Math.max(0, ...names.map((n) => n.length));
  if (lettersUpTo(resolved, most) <= most && names.includes(words(resolved))) return 'repeats-name';
  return undefined;
}

/** A description that is only `{{ doc("name") }}` (dbt), with its quotes and spaces. */
const DOC_REFERENCE = /^\s*\{\{\s*doc\(\s*(["'])([^"']+)\1\s*\)\s*\}\}\s*$/;

/**
 * The text a dbt `{{ doc("name") }}` description stands for, when the project has that doc
 * block; otherwise the description as written, which counts as documented (the block may live
 * in a package or a folder the reader cannot see).
 */
function resolveDocReference(description: string, project?: ProjectFiles): string {
  const m = DOC_REFERENCE.exec(description);
  if (!m || !project?.docBlock) return description;
  return project.docBlock(m[2]) ?? description;
}

export const undocumentedColumn: Rule = {
  meta: {
    id: 'undocumented-column',
    description: 'A column with no description, a placeholder, or a description that only repeats its name.',
    defaultSeverity: 'warning',
    reads: ['columns[].name', 'columns[].title', 'columns[].description'],
    fixable: true,
    scope: 'field',
    tags: ['completeness', 'columns'],
    messages: {
      missing: 'Column "{{column}}" has no description; say what it measures.',
      placeholder: 'Column "{{column}}" has a placeholder description ("{{description}}"); say what it measures.',
      'repeats-name': 'The description of column "{{column}}" only repeats its name; say what it measures.',
    },
    rationale: {
      quote: 'For column metadata, make sure to describe what each column measures. Do not just copy and paste your column names into the description field.',
      source: 'Connecticut Open Data Publication Guidelines, Step 4',
    },
  },
  *check({ file, project, report }) {
    const pauses = new Pauses(columnCount(file), COLUMN_STEP);
    let checked = 0;
    for (const dataset of file.datasets) {
      for (const column of dataset.columns ?? []) {
        const reason = columnProblem(column, project);
        if (reason) report(findingFor(column, reason));
        const share = pauses.after(checked++, 1);
        if (share !== undefined) yield share;
      }
    }
  },
};

/** The finding for a column that is not documented, with a stub description to fill in. */
function findingFor(column: Column, reason: UndocumentedReason): FindingInput {
  const name = column.fields.name?.value ?? column.fields.title?.value ?? '(unnamed)';
  const description = column.fields.description;
  const stub = `Describe what ${humanize(name)} measures, in plain words.`;
  const edit = description ? description.replaceValue(stub) : column.insertField('description', stub);
  // A stub to fill in, not a description: a person must write the real one.
  const fixes: Fix[] = edit ? [{ title: 'Add a description to fill in', edits: [edit], safe: false }] : [];
  return {
    span: description && reason !== 'missing' ? description.valueSpan : column.fields.name?.valueSpan ?? column.span,
    messageId: reason,
    data: reason === 'placeholder' ? { column: name, reason, description: description?.value ?? '' } : { column: name, reason },
    fixes,
  };
}

function humanize(name: string): string {
  return `"${name.replace(/[_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim()}"`;
}
