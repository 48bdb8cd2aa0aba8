import { Dataset, ParsedFile } from '../model/dataset';
import { ProjectFiles } from '../model/project';
import { ProseText } from '../model/prose';
import { Span, TextEdit } from '../model/text';
import type { ResolvedConfig } from '../config/config';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A fix as data: edits by offset into the linted file. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes may be applied without a person choosing (`--fix`, fix-all, fix on save). */
  safe: boolean;
}

export interface RuleMeta {
  id: string;
  /** One line, shown in docs and `--help`. */
  description: string;
  defaultSeverity: Severity;
  /**
   * The model fields the rule reads, for the docs and for re-linting: after an edit inside one
   * column that left that column's listed fields (`columns[].name`, …) as they were, a
   * `file`-scope rule keeps its findings (engine/reuse.ts), so the list must be complete.
   */
  reads: string[];
  fixable: boolean;
  tags: string[];
  /** Message templates keyed by id, with {{placeholders}} filled from the finding's data. */
  messages: Record<string, string>;
  /** Why it matters, quoted from the guidance the rule comes from, for hovers and docs. */
  rationale: { quote: string; source: string; url?: string };
  /** Options a project may set beside the severity (`rules: {id: {severity, name: value}}`). */
  options?: Record<string, RuleOption>;
  /**
   * What one finding depends on, so that a re-lint after an edit inside one column can keep the
   * findings about everything else (engine/reuse.ts):
   * - `field`: each finding is about one dataset field or one column, depends on that alone (and
   *   the config), lies inside it with its fixes' edits, and the rule reports fields in file order;
   * - `file`: a finding may depend on other parts of the file (an acronym defined earlier, the
   *   set of columns), so the rule runs on the whole file, unless it is `resumable` (see Rule).
   *   The default: always right.
   */
  scope?: 'field' | 'file';
}

export interface RuleOption {
  type: 'number' | 'string' | 'boolean';
  default: number | string | boolean;
  description: string;
  /** For numbers: the smallest and largest value allowed. */
  minimum?: number;
  maximum?: number;
}

/** What is wrong with a value for an option ("must be a number from 1 to 20, not \"abc\""), or undefined. */
export function optionProblem(option: RuleOption, value: unknown): string | undefined {
  const { type, minimum, maximum } = option;
  const inRange = typeof value === 'number' && Number.isFinite(value) && (minimum === undefined || value >= minimum) && (maximum === undefined || value <= maximum);
  if (type === 'number' ? inRange : typeof value === type) return undefined;
  const range = type !== 'number' ? '' : minimum !== undefined && maximum !== undefined ? ` from ${minimum} to ${maximum}` : minimum !== undefined ? ` of ${minimum} or more` : maximum !== undefined ? ` of ${maximum} or less` : '';
  return `must be a ${type}${range}, not ${JSON.stringify(value)}`;
}

/** An option's value from a rule's options: the default when unset; a bad value throws (a rule-error). */
export function optionValue<T extends RuleOption['default']>(options: Record<string, unknown>, name: string, option: RuleOption & { default: T }): T {
  const value = options[name] ?? option.default;
  const problem = optionProblem(option, value);
  if (problem) throw new Error(`option ${name} ${problem}`);
  return value as T;
}

export interface FindingInput {
  span: Span;
  messageId: string;
  data: Record<string, unknown>;
  fixes?: Fix[];
}

/** The data of a report made once the rule is full (see `RuleContext.full`): it is never read. */
export const COUNTED_ONLY: Readonly<Record<string, unknown>> = Object.freeze({});

export interface RuleContext {
  file: ParsedFile;
  config: ResolvedConfig;
  /** The rule's options from `.plainmeta.yaml` (`rules: {id: {severity, …options}}`). */
  options: Record<string, unknown>;
  /** Files beside the linted one (data headers, dbt doc blocks), when the caller can read them. */
  project?: ProjectFiles;
  /**
   * What the rule works out from one prose text alone, computed once per text and config while a
   * document stays open. The value must not hold file offsets: only offsets into `text`.
   */
  memo<T>(text: string, compute: () => T): T;
  report(finding: FindingInput): void;
  /**
   * True once the file has as many of this rule's findings as are shown; later reports are only
   * counted where they start, so a rule may stop building their fixes and data (it must still
   * report them, with their span; `COUNTED_ONLY` stands for the data).
   */
  full(): boolean;
}

/**
 * A check that pauses part way: a rule that walks many fields yields, every so much work (see
 * Pauses), the share of its walk done so far, from 0 to 1, so that a language server can answer
 * requests meanwhile (engine/lint.ts, lintInSteps). Run without pausing, it reports the same.
 */
export type CheckSteps<T = void> = Generator<number, T, undefined>;

/**
 * How many characters of prose a rule reads at least between two pauses: a few milliseconds of
 * its slowest work (acronym, style) on a large dictionary, and pausing costs nothing measurable.
 */
export const PROSE_STEP_CHARS = 100_000;

/**
 * How many columns a rule that walks them all checks at most between two pauses: a few
 * milliseconds of the slowest (undocumented-column) on a dictionary of 30,000 columns.
 */
export const COLUMN_STEP = 5_000;

/** How many columns the file lists, in all its datasets: the items of a walk over them (see Pauses). */
export function columnCount(file: ParsedFile): number {
  let count = 0;
  for (const dataset of file.datasets) count += dataset.columns?.length ?? 0;
  return count;
}

/**
 * Where a check walking `total` items pauses: once the work since the last pause reaches
 * `perStep`, counted by the rule (characters of prose, columns), never timed, so that a lint
 * pauses at the same places every time. Never after the last item: the rule's end is a pause.
 */
export class Pauses {
  private since = 0;

  constructor(
    private readonly total: number,
    private readonly perStep: number,
  ) {}

  /** After item `index`, which was `work` to check: the share of the items done when it is time to pause, else undefined. */
  after(index: number, work: number): number | undefined {
    this.since += work;
    if (this.since < this.perStep || index + 1 >= this.total) return undefined;
    this.since = 0;
    return (index + 1) / this.total;
  }
}

export interface Rule<Carried = unknown> {
  meta: RuleMeta;
  /** Reports the rule's findings in the file, at once or in steps (see CheckSteps). */
  check(context: RuleContext): void | CheckSteps<unknown>;
  /**
   * For a `file`-scope rule whose findings in each field depend on that field and on what the
   * fields before it in file order leave behind (an acronym defined earlier): lets a re-lint after
   * an edit inside one column run the rule on that column alone (engine/reuse.ts).
   */
  resumable?: {
    /** As `check`, in steps, giving also what the rule carried from field to field, for `resume`. */
    check(context: RuleContext): CheckSteps<Carried>;
    /**
     * After an edit inside one column entry, with `context.file` holding that column alone: reports
     * what `check` reports in it reading the whole file, given what the earlier lint carried, and
     * gives what the whole file carries now. Undefined when the column now leaves the fields after it
     * something other than before, so that their findings may differ: then the rule reads the whole file.
     */
    resume(context: RuleContext, earlier: Carried, edit: EntryEdit): Carried | undefined;
  };
}

/** An edit inside one column's entry: the entry [start, end) in the text before it, now `delta` longer. */
export interface EntryEdit {
  start: number;
  end: number;
  delta: number;
}

/** A prose value with what it belongs to, in file order. */
export interface ProseField {
  dataset: Dataset;
  /** `description`, or `columns[age_group].description` */
  label: string;
  prose: ProseText;
}
