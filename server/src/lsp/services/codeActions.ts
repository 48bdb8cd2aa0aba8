import { CodeAction, CodeActionContext, CodeActionKind, CodeActionTriggerKind, Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, FixAllStep, fixAllInSteps } from '../../engine/fixes';
import { Finding, LintStep } from '../../engine/lint';
import { TextEdit } from '../../model/text';
import { AllowListTarget, allowListEdit } from './allowList';
import { Analysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import { documentEdit, minimalEdit, toLspEdit } from './edits';
import { SharedSteps } from '../sharedSteps';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.plainmeta`;

export interface CodeActionEnvironment {
  /** The client takes versioned `documentChanges` (otherwise plain `changes`). */
  documentChanges: boolean;
  /** The client can create files inside a workspace edit. */
  createFiles: boolean;
  /**
   * The client asks for an action's edit once it is chosen (`codeAction/resolve`), so the edits
   * for the whole file, which take several lint passes, are worked out then instead of for every
   * light bulb after every keystroke.
   */
  resolveEdits: boolean;
  /**
   * The file is over plainmeta.maxFileSize, where a whole-file fix takes many seconds (about 20
   * for 10 MB): a client that cannot resolve actions is not offered one with every light bulb, and
   * fix-on-save leaves the file as it is, calling `fixOnSaveSkipped` to say so.
   */
  large: boolean;
  fixOnSaveSkipped(): void;
  /** The allow-list file for this document, or undefined when there is nowhere to put one. */
  allowListTarget(analysis: Analysis): AllowListTarget | undefined;
}

/** Whether an action of `kind` was asked for by `only` (kinds are hierarchical: "source" covers "source.fixAll"). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** What a whole-file fix offered without its edit carries, to work the edit out when it is chosen. */
export interface FixAllData {
  uri: string;
  /** The rule whose safe fixes to apply; null for every rule's. */
  rule: string | null;
}

const findingKey = (f: Finding) => `${f.rule}|${JSON.stringify(f.data)}`;
const countOf = (findings: readonly Finding[], key: string) => findings.filter((f) => findingKey(f) === key).length;

/** The finding each of the client's plainmeta diagnostics stands for, each finding once. */
function findingsOf(analysis: Analysis, diagnostics: readonly Diagnostic[]): Finding[] {
  const found: Finding[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'plainmeta') continue;
    const finding = analysis.findings.find((f) => !found.includes(f) && f.rule === diagnostic.code && f.message === diagnostic.message && sameRange(f.range, diagnostic.range));
    if (finding) found.push(finding);
  }
  return found;
}

/**
 * Code actions for the client's diagnostics in a range. They are built from the current analysis
 * (the diagnostics only say which findings), so every edit is made against the text it will be
 * applied to and carries that version. What takes a lint of the whole file (whether disabling a
 * line works, whole-file fixes) is worked out one lint step at a time, so that the request can
 * yield to other messages and stop when it is cancelled; the answers are kept for the version.
 */
export function* codeActionsInSteps(analysis: Analysis, context: CodeActionContext, env: CodeActionEnvironment): Generator<LintStep, CodeAction[]> {
  const only = context.only;
  const actions: CodeAction[] = [];
  const perRule = new Set<string>();
  const edit = (edits: readonly TextEdit[]) =>
    documentEdit(analysis.uri, analysis.version, edits.map((e) => toLspEdit(e, analysis.lines)), env.documentChanges);

  const quickFixes = wanted(CodeActionKind.QuickFix, only);
  const findings = quickFixes ? findingsOf(analysis, context.diagnostics) : [];
  yield* checkDisableLines(analysis, findings);
  for (const finding of findings) {
    const diagnostics = [toDiagnostic(finding)];
    const safe = finding.fixes.filter((f) => f.safe);
    for (const fix of finding.fixes) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.safe && safe.length === 1 ? true : undefined, edit: edit(fix.edits) });
    }
    if (!perRule.has(finding.rule)) {
      perRule.add(finding.rule);
      if (analysis.findings.filter((f) => f.rule === finding.rule).length >= 2) {
        const action = yield* fixAllAction(analysis, `Fix all ${finding.rule} problems in this file`, finding.rule, env);
        if (action) actions.push({ ...action, diagnostics });
      }
    }
    if (finding.rule === 'acronym' && typeof finding.data.acronym === 'string') {
      const action = allowListAction(analysis, finding.data.acronym, diagnostics, env);
      if (action) actions.push(action);
    }
    const disable = disableLineEdit(analysis, finding);
    if (disable) actions.push({ title: `Disable ${finding.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit([disable]) });
  }

  const safeCount = analysis.findings.filter(hasSafeFix).length;
  if (findings.length > 0 && safeCount > 1) {
    const action = yield* fixAllAction(analysis, 'Fix all plainmeta problems that have one safe fix', undefined, env);
    if (action) actions.push(action);
  }
  // Only when asked for, as VS Code does on save: it would clutter the light bulb otherwise.
  if (only && wanted(FIX_ALL_KIND, only)) {
    // A save waits for this answer: VS Code has no time limit on it since 1.42, only a progress
    // notification whose "cancel" saves without the fix. The edit is one versioned edit made
    // whole before it is sent, so it is applied entirely or (cancelled, or the text moved on) not at all.
    if (env.large && context.triggerKind === CodeActionTriggerKind.Automatic) {
      env.fixOnSaveSkipped();
    } else {
      const all = yield* fixAllEdit(analysis, undefined);
      actions.push({ title: 'Fix all safe plainmeta problems', kind: FIX_ALL_KIND, edit: edit(all ? [all] : []) });
    }
  }
  return actions;
}

/**
 * Fix-all edits take several lint passes and editors ask for code actions on every cursor move,
 * so they are kept for as long as the analysis (one document version) lives. Each is worked out
 * once, by whichever requests step through it: one cancelled part way leaves its steps done for
 * the next to go on from.
 */
const fixAllCache = new WeakMap<Analysis, Map<string, SharedSteps<FixAllStep, TextEdit | undefined>>>();

/** Safe fixes of one rule (or of all) for the whole file, re-linting between passes, as one edit. */
function* fixAllEdit(analysis: Analysis, rule: string | undefined): Generator<FixAllStep, TextEdit | undefined> {
  let byRule = fixAllCache.get(analysis);
  if (!byRule) fixAllCache.set(analysis, (byRule = new Map()));
  const key = rule ?? '';
  let shared = byRule.get(key);
  if (!shared) byRule.set(key, (shared = new SharedSteps(workOutFixAll(analysis, rule))));
  return yield* shared.steps();
}

function* workOutFixAll(analysis: Analysis, rule: string | undefined): Generator<FixAllStep, TextEdit | undefined> {
  const ofRule = (findings: Finding[]) => (rule ? findings.filter((f) => f.rule === rule) : findings);
  const lint = function* (text: string) {
    return ofRule(yield* analysis.relintInSteps(text));
  };
  // The analysis's findings are those of its text (a re-lint of it finds the same, however the
  // document's linter got them): the first pass need not lint it again.
  const fixed = yield* fixAllInSteps(analysis.text, lint, undefined, ofRule(analysis.findings));
  return minimalEdit(analysis.text, fixed.text);
}

const hasSafeFix = (f: Finding) => f.fixes.filter((x) => x.safe).length === 1;

/**
 * The quick fix applying the safe fixes of one rule (or of all) across the file, offered when
 * they change something. A client that resolves actions gets it without its edit, which
 * `resolveFixAllInSteps` works out once it is chosen: a finding with one safe fix is what tells that
 * the fixes change something, as fixAll applies at least that fix.
 */
function* fixAllAction(analysis: Analysis, title: string, rule: string | undefined, env: CodeActionEnvironment): Generator<FixAllStep, CodeAction | undefined> {
  if (env.resolveEdits) {
    if (!analysis.findings.some((f) => (rule === undefined || f.rule === rule) && hasSafeFix(f))) return undefined;
    const data: FixAllData = { uri: analysis.uri, rule: rule ?? null };
    return { title, kind: CodeActionKind.QuickFix, data };
  }
  if (env.large) return undefined;
  const all = yield* fixAllEdit(analysis, rule);
  if (!all) return undefined;
  return { title, kind: CodeActionKind.QuickFix, edit: documentEdit(analysis.uri, analysis.version, [toLspEdit(all, analysis.lines)], env.documentChanges) };
}

/** A whole-file fix offered without its edit, with the edit for the document's current text, worked out one lint step at a time. */
export function* resolveFixAllInSteps(analysis: Analysis, action: CodeAction, env: Pick<CodeActionEnvironment, 'documentChanges'>): Generator<FixAllStep, CodeAction> {
  const { data, ...offered } = action;
  const all = yield* fixAllEdit(analysis, (data as FixAllData).rule ?? undefined);
  return { ...offered, edit: documentEdit(analysis.uri, analysis.version, all ? [toLspEdit(all, analysis.lines)] : [], env.documentChanges) };
}

/**
 * `# plainmeta-disable-next-line RULE` above the finding's line, at its indentation. Offered only
 * when it works: inside a block scalar the line would become part of the text, not a comment.
 */
function disableLineEdit(analysis: Analysis, finding: Finding): TextEdit | undefined {
  return disableLineChecks(analysis).get(finding);
}

/**
 * Finding out whether "disable for this line" works takes a lint of the whole file, and editors
 * ask for the same light bulb again on every cursor move: the answer is kept for as long as the
 * analysis (one document version) lives.
 */
const disableLineCache = new WeakMap<Analysis, Map<Finding, TextEdit | undefined>>();

function disableLineChecks(analysis: Analysis): Map<Finding, TextEdit | undefined> {
  let checks = disableLineCache.get(analysis);
  if (!checks) disableLineCache.set(analysis, (checks = new Map()));
  return checks;
}

/** Finds out, one lint step at a time, whether "disable for this line" works for each of the findings. */
function* checkDisableLines(analysis: Analysis, findings: readonly Finding[]): Generator<LintStep, void> {
  const checks = disableLineChecks(analysis);
  for (const finding of findings) {
    if (checks.has(finding)) continue;
    const { lines, text } = analysis;
    const line = finding.range.start.line;
    const start = lines.lineStart(line);
    const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))![0];
    const insert = { start, end: start, newText: `${indent}# plainmeta-disable-next-line ${finding.rule}${lines.eol}` };
    const after = yield* analysis.relintInSteps(applyEdits(text, [insert]));
    const errors = (list: readonly Finding[]) => list.filter((f) => f.rule === 'parse-error').length;
    const key = findingKey(finding);
    const works = errors(after) <= errors(analysis.findings) && countOf(after, key) < countOf(analysis.findings, key);
    checks.set(finding, works ? insert : undefined);
  }
}

function allowListAction(analysis: Analysis, acronym: string, diagnostics: Diagnostic[], env: CodeActionEnvironment): CodeAction | undefined {
  const target = env.allowListTarget(analysis);
  if (!target) return undefined;
  const workspaceEdit = allowListEdit(target, acronym, env);
  if (!workspaceEdit) return undefined;
  return { title: `Add '${acronym}' to the project's allow list`, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit };
}
