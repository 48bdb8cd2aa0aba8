import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { ENGINE_FINDINGS, Finding } from '../../engine/lint';
import { docsUrl, ruleById } from '../../rules';
import { Analysis } from './analysis';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Why each finding under the cursor matters, quoted from the guidance it comes from. */
export function hoverAt(analysis: Analysis, position: Position): Hover | undefined {
  const here = analysis.findings.filter((f) => before(f.range.start, position) && before(position, f.range.end));
  if (here.length === 0) return undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map(explain).join('\n\n---\n\n') },
    range: here[0].range,
  };
}

/** A finding explained in Markdown: the message, the quoted rationale with its source, the docs. */
export function explain(finding: Finding): string {
  const parts = [`**plainmeta** \`${finding.rule}\`: ${escape(finding.message)}`];
  const rule = ruleById(finding.rule);
  if (rule) {
    const { quote, source, url } = rule.meta.rationale;
    parts.push(`> ${escape(quote)}`, `— ${url ? `[${escape(source)}](${url})` : escape(source)}`);
  } else if (finding.rule in ENGINE_FINDINGS) {
    parts.push(escape(ENGINE_FINDINGS[finding.rule as keyof typeof ENGINE_FINDINGS]));
  }
  // Word-list findings name the guide their entry comes from.
  const { source, sourceUrl } = finding.data as { source?: unknown; sourceUrl?: unknown };
  if (typeof source === 'string') {
    parts.push(`Word list: ${typeof sourceUrl === 'string' ? `[${escape(source)}](${sourceUrl})` : escape(source)}`);
  }
  parts.push(`[Rule documentation](${docsUrl(finding.rule)})`);
  return parts.join('\n\n');
}

/** Markdown punctuation in messages and quotes is text, not markup. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
