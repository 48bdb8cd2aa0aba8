import { Column, ColumnConcept, Comment, Dataset, FieldValue, lastColumnAt, ParsedFile, TextChange } from '../../model/dataset';
import { ProseText } from '../../model/prose';
import { LineIndex, Span, TextEdit } from '../../model/text';
import { FieldSpec, readColumn } from '../fields';
import { isObject, TreeNode } from '../tree';
import { readSequenceItem } from '../yaml/block-reader';
import { parseSequenceItem } from '../yaml/item';
import { wrapYaml } from '../yaml/tree';

/**
 * After this many incremental updates a file is parsed whole again: each update wraps the
 * dataset's edit-making functions once more, and the chain must stay short.
 */
const MAX_UPDATES = 64;

/**
 * Incremental reading of a YAML file with one dataset and a block list of columns: an edit that
 * stays inside one column entry (not the last) re-parses only that entry; the columns before it
 * are kept as they are and those after it are moved by the change in length.
 */
export function columnUpdater(spec: FieldSpec<ColumnConcept>, updates = 0) {
  return function update(this: void, file: ParsedFile, text: string, change: TextChange): ParsedFile | undefined {
    if (updates >= MAX_UPDATES || file.problems.length > 0 || file.datasets.length !== 1) return undefined;
    const dataset = file.datasets[0];
    const columns = dataset.columns;
    if (!columns || columns.length < 2) return undefined;
    const i = lastColumnAt(columns, change.start);
    if (i < 0 || i + 1 >= columns.length) return undefined;
    const entry = entryLines(file, columns[i], columns[i + 1]);
    // The dash and its indentation stay, and so does the line break before the next entry.
    if (!entry || change.start < columns[i].span.start || change.oldEnd > entry.lastBreak) return undefined;
    const delta = change.newEnd - change.oldEnd;
    const lines = file.lines.afterChange(text, change);
    const item = readItem(text, lines, entry.start, entry.nextStart + delta);
    if (!item) return undefined;
    const node = item.node;
    if (!isObject(node)) return undefined;

    const after = (offset: number) => offset >= change.oldEnd;
    const moveSpan = (span: Span): Span => (after(span.start) ? { start: span.start + delta, end: span.end + delta } : span);
    const moveEdit = (edit: TextEdit | undefined): TextEdit | undefined => {
      if (!edit) return undefined;
      // An edit made against the old text inside the changed part would land in the wrong place.
      if (edit.start < change.oldEnd && edit.end > change.start) return undefined;
      return after(edit.start) ? { start: edit.start + delta, end: edit.end + delta, newText: edit.newText } : edit;
    };
    const fields: Dataset['fields'] = {};
    for (const [concept, field] of Object.entries(dataset.fields) as Array<[keyof Dataset['fields'], FieldValue]>) {
      fields[concept] = after(field.keySpan.start) ? MovedField.move(field, delta) : field;
    }
    const moved: Dataset = {
      fields,
      columns: movedColumns(columns, i, readColumn(node, spec), delta),
      describesDataset: dataset.describesDataset,
      anchor: moveSpan(dataset.anchor),
      insertField: (concept, value) => moveEdit(dataset.insertField(concept, value)),
      insertColumn: dataset.insertColumn && ((name, description) => moveEdit(dataset.insertColumn!(name, description))),
    };
    const comments: Comment[] = [
      ...file.comments.filter((c) => c.span.end <= entry.start),
      ...item.comments,
      ...file.comments.filter((c) => c.span.start >= entry.nextStart).map((c) => ({ text: c.text, span: moveSpan(c.span) })),
    ];
    const next = columnUpdater(spec, updates + 1);
    const updated: ParsedFile = { kind: file.kind, text, lines, datasets: [moved], comments, problems: [] };
    updated.update = (t, c) => next(updated, t, c);
    return updated;
  };
}

/** The columns with column `i` read again and those after it moved `delta`: one copy of the list, as large files have thousands. */
function movedColumns(columns: readonly Column[], i: number, reread: Column, delta: number): Column[] {
  const moved = columns.slice();
  moved[i] = reread;
  for (let k = i + 1; k < moved.length; k++) moved[k] = MovedColumn.move(moved[k], delta);
  return moved;
}

/** One column entry read on its own: by the fast block reader when it can, else by the yaml package. */
function readItem(text: string, lines: LineIndex, start: number, end: number): { node: TreeNode; comments: Comment[] } | undefined {
  const fast = readSequenceItem(text, start, end, lines);
  if (fast) return fast;
  const item = parseSequenceItem(text, start, end);
  return item && { node: wrapYaml(text, lines, item.map), comments: item.comments };
}

/**
 * Where a column's entry starts (its dash's line), where the next one starts, and the line break
 * before it; undefined unless both are `- key: …` lines at the same indentation.
 */
function entryLines(file: ParsedFile, column: Column, next: Column): { start: number; nextStart: number; lastBreak: number } | undefined {
  const line = file.lines.positionAt(column.span.start).line;
  const nextLine = file.lines.positionAt(next.span.start).line;
  const start = file.lines.lineStart(line);
  const nextStart = file.lines.lineStart(nextLine);
  const dash = /^ *- +$/;
  const prefix = file.text.slice(start, column.span.start);
  const nextPrefix = file.text.slice(nextStart, next.span.start);
  if (!dash.test(prefix) || !dash.test(nextPrefix) || prefix.indexOf('-') !== nextPrefix.indexOf('-')) return undefined;
  return { start, nextStart, lastBreak: file.lines.lineEnd(nextLine - 1) };
}

/**
 * A column moved `delta` along the file since it was read. Moving it again starts from the column
 * as read, so chains stay short. A keystroke moves every column after it and a re-lint then reads
 * only a few of them, so each is moved only when something asks for its span or its fields.
 */
class MovedColumn implements Column {
  private movedFields: Column['fields'] | undefined;
  private movedSpan: Span | undefined;

  private constructor(
    private readonly source: Column,
    private readonly delta: number,
  ) {}

  static move(column: Column, delta: number): Column {
    return column instanceof MovedColumn ? new MovedColumn(column.source, column.delta + delta) : new MovedColumn(column, delta);
  }

  get fields(): Column['fields'] {
    if (!this.movedFields) {
      const fields: Column['fields'] = {};
      for (const concept in this.source.fields) {
        const field = this.source.fields[concept as ColumnConcept];
        if (field) fields[concept as ColumnConcept] = MovedField.move(field, this.delta);
      }
      this.movedFields = fields;
    }
    return this.movedFields;
  }

  get span(): Span {
    return (this.movedSpan ??= moveBy(this.source.span, this.delta));
  }

  insertField(key: ColumnConcept, value: string): TextEdit | undefined {
    return shiftEdit(this.source.insertField(key, value), this.delta);
  }
}

/**
 * A field moved `delta` along the file since it was read, as MovedColumn is. Its spans are moved
 * when asked for: after a keystroke most rules read only the prose of the fields it moved.
 */
class MovedField implements FieldValue {
  readonly key: string;
  readonly value: string | null;
  readonly prose: ProseText | undefined;

  private constructor(
    private readonly source: FieldValue,
    private readonly delta: number,
  ) {
    this.key = source.key;
    this.value = source.value;
    this.prose = source.prose?.moved(delta);
  }

  static move(field: FieldValue, delta: number): FieldValue {
    return field instanceof MovedField ? new MovedField(field.source, field.delta + delta) : new MovedField(field, delta);
  }

  get keySpan(): Span {
    return moveBy(this.source.keySpan, this.delta);
  }

  get valueSpan(): Span {
    return moveBy(this.source.valueSpan, this.delta);
  }

  replaceValue(value: string): TextEdit | undefined {
    return shiftEdit(this.source.replaceValue(value), this.delta);
  }
}

const moveBy = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta });

function shiftEdit(edit: TextEdit | undefined, delta: number): TextEdit | undefined {
  return edit && { start: edit.start + delta, end: edit.end + delta, newText: edit.newText };
}
