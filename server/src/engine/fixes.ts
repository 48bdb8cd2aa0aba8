import { TextEdit } from '../model/text';
import { Fix } from '../rules/rule';
import { finish, LintStep } from './lint';
import { mapSteps } from '../formats/steps';

/** Applies non-overlapping edits; throws if two overlap, since that would be a rule bug. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

function overlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  // Two insertions at the same point also conflict: their order would be arbitrary.
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end || x.start === y.start));
}

/** The fixes to apply in one pass: each finding's only safe fix, skipping any that overlap. */
export function chooseSafeFixes(findings: ReadonlyArray<{ fixes: readonly Fix[] }>): Fix[] {
  const chosen: Fix[] = [];
  for (const finding of findings) {
    const safe = finding.fixes.filter((f) => f.safe);
    if (safe.length !== 1) continue;
    if (chosen.some((c) => overlap(c.edits, safe[0].edits))) continue;
    chosen.push(safe[0]);
  }
  return chosen;
}

/** What a fix-all just did: a step of the lint of its pass (counted from 0), of at most `maxPasses`. */
export interface FixAllStep extends LintStep {
  pass: number;
  maxPasses: number;
}

type FindingsWithFixes = ReadonlyArray<{ fixes: readonly Fix[] }>;

/**
 * Applies safe fixes until none are left, re-linting between passes because one fix can make
 * another unnecessary (defining an acronym once covers its later uses). Bounded, like ESLint's.
 */
export function fixAll(text: string, lint: (text: string) => FindingsWithFixes, maxPasses = 10): { text: string; applied: number } {
  // A lint of no steps: the passes then run straight through, as they always did.
  return finish(fixAllInSteps(text, function* (t) {
    return lint(t);
  }, maxPasses));
}

/**
 * As fixAll, each pass's lint one step at a time (see lintInSteps), so that a language server can
 * answer other requests between steps and stop when the edit is no longer wanted. `findings`,
 * when the caller already has those of `text`, stand for the first pass's lint.
 */
export function* fixAllInSteps(
  text: string,
  lintInSteps: (text: string) => Generator<LintStep, FindingsWithFixes>,
  maxPasses = 10,
  findings?: FindingsWithFixes,
): Generator<FixAllStep, { text: string; applied: number }> {
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const found = pass === 0 && findings ? findings : yield* mapSteps(lintInSteps(text), (step): FixAllStep => ({ ...step, pass, maxPasses }));
    const fixes = chooseSafeFixes(found);
    if (fixes.length === 0) break;
    text = applyEdits(text, fixes.flatMap((f) => f.edits));
    applied += fixes.length;
  }
  return { text, applied };
}

