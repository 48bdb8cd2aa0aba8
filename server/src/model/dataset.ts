import { ProseText } from './prose';
import { LineIndex, Span, TextEdit } from './text';

/** The format-free names of dataset fields. Adapters map each format's keys onto these. */
export const DATASET_CONCEPTS = [
  'title',
  'description',
  /** A longer description some portals keep beside the short one (CKAN's "Full Description"). */
  'full_description',
  'category',
  'agency',
  'publisher',
  'attribution',
  'contact_email',
  'keywords',
  'row_label',
  'source_link',
  'geographic_unit',
  'temporal_coverage',
  'update_frequency',
  'license',
  'access_level',
  'collection_method',
  'limitations',
  'data_file',
] as const;
export type Concept = (typeof DATASET_CONCEPTS)[number];

/** Dataset fields a reader sees as sentences; the only ones prose rules read. */
export const PROSE_CONCEPTS: readonly Concept[] = ['title', 'description', 'full_description', 'row_label', 'collection_method', 'limitations'];

export type ColumnConcept = 'name' | 'title' | 'description' | 'type';
export const PROSE_COLUMN_CONCEPTS: readonly ColumnConcept[] = ['title', 'description'];

/** One value in the file: a scalar, or a list whose items are scalars. */
export interface FieldValue {
  /** The key as written in the file (`update_frequency`, `accrualPeriodicity`, …). */
  key: string;
  keySpan: Span;
  /** The whole value in the source; empty at the end of the key when the value is missing. */
  valueSpan: Span;
  /** The decoded value as text; lists are joined with ", ". Null when the value is absent or not text. */
  value: string | null;
  /** Present when the value is a single string: its decoded text with the map back to the source. */
  prose?: ProseText;
  /** Replace the whole value, keeping the file valid. */
  replaceValue(newValue: string): TextEdit | undefined;
}

export interface Column {
  fields: Partial<Record<ColumnConcept, FieldValue>>;
  /** The whole entry, for findings about the column itself. */
  span: Span;
  /** Insert a field into this column's entry, or undefined when the format cannot do it safely. */
  insertField(key: ColumnConcept, value: string): TextEdit | undefined;
}

/** A dataset as the rules see it, whatever file it came from. */
export interface Dataset {
  fields: Partial<Record<Concept, FieldValue>>;
  /** Undefined when the format has no place for columns; [] when it has one but it is empty. */
  columns?: Column[];
  /** Whether dataset-level requirements (license, update frequency, …) apply to this entry. */
  describesDataset: boolean;
  /** Where findings about the dataset as a whole are shown: the key or brace that opens it. */
  anchor: Span;
  /** Insert a missing dataset field, or undefined when the format cannot do it safely. */
  insertField(concept: Concept, value: string): TextEdit | undefined;
  /**
   * Add an entry for a column to this dataset's column list (`missing-column`'s fix), or
   * undefined when the format has no list to add to or cannot do it safely.
   */
  insertColumn?(name: string, description: string): TextEdit | undefined;
}

/** A comment in the file, for `plainmeta-disable` directives. */
export interface Comment {
  text: string;
  span: Span;
}

/** A problem reading the file itself: invalid syntax, bad encoding, an unexpected shape. */
export interface ReadProblem {
  message: string;
  span: Span;
  severity: 'error' | 'warning' | 'info';
}

/** One edit between two versions of a text: [start, oldEnd) of the old text is [start, newEnd) of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export interface ParsedFile {
  kind: string;
  text: string;
  lines: LineIndex;
  datasets: Dataset[];
  comments: Comment[];
  problems: ReadProblem[];
  /**
   * Reads `text` (this file's text after `change`) by re-parsing only the part the change touched,
   * giving what parsing all of `text` would give. Undefined when that is not safe; then the caller
   * parses the whole text. Absent for formats that do not read incrementally.
   */
  update?(text: string, change: TextChange): ParsedFile | undefined;
}

/** The index of the last column starting at or before `offset` (-1 when none does); columns are in file order. */
export function lastColumnAt(columns: readonly Column[], offset: number): number {
  let low = 0;
  let high = columns.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (columns[mid].span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
