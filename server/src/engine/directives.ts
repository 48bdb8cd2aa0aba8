import { Comment } from '../model/dataset';
import { LineIndex } from '../model/text';

/**
 * `# plainmeta-disable-next-line RULE…` silences the next line; `# plainmeta-disable RULE…`
 * silences the rest of the file and `# plainmeta-enable RULE…` ends that. No rule means all rules.
 */
export class Directives {
  private readonly nextLine = new Map<number, Set<string> | 'all'>();
  private readonly regions: Array<{ fromLine: number; toLine: number; rules: Set<string> | 'all' }> = [];

  constructor(
    comments: readonly Comment[],
    private readonly lines: LineIndex,
  ) {
    const open: Array<{ fromLine: number; rules: Set<string> | 'all' }> = [];
    for (const comment of comments) {
      const m = /^#\s*plainmeta-(disable-next-line|disable|enable)\b(.*)$/.exec(comment.text.trim());
      if (!m) continue;
      const names = m[2].split(/[\s,]+/).filter(Boolean);
      const rules: Set<string> | 'all' = names.length ? new Set(names) : 'all';
      const line = lines.positionAt(comment.span.start).line;
      if (m[1] === 'disable-next-line') {
        this.nextLine.set(line + 1, merge(this.nextLine.get(line + 1), rules));
      } else if (m[1] === 'disable') {
        open.push({ fromLine: line, rules });
      } else {
        for (const region of open.splice(0)) {
          this.regions.push({ ...region, toLine: line });
          if (rules !== 'all' && region.rules !== 'all') {
            const rest = new Set([...region.rules].filter((r) => !rules.has(r)));
            if (rest.size) open.push({ fromLine: line, rules: rest });
          }
        }
      }
    }
    for (const region of open) this.regions.push({ ...region, toLine: Number.MAX_SAFE_INTEGER });
  }

  /** Whether the file has no directives at all. */
  get none(): boolean {
    return this.nextLine.size === 0 && this.regions.length === 0;
  }

  /** Whether a finding of the rule starting at this offset is silenced; cheap in a file without directives. */
  silences(rule: string, offset: number): boolean {
    if (this.none) return false;
    return this.isDisabled(rule, this.lines.positionAt(offset).line);
  }

  isDisabled(rule: string, line: number): boolean {
    const next = this.nextLine.get(line);
    if (next && (next === 'all' || next.has(rule))) return true;
    return this.regions.some((r) => line >= r.fromLine && line <= r.toLine && (r.rules === 'all' || r.rules.has(rule)));
  }
}

function merge(a: Set<string> | 'all' | undefined, b: Set<string> | 'all'): Set<string> | 'all' {
  if (!a) return b;
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}
