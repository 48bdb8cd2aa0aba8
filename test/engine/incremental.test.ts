import * as assert from 'assert';
import { dictionary, seededRandom } from '../../bench/generate';
import { changeBetween, DocumentLinter } from '../../server/src/engine/document';
import { finish, lintText, LintResult } from '../../server/src/engine/lint';

const PATH = 'edited.dictionary.yaml';

/** Everything a lint says, without the model objects it came from. */
function said(result: LintResult) {
  return { findings: result.findings.map((f) => ({ ...f })), columns: result.columns };
}

/** Characters that change YAML structure as well as prose: quotes, colons, dashes, line breaks, comments. */
const TYPED = ['x', 'E', ' ', ':', ': ', '\n', '\n    ', '\n  - ', '"', "'", '#', ' # note', '-', '|', '>', 'DCF', 'utilize', 'the handicapped', '{', '&', '\t'];

describe('incremental re-reading (DocumentLinter)', () => {
  it('finds the single edit between two texts', () => {
    assert.deepStrictEqual(changeBetween('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepStrictEqual(changeBetween('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepStrictEqual(changeBetween('abc', 'abc'), undefined);
  });

  it('re-reads only the edited column for an edit inside one entry, with the same findings as a full lint', () => {
    const text = dictionary(20e3);
    const linter = new DocumentLinter({ path: PATH });
    linter.lint(text);
    const at = text.indexOf('description:', text.length / 2) + 'description: '.length + 3;
    const edited = text.slice(0, at) + 'the handicapped ' + text.slice(at);
    const incremental = linter.lint(edited);
    assert.strictEqual(linter.lastRead, 'incremental');
    assert.deepStrictEqual(said(incremental), said(lintText(edited, { path: PATH })));
    assert.ok(incremental.findings.some((f) => f.rule === 'person-centered' && edited.slice(f.span.start, f.span.end) === 'handicapped'));
  });

  it('keeps nothing of a lint that is not to be remembered: the next one reads the file whole, with the same findings', () => {
    const text = dictionary(20e3);
    const linter = new DocumentLinter({ path: PATH });
    linter.lint(text);
    const at = text.indexOf('description:', text.length / 2) + 'description: '.length + 3;
    const edited = text.slice(0, at) + 'the handicapped ' + text.slice(at);
    const once = finish(linter.lintInSteps(edited, undefined, false));
    assert.strictEqual(linter.lastRead, 'whole');
    assert.deepStrictEqual(said(once), said(lintText(edited, { path: PATH })));
    // Nothing of the lint before is left to reuse either.
    const again = linter.lint(text);
    assert.strictEqual(linter.lastRead, 'whole');
    assert.deepStrictEqual(said(again), said(lintText(text, { path: PATH })));
  });

  it('gives exactly a full lint\'s findings after 300 random edits, most of them read incrementally', function () {
    // 600 lints: about 8 s of CPU, and several times that on a loaded machine. The limit guards
    // against a hang, not against slowness.
    this.timeout(180_000);
    const random = seededRandom(6);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    let text = dictionary(12e3);
    const linter = new DocumentLinter({ path: PATH });
    linter.lint(text);
    let incremental = 0;
    for (let step = 0; step < 300; step++) {
      // Mostly inside descriptions, where people type; sometimes anywhere at all.
      const description = text.indexOf('description:', Math.floor(random() * text.length));
      const at = random() < 0.7 && description >= 0 ? description + 13 + Math.floor(random() * 30) : Math.floor(random() * text.length);
      const removed = random() < 0.4 ? Math.floor(random() * 12) : 0;
      const typed = random() < 0.8 ? pick(TYPED) : '';
      const next = text.slice(0, at) + typed + text.slice(at + removed);
      const result = linter.lint(next);
      if (linter.lastRead === 'incremental') incremental++;
      assert.deepStrictEqual(said(result), said(lintText(next, { path: PATH })), `after edit ${step} at ${at}: ${JSON.stringify(typed)} replacing ${removed}`);
      // Keep about half of the edits that leave the file valid, so later edits build on earlier
      // ones; undo the rest, as people do.
      if (random() < 0.5 && result.file?.problems.length === 0) text = next;
      else linter.lint(text);
    }
    assert.ok(incremental > 100, `only ${incremental} of 300 edits were read incrementally`);
  });
});
