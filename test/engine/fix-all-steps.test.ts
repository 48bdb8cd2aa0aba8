import * as assert from 'assert';
import { dictionary } from '../../bench/generate';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { applyEdits, chooseSafeFixes, fixAll, FixAllStep, fixAllInSteps } from '../../server/src/engine/fixes';
import { finish, lintInSteps, lintText } from '../../server/src/engine/lint';
import { Fix } from '../../server/src/rules/rule';
import { yamlErrors } from '../helpers';

const PATH = 'placements.dictionary.yaml';
const lint = (text: string) => lintText(text, { path: PATH, config: DEFAULT_CONFIG }).findings;
const lintSteps = function* (text: string) {
  return (yield* lintInSteps(text, { path: PATH, config: DEFAULT_CONFIG })).findings;
};

/** fixAll as it was before it ran in steps: the reference its results must still equal. */
function fixAllAtOnce(text: string, lintAll: (text: string) => ReadonlyArray<{ fixes: readonly Fix[] }>): { text: string; applied: number } {
  let applied = 0;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = chooseSafeFixes(lintAll(text));
    if (fixes.length === 0) break;
    text = applyEdits(text, fixes.flatMap((f) => f.edits));
    applied += fixes.length;
  }
  return { text, applied };
}

/** Takes every step, keeping them. */
function stepsAndResult<T>(steps: Generator<FixAllStep, T>): { steps: FixAllStep[]; result: T } {
  const taken: FixAllStep[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { steps: taken, result: next.value };
    taken.push(next.value);
  }
}

describe('fix-all in steps (engine)', () => {
  // 100 KB of generated dictionary: hundreds of safe fixes, some found only once others are made.
  const text = dictionary(100_000);
  const reference = fixAllAtOnce(text, lint);

  it('fixAll gives what it gave before it ran in steps', () => {
    assert.strictEqual(reference.applied, 421);
    assert.deepStrictEqual(fixAll(text, lint), reference);
    assert.deepStrictEqual(yamlErrors(reference.text), []);
  });

  it('gives the same text step by step, each pass a lint in steps, the passes in order', () => {
    const { steps, result } = stepsAndResult(fixAllInSteps(text, lintSteps));
    assert.deepStrictEqual(result, reference);
    // Two passes (the second finds nothing left to fix), each a lint of 13 steps: reading the file
    // (one pause at 100,000 characters, then the rest; the read counts as three steps of 15), then
    // each rule but the last.
    assert.deepStrictEqual(steps.map((s) => s.pass), [...Array(13).fill(0), ...Array(13).fill(1)]);
    assert.ok(steps.every((s) => s.maxPasses === 10));
    assert.deepStrictEqual(steps.filter((s) => s.pass === 0).map((s) => [s.count, s.total]), [[3, 15], ...Array.from({ length: 12 }, (_, i) => [i + 3, 15])]);
    assert.deepStrictEqual(steps.filter((s) => s.pass === 0).map((s) => s.done).slice(0, 3), ['read 100 of 100 KB', 'read the file', 'rule required-field']);
  });

  it('takes the findings it is given for the first pass instead of linting the text again', () => {
    const { steps, result } = stepsAndResult(fixAllInSteps(text, lintSteps, 10, lint(text)));
    assert.deepStrictEqual(result, reference);
    assert.strictEqual(steps[0].pass, 1);
  });

  it('stops after the pass that finds nothing to fix, and at maxPasses', () => {
    const small = 'title: DCF Placements\nlicense: Public Domain\nupdate_frequency: Annually\ndescription: Placements made by DCF in order to find homes.\n';
    const { steps, result } = stepsAndResult(fixAllInSteps(small, lintSteps));
    assert.deepStrictEqual(result, {
      text: 'title: Department of Children and Families (DCF) Placements\nlicense: Public Domain\nupdate_frequency: Annually\ndescription: Placements made by DCF to find homes.\n',
      applied: 2,
    });
    assert.deepStrictEqual([...new Set(steps.map((s) => s.pass))], [0, 1]);
    assert.deepStrictEqual(finish(fixAllInSteps(small, lintSteps, 0)), { text: small, applied: 0 });
  });
});
