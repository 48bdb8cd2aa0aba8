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

/**
 * The diagnostics of an analysis. `earlier` holds the diagnostics published for the document's
 * previous analysis by finding: a finding that is the same object is the same diagnostic, and one
 * that only moved to other lines (`Analysis.moved`) is its diagnostic moved, so a keystroke in a
 * large file converts only what it changed.
 */
export function diagnosticsOf(analysis: Analysis, earlier?: ReadonlyMap<Finding, Diagnostic>): { diagnostics: Diagnostic[]; byFinding: Map<Finding, Diagnostic> } {
  const byFinding = new Map<Finding, Diagnostic>();
  const diagnostics = analysis.findings.map((finding) => {
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
