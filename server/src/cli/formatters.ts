import packageJson from '../../../package.json';
import { ENGINE_FINDINGS } from '../engine/lint';
import { LineIndex } from '../model/text';
import { docsUrl, RULES } from '../rules';
import { Severity } from '../rules/rule';
import { displayPath, FileReport } from './report';

const VERSION: string = packageJson.version;

/** The report's line index: the one its lint built, or a new one for a file that was not parsed. */
function linesOf(report: FileReport): LineIndex {
  return report.lines ?? new LineIndex(report.text);
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    {
      version: 1,
      files: reports.map((r) => {
        const lines = linesOf(r);
        return {
          path: displayPath(r.path),
          kind: r.kind,
          diagnostics: r.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            range: f.range,
            data: f.data,
            fixes: f.fixes.map((fix) => ({
              title: fix.title,
              safe: fix.safe,
              edits: fix.edits.map((e) => ({ range: lines.rangeOf(e), newText: e.newText })),
            })),
          })),
          columns: r.columns ?? null,
        };
      }),
    },
    null,
    2,
  );
}

export function formatStylish(reports: FileReport[], color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const colors: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const out: string[] = [];
  for (const report of reports) {
    const notes: string[] = [];
    if (report.fixed) notes.push(`fixed ${report.fixed} problem${report.fixed === 1 ? '' : 's'}`);
    if (report.writeProblem) notes.push(report.writeProblem);
    if (report.findings.length === 0 && notes.length === 0) continue;
    out.push(paint(4, displayPath(report.path)) + (notes.length ? `  (${notes.join('; ')})` : ''));
    for (const f of report.findings) {
      counts[f.severity]++;
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      out.push(`  ${where}${paint(colors[f.severity], f.severity.padEnd(8))}${f.message.replace(/\s*\n\s*/g, ' ')}  ${paint(90, f.rule)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) out.push(`${reports.length} file${reports.length === 1 ? '' : 's'} checked, no problems.`);
  else {
    const parts = (Object.keys(counts) as Severity[]).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
    out.push(paint(counts.error ? 31 : 33, `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${reports.length} file${reports.length === 1 ? '' : 's'}`));
  }
  return out.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, with UTF-16 columns to match LSP positions, 1-based as SARIF requires. */
export function formatSarif(reports: FileReport[]): string {
  const ruleIds = [...RULES.map((r) => r.meta.id), ...Object.keys(ENGINE_FINDINGS)];
  const describe = (id: string) => RULES.find((r) => r.meta.id === id)?.meta.description ?? ENGINE_FINDINGS[id as keyof typeof ENGINE_FINDINGS];
  const level = (id: string): string => SARIF_LEVEL[RULES.find((r) => r.meta.id === id)?.meta.defaultSeverity ?? 'error'];
  const region = (lines: LineIndex, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const results = reports.flatMap((r) => {
    const lines = linesOf(r);
    const artifactLocation = { uri: encodeURI(displayPath(r.path)), uriBaseId: '%SRCROOT%' };
    return r.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIds.indexOf(f.rule),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(lines, f.range) } }],
      ...(Object.keys(f.data).length ? { properties: { data: f.data } } : {}),
      ...(f.fixes.length
        ? {
            fixes: f.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: fix.edits.map((e) => ({ deletedRegion: region(lines, lines.rangeOf(e)), insertedContent: { text: e.newText } })),
                },
              ],
            })),
          }
        : {}),
    }));
  });
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'plainmeta',
              version: VERSION,
              informationUri: 'https://github.com/plainmeta/plainmeta',
              rules: ruleIds.map((id) => ({
                id,
                shortDescription: { text: describe(id) },
                helpUri: docsUrl(id),
                defaultConfiguration: { level: level(id) },
              })),
            },
          },
          columnKind: 'utf16CodeUnits',
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(process.cwd()) } },
          results,
        },
      ],
    },
    null,
    2,
  );
}

function pathToFileUri(dir: string): string {
  const normalized = dir.replace(/\\/g, '/');
  return `file://${normalized.startsWith('/') ? '' : '/'}${encodeURI(normalized)}/`;
}
