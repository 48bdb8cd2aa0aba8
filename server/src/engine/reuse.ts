import { Column, ColumnConcept, lastColumnAt, ParsedFile, TextChange } from '../model/dataset';
import { Span, TextEdit } from '../model/text';
import { Fix, FindingInput } from '../rules/rule';
import type { Finding } from './lint';

const NO_FIXES: readonly Fix[] = [];

/** Where each report's five offsets stand in `Reports.offsets` (see there). */
const START = 0;
const END = 1;
const REACH_START = 2;
const REACH_END = 3;
const SHIFT = 4;
const STRIDE = 5;

/**
 * Every report of one rule in one lint, in the order the rule made them, kept so that the next
 * lint of the same document can reuse them. After an edit thousands of them move; each keeps the
 * report as made and how far it has moved since, so moving one is one addition. A report made
 * while the rule was full is kept as its span alone: it can only ever be counted, since showing
 * it would need the fixes the rule did not build, and a rule far past the cap makes a hundred
 * thousand of them in a large file.
 */
export class Reports {
  /**
   * Five offsets per report: its span as made, in the text it was made in; how far it reaches as
   * made (the first start and the furthest end of its span and its fixes' edits); and what to add
   * to each to place it in the current text. In one typed array: after an edit thousands of
   * reports are copied from one lint to the next, which is then one bulk copy that costs the
   * garbage collector nothing to scan.
   */
  private offsets: Int32Array;
  private count = 0;
  /**
   * Each report as made when it was made while the rule was not yet full (see RuleContext.full),
   * and the finding made of it when it was shown. Past the last of them both lists stop, since
   * in a large file most reports are neither.
   */
  private inputs: Array<FindingInput | undefined> = [];
  private findings: Array<Finding | undefined> = [];
  /** What the rule carried from field to field, when it can resume after an edit (see `Rule.resumable`). */
  carried: unknown;

  /** @param capacity how many reports to make room for at first */
  constructor(capacity = 16) {
    this.offsets = new Int32Array(Math.max(1, capacity) * STRIDE);
  }

  get length(): number {
    return this.count;
  }

  /** The first `count` reports, as they are, with room for `capacity` in all. */
  prefix(count: number, capacity = count): Reports {
    const copy = new Reports(Math.max(count, capacity));
    copy.addHidden(this, 0, count, 0);
    copy.findings = this.findings.slice(0, count);
    return copy;
  }

  /** A report as the rule made it: `complete` when made before the rule was full, with its fixes. */
  add(input: FindingInput, complete: boolean, finding: Finding | undefined): void {
    let reachStart = input.span.start;
    let reachEnd = input.span.end;
    // Plain loops: a rule reports thousands of times in a large file.
    if (complete) {
      for (const fix of input.fixes ?? NO_FIXES) {
        for (const edit of fix.edits) {
          if (edit.start < reachStart) reachStart = edit.start;
          if (edit.end > reachEnd) reachEnd = edit.end;
        }
      }
    }
    this.push(input.span.start, input.span.end, reachStart, reachEnd, 0, complete ? input : undefined, finding);
  }

  /** Report `k` as `other` holds it, moved `delta` further. */
  addFrom(other: Reports, k: number, delta: number, finding: Finding | undefined): void {
    const at = k * STRIDE;
    const o = other.offsets;
    this.push(o[at + START], o[at + END], o[at + REACH_START], o[at + REACH_END], o[at + SHIFT] + delta, other.inputs[k], finding);
  }

  /** Reports `from` to `to` (excluded) as `other` holds them, moved `delta` further, none of them shown. */
  addHidden(other: Reports, from: number, to: number, delta: number): void {
    const at = this.count;
    this.room(at + to - from);
    this.offsets.set(other.offsets.subarray(from * STRIDE, to * STRIDE), at * STRIDE);
    if (delta !== 0) for (let k = at * STRIDE + SHIFT, end = (at + to - from) * STRIDE; k < end; k += STRIDE) this.offsets[k] += delta;
    this.count += to - from;
    // The inputs up to the last complete report: the list stops there.
    let last = Math.min(to, other.inputs.length) - 1;
    while (last >= from && other.inputs[last] === undefined) last--;
    if (last < from) return;
    this.fillTo(at);
    for (let k = from; k <= last; k++) this.inputs.push(other.inputs[k]);
  }

  /** Makes room for `count` reports in all. */
  private room(count: number): void {
    if (count * STRIDE <= this.offsets.length) return;
    const offsets = new Int32Array(Math.max(count, this.count * 2) * STRIDE);
    offsets.set(this.offsets.subarray(0, this.count * STRIDE));
    this.offsets = offsets;
  }

  private push(start: number, end: number, reachStart: number, reachEnd: number, shift: number, input: FindingInput | undefined, finding: Finding | undefined): void {
    const k = this.count;
    this.room(k + 1);
    const at = k * STRIDE;
    this.offsets[at + START] = start;
    this.offsets[at + END] = end;
    this.offsets[at + REACH_START] = reachStart;
    this.offsets[at + REACH_END] = reachEnd;
    this.offsets[at + SHIFT] = shift;
    this.count++;
    if (input !== undefined) {
      this.fillTo(k);
      this.inputs[k] = input;
    }
    if (finding !== undefined) {
      while (this.findings.length < k) this.findings.push(undefined);
      this.findings[k] = finding;
    }
  }

  /** Makes the list of inputs reach to index `k` (excluded), without holes. */
  private fillTo(k: number): void {
    while (this.inputs.length < k) this.inputs.push(undefined);
  }

  start(k: number): number {
    return this.offsets[k * STRIDE + START] + this.offsets[k * STRIDE + SHIFT];
  }

  isComplete(k: number): boolean {
    return this.inputs[k] !== undefined;
  }

  findingOf(k: number): Finding | undefined {
    return this.findings[k];
  }

  /** Past the last report shown: no report from here on has a finding. */
  get shownUntil(): number {
    return this.findings.length;
  }

  /** Report `k`'s span in the current text, moved `delta` further. */
  span(k: number, delta = 0): Span {
    const at = k * STRIDE;
    const shift = this.offsets[at + SHIFT] + delta;
    return { start: this.offsets[at + START] + shift, end: this.offsets[at + END] + shift };
  }

  /** Report `k`, which must be complete, in the current text, moved `delta` further. */
  input(k: number, delta = 0): FindingInput {
    const input = this.inputs[k]!;
    const shift = this.offsets[k * STRIDE + SHIFT] + delta;
    if (shift === 0) return input;
    const span = { start: input.span.start + shift, end: input.span.end + shift };
    const fixes = input.fixes?.map((fix): Fix => ({ ...fix, edits: fix.edits.map((edit): TextEdit => ({ start: edit.start + shift, end: edit.end + shift, newText: edit.newText })) }));
    return { ...input, span, fixes };
  }

  /**
   * How many reports, from the first, start before `offset`; -1 when one of them reaches `limit`
   * (see `reaches`). One loop over the offsets: it is asked of every report of every rule after
   * each keystroke, and the first keystrokes run before the engine has compiled it.
   */
  startingBefore(offset: number, limit: number): number {
    const o = this.offsets;
    let k = 0;
    for (let at = 0; k < this.count && o[at + START] + o[at + SHIFT] < offset; k++, at += STRIDE) if (o[at + REACH_END] + o[at + SHIFT] >= limit) return -1;
    return k;
  }

  /** Whether every report from `from` on lies at `offset` or after it (see `liesFrom`), in one loop as `startingBefore`. */
  allLieFrom(from: number, offset: number): boolean {
    const o = this.offsets;
    for (let at = from * STRIDE, end = this.count * STRIDE; at < end; at += STRIDE) if (o[at + REACH_START] + o[at + SHIFT] < offset) return false;
    return true;
  }

  /** Whether report `k`'s span and every edit of its fixes lie at `offset` or after it. */
  liesFrom(k: number, offset: number): boolean {
    return this.offsets[k * STRIDE + REACH_START] + this.offsets[k * STRIDE + SHIFT] >= offset;
  }

  /** Whether report `k`'s span or one of its fixes' edits reaches `offset` or beyond. */
  reaches(k: number, offset: number): boolean {
    return this.offsets[k * STRIDE + REACH_END] + this.offsets[k * STRIDE + SHIFT] >= offset;
  }
}

/**
 * A file re-read after an edit that stayed inside one column's entry: what the edit was, which
 * column, and what the lint before it left.
 */
export interface Reuse {
  change: TextChange;
  /** The edited column's index in the file's only dataset. */
  column: number;
  /** The edited entry in the old text: from the column's start to the next column's start. */
  region: Span;
  /** Every report of each rule in the earlier lint. */
  reports: ReadonlyMap<string, Reports>;
  /** The earlier lint's column counts and the edited column before the edit, to update the counts. */
  columns?: { total: number; documented: number };
  oldColumn: Column;
}

/**
 * The reuse an incremental re-read allows: the edit must lie inside one column entry that is not
 * the last, and the file must still hold one dataset with as many columns, as `ParsedFile.update`
 * promises. Undefined otherwise, and then every rule runs on the whole file.
 */
export function reuseAfter(
  before: ParsedFile,
  after: ParsedFile,
  change: TextChange,
  reports: ReadonlyMap<string, Reports>,
  columns: { total: number; documented: number } | undefined,
): Reuse | undefined {
  if (before.datasets.length !== 1 || after.datasets.length !== 1) return undefined;
  const old = before.datasets[0].columns;
  const now = after.datasets[0].columns;
  if (!old || !now || old.length !== now.length) return undefined;
  const i = lastColumnAt(old, change.start);
  if (i < 0 || i + 1 >= old.length) return undefined;
  const region = { start: old[i].span.start, end: old[i + 1].span.start };
  const delta = change.newEnd - change.oldEnd;
  if (change.oldEnd >= region.end || now[i].span.start !== region.start || now[i + 1].span.start !== region.end + delta) return undefined;
  return { change, column: i, region, reports, columns, oldColumn: old[i] };
}

/**
 * The file as a `field`-scope rule needs to see it after the edit: the edited column alone, in
 * its dataset with no dataset fields. Such a rule finds there exactly what it finds in that
 * column when it reads the whole file.
 */
export function editedColumnOnly(file: ParsedFile, reuse: Reuse): ParsedFile {
  const dataset = file.datasets[0];
  return { ...file, datasets: [{ ...dataset, fields: {}, columns: [dataset.columns![reuse.column]] }] };
}

/**
 * Where an earlier lint's reports of one rule stand around the edited entry: those before index
 * `inside` lie before it, those from `after` on lie after it (and move with the edit), and those
 * between lie inside it and are made again by running the rule on the column. Undefined when they
 * cannot be reused exactly: reports out of file order, or one before the entry whose span or fix
 * edit reaches the edited part (a fix there may read differently now).
 */
export function reusableReports(reports: Reports, reuse: Reuse): { inside: number; after: number } | undefined {
  const { region, change } = reuse;
  const inside = reports.startingBefore(region.start, change.start);
  if (inside < 0) return undefined;
  let after = inside;
  for (; after < reports.length && reports.start(after) < region.end; after++) if (reports.start(after) < region.start) return undefined;
  return reports.allLieFrom(after, region.end) ? { inside, after } : undefined;
}

/**
 * Whether the edit left alone everything a `file`-scope rule reads, by its `reads` in meta: an
 * edit inside one column changes no dataset field, so only the column's own fields can differ.
 * Then the rule's findings are those of the lint before, moved.
 */
export function readsUnchanged(reads: readonly string[], before: Column, after: Column): boolean {
  return reads.every((read) => {
    if (!read.startsWith('columns')) return true;
    const concept = /^columns\[\]\.(\w+)$/.exec(read)?.[1] as ColumnConcept | undefined;
    if (!concept) return false;
    const [a, b] = [before.fields[concept], after.fields[concept]];
    return a === b || (a !== undefined && b !== undefined && a.value === b.value);
  });
}
