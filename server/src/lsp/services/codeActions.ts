import { CodeAction, CodeActionContext, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, fixAll } from '../../engine/fixes';
import { Finding, finish, LintStep } from '../../engine/lint';
import { TextEdit } from '../../model/text';
import { AllowListTarget, allowListEdit } from './allowList';
import { Analysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import { documentEdit, minimalEdit, toLspEdit } from './edits';

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
 * applied to and carries that version.
 */
export function codeActions(analysis: Analysis, context: CodeActionContext, env: CodeActionEnvironment): CodeAction[] {
  const only = context.only;
  const actions: CodeAction[] = [];
  const perRule = new Set<string>();
  const edit = (edits: readonly TextEdit[]) =>
    documentEdit(analysis.uri, analysis.version, edits.map((e) => toLspEdit(e, analysis.lines)), env.documentChanges);

  const quickFixes = wanted(CodeActionKind.QuickFix, only);
  const findings = quickFixes ? findingsOf(analysis, context.diagnostics) : [];
  for (const finding of findings) {
    const diagnostics = [toDiagnostic(finding)];
    const safe = finding.fixes.filter((f) => f.safe);
    for (const fix of finding.fixes) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.safe && safe.length === 1 ? true : undefined, edit: edit(fix.edits) });
    }
    if (!perRule.has(finding.rule)) {
      perRule.add(finding.rule);
      if (analysis.findings.filter((f) => f.rule === finding.rule).length >= 2) {
        const action = fixAllAction(analysis, `Fix all ${finding.rule} problems in this file`, finding.rule, env);
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
    const action = fixAllAction(analysis, 'Fix all plainmeta problems that have one safe fix', undefined, env);
    if (action) actions.push(action);
  }
  // Only when asked for, as VS Code does on save: it would clutter the light bulb otherwise.
  if (only && wanted(FIX_ALL_KIND, only)) {
    const all = fixAllSafe(analysis);
    actions.push({ title: 'Fix all safe plainmeta problems', kind: FIX_ALL_KIND, edit: edit(all ? [all] : []) });
  }
  return actions;
}

/**
 * Fix-all edits take several lint passes and editors ask for code actions on every cursor move,
 * so they are kept for as long as the analysis (one document version) lives.
 */
const fixAllCache = new WeakMap<Analysis, Map<string, TextEdit | undefined>>();

function cachedFixAll(analysis: Analysis, rule: string | undefined): TextEdit | undefined {
  let byRule = fixAllCache.get(analysis);
  if (!byRule) fixAllCache.set(analysis, (byRule = new Map()));
  const key = rule ?? '';
  if (!byRule.has(key)) {
    const lint = rule ? (t: string) => analysis.relint(t).filter((f) => f.rule === rule) : analysis.relint;
    byRule.set(key, minimalEdit(analysis.text, fixAll(analysis.text, lint).text));
  }
  return byRule.get(key);
}

/** Safe fixes for the whole file, re-linting between passes, as one edit. */
export function fixAllSafe(analysis: Analysis): TextEdit | undefined {
  return cachedFixAll(analysis, undefined);
}

const hasSafeFix = (f: Finding) => f.fixes.filter((x) => x.safe).length === 1;

/**
 * The quick fix applying the safe fixes of one rule (or of all) across the file, offered when
 * they change something. A client that resolves actions gets it without its edit, which
 * `resolveFixAll` works out once it is chosen: a finding with one safe fix is what tells that
 * the fixes change something, as fixAll applies at least that fix.
 */
function fixAllAction(analysis: Analysis, title: string, rule: string | undefined, env: CodeActionEnvironment): CodeAction | undefined {
  if (env.resolveEdits) {
    if (!analysis.findings.some((f) => (rule === undefined || f.rule === rule) && hasSafeFix(f))) return undefined;
    const data: FixAllData = { uri: analysis.uri, rule: rule ?? null };
    return { title, kind: CodeActionKind.QuickFix, data };
  }
  const all = cachedFixAll(analysis, rule);
  if (!all) return undefined;
  return { title, kind: CodeActionKind.QuickFix, edit: documentEdit(analysis.uri, analysis.version, [toLspEdit(all, analysis.lines)], env.documentChanges) };
}

/** A whole-file fix offered without its edit, with the edit for the document's current text. */
export function resolveFixAll(analysis: Analysis, action: CodeAction, env: Pick<CodeActionEnvironment, 'documentChanges'>): CodeAction {
  const { data, ...offered } = action;
  const all = cachedFixAll(analysis, (data as FixAllData).rule ?? undefined);
  return { ...offered, edit: documentEdit(analysis.uri, analysis.version, all ? [toLspEdit(all, analysis.lines)] : [], env.documentChanges) };
}

/**
 * `# plainmeta-disable-next-line RULE` above the finding's line, at its indentation. Offered only
 * when it works: inside a block scalar the line would become part of the text, not a comment.
 */
export function disableLineEdit(analysis: Analysis, finding: Finding): TextEdit | undefined {
  finish(checkDisableLines(analysis, [finding]));
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

/**
 * Finds out, one lint step at a time, whether "disable for this line" works for the findings the
 * client's diagnostics stand for, so that a code action request can yield to other messages
 * and stop when it is cancelled instead of holding the server for a lint of the whole file.
 */
export function* checkDisableLinesFor(analysis: Analysis, diagnostics: readonly Diagnostic[]): Generator<LintStep, void> {
  yield* checkDisableLines(analysis, findingsOf(analysis, diagnostics));
}

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
