import { CodeDescription, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Finding } from '../../engine/lint';
import { docsUrl } from '../../rules';
import { Severity } from '../../rules/rule';
import { Analysis } from './analysis';

export const SOURCE = 'plainmeta';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One docs link per rule, shared by all its diagnostics. */
const codeDescriptions = new Map<string, CodeDescription>();

function codeDescription(rule: string): CodeDescription {
  let description = codeDescriptions.get(rule);
  if (!description) codeDescriptions.set(rule, (description = { href: docsUrl(rule) }));
  return description;
}

/**
 * A finding as the editor shows it. It carries no `data`: the fixes and details stay with the
 * server's analysis, where code actions and hover look the finding up by its rule, message and
 * range, so that each publication (every diagnostic of the file, on every keystroke) carries
 * only what the editor displays.
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: codeDescription(finding.rule),
    source: SOURCE,
    message: finding.message,
  };
}

/** Most severe first, as VS Code takes them. */
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * At most `room` of the findings, the ones VS Code would show of the whole list: every error, then
 * warnings, information and hints, each severity in the list's order. They stay in the list's
 * order, so the editor's list of problems reads down the file as it does without a limit.
 */
export function mostSevere(findings: readonly Finding[], room: number): readonly Finding[] {
  if (findings.length <= room) return findings;
  const counts = [0, 0, 0, 0];
  for (const finding of findings) counts[RANK[finding.severity]]++;
  // The least severe rank shown, and how many of it fit: those before it are all shown. There are
  // more findings than room, so some rank does not fit whole.
  let rank = 0;
  let left = room;
  while (counts[rank] <= left) left -= counts[rank++];
  return findings.filter((finding) => {
    const r = RANK[finding.severity];
    return r < rank || (r === rank && left-- > 0);
  });
}

/**
 * The diagnostics of an analysis's findings, or of the `shown` part of them. `earlier` holds the
 * diagnostics published for the document's previous analysis by finding: a finding that is the
 * same object is the same diagnostic, and one that only moved to other lines (`Analysis.moved`) is
 * its diagnostic moved, so a keystroke in a large file converts only what it changed.
 */
export function diagnosticsOf(analysis: Analysis, earlier?: ReadonlyMap<Finding, Diagnostic>, shown: readonly Finding[] = analysis.findings): { diagnostics: Diagnostic[]; byFinding: Map<Finding, Diagnostic> } {
  const byFinding = new Map<Finding, Diagnostic>();
  const diagnostics = shown.map((finding) => {
    const was = analysis.moved?.get(finding);
    const before = earlier?.get(finding) ?? (was && earlier?.get(was));
    const diagnostic = !before ? toDiagnostic(finding) : was ? movedLines(before, finding.range.start.line - was.range.start.line) : before;
    byFinding.set(finding, diagnostic);
    return diagnostic;
  });
  return { diagnostics, byFinding };
}

/** A diagnostic moved down by `lines` lines (up when negative). */
function movedLines(diagnostic: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return diagnostic;
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}
