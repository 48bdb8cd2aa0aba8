import { Comment } from '../model/dataset';
import { LineIndex, Span } from '../model/text';
import { RULE_IDS, RULES } from '../rules';
import { Fix } from '../rules/rule';
import { distance } from '../rules/vocabulary';
import { ENGINE_FINDINGS } from './findings';

const KINDS = ['disable-next-line', 'disable', 'enable'] as const;
type Kind = (typeof KINDS)[number];

/**
 * A directive comment naming a rule or directive plainmeta does not know: reported, because the
 * person who wrote it believes something is silenced that is not.
 */
export interface DirectiveProblem {
  span: Span;
  message: string;
  data: Record<string, unknown>;
  fixes: Fix[];
}

// The directive's name runs to the first space or comma, so that a misspelt one is seen whole
// ("plainmeta-disable-line", not "plainmeta-disable" followed by a rule "-line").
const DIRECTIVE = /^(\s*#\s*)(plainmeta-[^\s,]*)/i;

/**
 * `# plainmeta-disable-next-line RULE…` silences the next line; `# plainmeta-disable RULE…`
 * silences the rest of the file and `# plainmeta-enable RULE…` ends that. No rule means all rules.
 * Rules are separated by spaces or commas; ` -- ` or ` #` ends them, and a reason may follow.
 */
export class Directives {
  private readonly nextLine = new Map<number, Set<string> | 'all'>();
  private readonly regions: Array<{ fromLine: number; toLine: number; rules: Set<string> | 'all' }> = [];
  /** Unknown directives and rule names, in file order. */
  readonly problems: DirectiveProblem[] = [];

  constructor(
    comments: readonly Comment[],
    private readonly lines: LineIndex,
  ) {
    const open: Array<{ fromLine: number; rules: Set<string> | 'all' }> = [];
    for (const comment of comments) {
      const m = DIRECTIVE.exec(comment.text);
      if (!m) continue;
      const nameStart = comment.span.start + m[1].length;
      const kind = KINDS.find((k) => m[2] === `plainmeta-${k}`);
      if (!kind) {
        this.problems.push(unknownDirective(m[2], nameStart));
        continue;
      }
      const names: string[] = [];
      // As in ESLint, a reason may follow the rules after " -- "; after " #" too, which is how a
      // YAML writer adds a note to a line ("# plainmeta-disable acronym # defined on the portal").
      const rest = comment.text.slice(m[0].length).split(/(?:^|\s)(?:--(?:\s|$)|#)/)[0];
      for (const name of rest.matchAll(/[^\s,]+/g)) {
        names.push(name[0]);
        if (!RULE_IDS.has(name[0])) this.problems.push(unknownRule(name[0], kind, nameStart + m[2].length + name.index!));
      }
      const rules: Set<string> | 'all' = names.length ? new Set(names) : 'all';
      const line = lines.positionAt(comment.span.start).line;
      if (kind === 'disable-next-line') {
        this.nextLine.set(line + 1, merge(this.nextLine.get(line + 1), rules));
      } else if (kind === 'disable') {
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

function unknownDirective(written: string, start: number): DirectiveProblem {
  const known = KINDS.map((k) => `plainmeta-${k}`);
  const suggestion = closest(written, known);
  const list = `${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}`;
  const message = `plainmeta has no directive "${written}", so this comment does nothing. ${suggestion ? `Did you mean "${suggestion}"?` : `Its directives are ${list}.`}`;
  return problem(start, written, message, { directive: written }, suggestion);
}

function unknownRule(name: string, kind: Kind, start: number): DirectiveProblem {
  if (Object.prototype.hasOwnProperty.call(ENGINE_FINDINGS, name)) {
    return problem(start, name, `"${name}" is reported by plainmeta itself, not by a rule, so no comment can silence it.`, { rule: name }, undefined);
  }
  const suggestion = closest(name, [...RULE_IDS]);
  const effect = kind === 'enable' ? 'turns nothing back on' : 'silences nothing';
  const known = RULES.map((r) => r.meta.id).join(', ');
  const message = `plainmeta has no rule "${name}", so this comment ${effect} for it. ${suggestion ? `Did you mean "${suggestion}"?` : `Its rules are ${known}.`}`;
  return problem(start, name, message, { rule: name }, suggestion);
}

/**
 * The finding, with the suggestion as a fix. Not a safe one: a corrected name silences findings,
 * and what to silence is for a person to choose, never for fix-all or fix on save.
 */
function problem(start: number, written: string, message: string, data: Record<string, unknown>, suggestion: string | undefined): DirectiveProblem {
  const span = { start, end: start + written.length };
  const fixes = suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ ...span, newText: suggestion }], safe: false }] : [];
  return { span, message, data: suggestion ? { ...data, suggestion } : data, fixes };
}

/**
 * The one known name closest to what was written (ignoring case), if it is close enough to be a
 * slip of the keyboard: within a third of its length, at least 2. None when two are as close.
 */
function closest(written: string, known: readonly string[]): string | undefined {
  const scored = known.map((k) => ({ k, d: distance(written.toLowerCase(), k) })).filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 3)));
  const best = Math.min(...scored.map((s) => s.d));
  const at = scored.filter((s) => s.d === best);
  return at.length === 1 ? at[0].k : undefined;
}
