import * as assert from 'assert';
import { dictionary } from '../../bench/generate';
import { DocumentLinter } from '../../server/src/engine/document';
import { LintResult, lintInSteps, LintStep, lintText, MAX_FINDINGS_PER_RULE, READ_STEPS } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/rules';
import { Pauses, PROSE_STEP_CHARS } from '../../server/src/rules/rule';

/** Every step of a lint, and what it gave. */
function steps(lint: Generator<LintStep, LintResult>): { steps: LintStep[]; result: LintResult } {
  const seen: LintStep[] = [];
  for (;;) {
    const next = lint.next();
    if (next.done) return { steps: seen, result: next.value };
    seen.push(next.value);
  }
}

/** The steps a rule took part way through its walk ("rule style: 40%"). */
const partsOf = (seen: LintStep[], id: string) => seen.filter((s) => s.done.startsWith(`rule ${id}: `));

describe('a rule walking many fields or columns pauses part way', function () {
  this.timeout(60_000);
  const total = RULES.length + READ_STEPS;
  const PATH = 'bench.dictionary.yaml';
  // About 600 KB of prose in some 8,000 columns: several pauses for each prose rule.
  const text = dictionary(1e6);

  it('pauses several times in each prose rule, the progress moving through its share and never back, and finds what lintText finds', () => {
    const { steps: seen, result } = steps(lintInSteps(text, { path: PATH }));
    for (const id of ['acronym', 'plain-language', 'person-centered', 'style']) {
      const index = RULES.findIndex((r) => r.meta.id === id);
      const parts = partsOf(seen, id);
      assert.ok(parts.length >= 3, `${id}: ${parts.length} pauses`);
      for (const part of parts) {
        assert.match(part.done, new RegExp(`^rule ${id}: \\d{1,3}%$`));
        // Within the rule's own count: from the rule before it's end, before its own end.
        assert.ok(part.total === total && part.count >= READ_STEPS + index && part.count < READ_STEPS + index + 1, JSON.stringify(part));
        assert.strictEqual(part.done, `rule ${id}: ${Math.round(100 * (part.count - READ_STEPS - index))}%`);
      }
    }
    // The first prose rule finds the file's prose fields, for all of them, pausing before its walk begins.
    const finding = partsOf(seen, 'acronym').filter((s) => s.done === 'rule acronym: 0%');
    assert.ok(finding.length >= 3, JSON.stringify(finding));
    assert.deepStrictEqual(seen.filter((s) => s.done.endsWith(': 0%')), finding);
    assert.ok(seen.every((s, i) => i === 0 || s.count >= seen[i - 1].count), 'the progress never goes back');
    // Each rule still ends with its own step, as before it paused part way.
    assert.deepStrictEqual(
      seen.filter((s) => /^rule [\w-]+$/.test(s.done)).map((s) => [s.done, s.count]),
      RULES.slice(0, -1).map((rule, i) => [`rule ${rule.meta.id}`, READ_STEPS + i + 1]),
    );

    const whole = lintText(text, { path: PATH });
    assert.deepStrictEqual(result.findings, whole.findings);
    assert.deepStrictEqual(result.columns, whole.columns);
    // The cap holds across the pauses: the shown findings of a rule, and one more counting the rest.
    const acronyms = result.findings.filter((f) => f.rule === 'acronym');
    assert.strictEqual(acronyms.length, MAX_FINDINGS_PER_RULE + 1);
    assert.match(acronyms.find((f) => f.data.hidden !== undefined)!.message, /^… and [\d,]+ more acronym findings not shown\.$/);
  });

  it('pauses at the same places every time: by the prose read, not by the clock', () => {
    const first = steps(lintInSteps(text, { path: PATH })).steps.map((s) => s.done);
    const second = steps(lintInSteps(text, { path: PATH })).steps.map((s) => s.done);
    assert.deepStrictEqual(second, first);
  });

  it('pauses in a re-lint of a document too, which finds what a fresh lint finds after the edit', () => {
    const linter = new DocumentLinter({ path: PATH });
    linter.lint(text);
    // An edit outside any column: every rule reads the whole file again.
    const edited = text.replace(/^title: .*$/m, 'title: Placements of DCF children');
    assert.notStrictEqual(edited, text);
    const { steps: seen, result } = steps(linter.lintInSteps(edited));
    assert.ok(partsOf(seen, 'style').length >= 3, JSON.stringify(seen.map((s) => s.done)));
    assert.deepStrictEqual(result.findings, lintText(edited, { path: PATH }).findings);
  });

  it('pauses every 5,000 columns in the rules that walk the columns, and in counting the documented ones', () => {
    // 12,000 columns, every seventh without a description, none holding a date.
    const columns = Array.from({ length: 12_000 }, (_, i) => `  - name: count_${i}\n` + (i % 7 === 0 ? '' : `    description: Number of visits in group ${i}.\n`));
    const wide = `title: Visits\ndescription: Visits by group.\ncolumns:\n${columns.join('')}`;
    const { steps: seen, result } = steps(lintInSteps(wide, { path: PATH }));
    for (const id of ['undocumented-column', 'date-column', 'privacy-identifier']) {
      assert.deepStrictEqual(partsOf(seen, id).map((s) => s.done), [`rule ${id}: 42%`, `rule ${id}: 83%`]);
    }
    const counted = seen.filter((s) => s.done.startsWith('counted '));
    assert.deepStrictEqual(counted, [
      { done: 'counted 5,000 of 12,000 columns', count: total, total },
      { done: 'counted 10,000 of 12,000 columns', count: total, total },
    ]);
    assert.ok(seen.every((s, i) => i === 0 || s.count >= seen[i - 1].count), 'the progress never goes back');
    assert.deepStrictEqual(result.columns, { total: 12_000, documented: 12_000 - 1715 });
    const whole = lintText(wide, { path: PATH });
    assert.deepStrictEqual(result.findings, whole.findings);
    assert.deepStrictEqual(result.columns, whole.columns);
    assert.strictEqual(result.findings.filter((f) => f.rule === 'undocumented-column').length, 1715);
  });

  it('counts the work between pauses: a pause once it reaches a step, never after the last item', () => {
    const pauses = new Pauses(5, PROSE_STEP_CHARS);
    const shares = [PROSE_STEP_CHARS - 1, 1, PROSE_STEP_CHARS / 2, PROSE_STEP_CHARS, PROSE_STEP_CHARS].map((work, i) => pauses.after(i, work));
    assert.deepStrictEqual(shares, [undefined, 2 / 5, undefined, 4 / 5, undefined]);
  });
});
