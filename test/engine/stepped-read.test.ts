import * as assert from 'assert';
import { dictionary } from '../../bench/generate';
import { LintResult, lintInSteps, LintStep, lintText, READ_STEPS } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/rules';

/** Every step of a lint, and what it gave. */
function steps(text: string, path: string): { steps: LintStep[]; result: LintResult } {
  const lint = lintInSteps(text, { path });
  const seen: LintStep[] = [];
  for (;;) {
    const next = lint.next();
    if (next.done) return { steps: seen, result: next.value };
    seen.push(next.value);
  }
}

describe('a lint reads a large file in steps', function () {
  this.timeout(60_000);
  const total = RULES.length + READ_STEPS;

  it('pauses several times while reading a large dictionary, saying how much it has read, and finds what lintText finds', () => {
    const text = dictionary(500_000);
    const { steps: seen, result } = steps(text, 'bench.dictionary.yaml');
    const readDone = seen.findIndex((s) => s.done === 'read the file');
    const reads = seen.slice(0, readDone);
    assert.ok(reads.length >= 4, `${reads.length} read steps before the rules: ${JSON.stringify(reads)}`);
    for (const step of reads) assert.match(step.done, /^read [1-4]\d\d of 500 KB$/);
    assert.ok(reads.every((s, i) => s.total === total && s.count > (i === 0 ? 0 : reads[i - 1].count) && s.count < READ_STEPS), JSON.stringify(reads));
    assert.deepStrictEqual(seen[readDone], { done: 'read the file', count: READ_STEPS, total });
    // Then a step at the end of each rule but the last, whose end is the lint's (the prose rules also pause part way: see rule-steps.test.ts).
    assert.deepStrictEqual(
      seen.slice(readDone + 1).filter((s) => !/^rule [\w-]+: \d+%$/.test(s.done)).map((s) => [s.done, s.count, s.total]),
      RULES.slice(0, -1).map((rule, i) => [`rule ${rule.meta.id}`, READ_STEPS + i + 1, total]),
    );

    const whole = lintText(text, { path: 'bench.dictionary.yaml' });
    assert.ok(whole.findings.length > 1000);
    assert.deepStrictEqual(result.findings, whole.findings);
    assert.deepStrictEqual(result.columns, whole.columns);
  });

  it('reads a format that cannot pause in one step', () => {
    const fields = Array.from({ length: 3000 }, (_, i) => `{"name": "column_${i}", "description": "Column ${i} of the table."}`);
    const text = `{"name": "large", "resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [${fields.join(', ')}]}}]}`;
    assert.ok(text.length > 200_000);
    const { steps: seen } = steps(text, 'datapackage.json');
    assert.deepStrictEqual(seen[0], { done: 'read the file', count: READ_STEPS, total });
  });
});
