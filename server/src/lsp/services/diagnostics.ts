import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Finding } from '../../engine/lint';
import { LineIndex } from '../../model/text';
import { docsUrl } from '../../rules';
import { Severity } from '../../rules/rule';
import { Analysis } from './analysis';
import { toLspEdit } from './edits';

export const SOURCE = 'plainmeta';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data`: the finding's own data and its fixes as LSP edits. */
export interface DiagnosticData {
  details: Record<string, unknown>;
  fixes: Array<{ title: string; safe: boolean; edits: Array<{ range: Diagnostic['range']; newText: string }> }>;
}

export function toDiagnostic(finding: Finding, lines: LineIndex): Diagnostic {
  const data: DiagnosticData = {
    details: finding.data,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => toLspEdit(e, lines)) })),
  };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: docsUrl(finding.rule) },
    source: SOURCE,
    message: finding.message,
    data,
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
    const diagnostic = !before ? toDiagnostic(finding, analysis.lines) : was ? movedLines(before, finding.range.start.line - was.range.start.line) : before;
    byFinding.set(finding, diagnostic);
    return diagnostic;
  });
  return { diagnostics, byFinding };
}

/** A diagnostic whose finding and fix edits all moved down by `lines` lines (up when negative). */
function movedLines(diagnostic: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return diagnostic;
  const range = (r: Diagnostic['range']) => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  const data = diagnostic.data as DiagnosticData;
  const fixes = data.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ range: range(edit.range), newText: edit.newText })) }));
  return { ...diagnostic, range: range(diagnostic.range), data: { ...data, fixes } };
}
