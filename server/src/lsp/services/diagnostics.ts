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

export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  return analysis.findings.map((f) => toDiagnostic(f, analysis.lines));
}
