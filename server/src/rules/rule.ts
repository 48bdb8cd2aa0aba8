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
  /** The model fields the rule reads, for the docs. */
  reads: string[];
  fixable: boolean;
  tags: string[];
  /** Message templates keyed by id, with {{placeholders}} filled from the finding's data. */
  messages: Record<string, string>;
  /** Why it matters, quoted from the guidance the rule comes from, for hovers and docs. */
  rationale: { quote: string; source: string; url?: string };
  /** Options a project may set beside the severity (`rules: {id: {severity, name: value}}`). */
  options?: Record<string, RuleOption>;
}

export interface RuleOption {
  type: 'number' | 'string' | 'boolean';
  default: number | string | boolean;
  description: string;
}

export interface FindingInput {
  span: Span;
  messageId: string;
  data: Record<string, unknown>;
  fixes?: Fix[];
}

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
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** A prose value with what it belongs to, in file order. */
export interface ProseField {
  dataset: Dataset;
  /** `description`, or `columns[age_group].description` */
  label: string;
  prose: ProseText;
}
