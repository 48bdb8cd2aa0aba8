import * as assert from 'assert';
import { applyAndCheck, brief, covered, lint, only } from '../helpers';

const HEAD = ['license: Public Domain', 'update_frequency: Monthly', 'category: Education', 'agency: State Department of Education', 'contact_email: a@example.gov'];

/** The prose findings left, as [line, rule]. */
function prose(lines: string[]): Array<[number, string]> {
  const text = [...HEAD, ...lines, ''].join('\n');
  return lint(text)
    .filter((f) => ['acronym', 'plain-language', 'person-centered'].includes(f.rule))
    .map((f) => [f.range.start.line, f.rule]);
}

describe('inline directives', () => {
  it('without directives every finding is there', () => {
    assert.deepStrictEqual(prose(['title: DCF inmates', 'description: We utilize DCF data.']), [
      [5, 'acronym'],
      [5, 'person-centered'],
      [6, 'plain-language'],
      [6, 'acronym'],
    ]);
  });

  it('plainmeta-disable-next-line RULE silences that rule on the next line only', () => {
    assert.deepStrictEqual(prose(['# plainmeta-disable-next-line acronym', 'title: DCF inmates', 'description: We utilize DCF data.']), [
      [6, 'person-centered'],
      [7, 'plain-language'],
      [7, 'acronym'],
    ]);
  });

  it('plainmeta-disable-next-line with several rules, and with none', () => {
    assert.deepStrictEqual(prose(['# plainmeta-disable-next-line acronym, person-centered', 'title: DCF inmates', 'description: We utilize DCF data.']), [
      [7, 'plain-language'],
      [7, 'acronym'],
    ]);
    assert.deepStrictEqual(prose(['# plainmeta-disable-next-line', 'title: DCF inmates', 'description: We utilize DCF data.']), [
      [7, 'plain-language'],
      [7, 'acronym'],
    ]);
  });

  it('plainmeta-disable RULE silences the rest of the file until plainmeta-enable', () => {
    const lines = ['title: DCF inmates', '# plainmeta-disable acronym', 'description: We utilize DCF data.', 'limitations: DCF only.', '# plainmeta-enable acronym', 'row_label: One DCF office'];
    assert.deepStrictEqual(prose(lines), [
      [5, 'acronym'],
      [5, 'person-centered'],
      [7, 'plain-language'],
      [10, 'acronym'],
    ]);
  });

  it('plainmeta-disable with no rule silences every rule, to the end without an enable', () => {
    assert.deepStrictEqual(prose(['title: DCF inmates', '# plainmeta-disable', 'description: We utilize DCF data.', 'limitations: Inmates only.']), [
      [5, 'acronym'],
      [5, 'person-centered'],
    ]);
  });

  it('works inside a column list and as a trailing comment', () => {
    const lines = ['title: Counts', 'columns:', '  - name: a', '    # plainmeta-disable-next-line person-centered', '    description: Inmates held.', '  - name: b', '    description: Inmates held.', '  - name: c # plainmeta-disable-next-line', '    description: Inmates held.'];
    assert.deepStrictEqual(prose(lines), [[11, 'person-centered']]);
  });

  it('is only read from comments, never from text that looks like one', () => {
    assert.deepStrictEqual(prose(['title: "# plainmeta-disable-next-line"', 'description: DCF data.']), [[6, 'acronym']]);
  });
});

describe('directives naming a rule or directive plainmeta does not know', () => {
  const RULE_LIST = 'required-field, invalid-value, undocumented-column, missing-column, acronym, plain-language, person-centered, style, readability, title-year, date-column, privacy-identifier';
  const fileOf = (lines: string[]) => [...HEAD, ...lines, ''].join('\n');
  const problems = (text: string) => only(lint(text), 'directive-error');

  it('reports a misspelt rule at its exact place, suggests the near rule, and the fix makes the comment work', () => {
    const text = fileOf(['# plainmeta-disable-next-line acronyn', 'title: DCF inmates']);
    const [problem, ...others] = problems(text);
    assert.deepStrictEqual(others, []);
    assert.deepStrictEqual(brief(problem), { rule: 'directive-error', range: [5, 30, 5, 37], message: 'plainmeta has no rule "acronyn", so this comment silences nothing for it. Did you mean "acronym"?' });
    assert.strictEqual(covered(text, problem), 'acronyn');
    assert.strictEqual(problem.severity, 'error');
    assert.deepStrictEqual(problem.data, { rule: 'acronyn', suggestion: 'acronym' });
    assert.deepStrictEqual(
      problem.fixes.map((f) => [f.title, f.safe]),
      [['Change to "acronym"', false]],
    );
    // Until then the finding the steward meant to silence is still there.
    assert.deepStrictEqual(brief(only(lint(text), 'acronym')[0]).range, [6, 7, 6, 10]);
    const fixed = applyAndCheck(text, problem, problem.fixes[0]);
    assert.strictEqual(fixed, fileOf(['# plainmeta-disable-next-line acronym', 'title: DCF inmates']));
    assert.deepStrictEqual(problems(fixed), []);
    assert.deepStrictEqual(only(lint(fixed), 'acronym'), []);
  });

  it('suggests the rule written in another case, and lists the rules when none is near', () => {
    const text = fileOf(['# plainmeta-disable-next-line Person-Centered,no-such-rule', 'title: Inmates']);
    const found = problems(text);
    assert.deepStrictEqual(found.map(brief), [
      { rule: 'directive-error', range: [5, 30, 5, 45], message: 'plainmeta has no rule "Person-Centered", so this comment silences nothing for it. Did you mean "person-centered"?' },
      { rule: 'directive-error', range: [5, 46, 5, 58], message: `plainmeta has no rule "no-such-rule", so this comment silences nothing for it. Its rules are ${RULE_LIST}.` },
    ]);
    assert.deepStrictEqual(found[1].fixes, []);
    assert.deepStrictEqual(found[1].data, { rule: 'no-such-rule' });
    assert.strictEqual(applyAndCheck(text, found[0], found[0].fixes[0]), fileOf(['# plainmeta-disable-next-line person-centered,no-such-rule', 'title: Inmates']));
  });

  it('says what an unknown rule in plainmeta-enable does not do', () => {
    const text = fileOf(['# plainmeta-disable acronym', 'title: DCF', '# plainmeta-enable acronymm']);
    assert.deepStrictEqual(problems(text).map(brief), [
      { rule: 'directive-error', range: [7, 19, 7, 27], message: 'plainmeta has no rule "acronymm", so this comment turns nothing back on for it. Did you mean "acronym"?' },
    ]);
  });

  it('takes a name an object has by inheritance (toString, constructor) for an unknown rule, not an engine finding', () => {
    const text = fileOf(['# plainmeta-disable-next-line toString constructor', 'title: Inmates']);
    assert.deepStrictEqual(problems(text).map(brief), [
      { rule: 'directive-error', range: [5, 30, 5, 38], message: `plainmeta has no rule "toString", so this comment silences nothing for it. Its rules are ${RULE_LIST}.` },
      { rule: 'directive-error', range: [5, 39, 5, 50], message: `plainmeta has no rule "constructor", so this comment silences nothing for it. Its rules are ${RULE_LIST}.` },
    ]);
  });

  it('says that an engine finding cannot be silenced, without a fix', () => {
    const text = fileOf(['title: Counts # plainmeta-disable-next-line parse-error']);
    const [problem] = problems(text);
    assert.deepStrictEqual(brief(problem), { rule: 'directive-error', range: [5, 44, 5, 55], message: '"parse-error" is reported by plainmeta itself, not by a rule, so no comment can silence it.' });
    assert.deepStrictEqual(problem.fixes, []);
  });

  it('reports a misspelt directive whole, and it silences nothing (it used to silence the rest of the file)', () => {
    const text = fileOf(['title: DCF counts # plainmeta-disable-line acronym', 'description: DCF data.']);
    const found = problems(text);
    assert.deepStrictEqual(found.map(brief), [
      {
        rule: 'directive-error',
        range: [5, 20, 5, 42],
        message: 'plainmeta has no directive "plainmeta-disable-line", so this comment does nothing. Its directives are plainmeta-disable-next-line, plainmeta-disable and plainmeta-enable.',
      },
    ]);
    assert.deepStrictEqual(found[0].fixes, []);
    assert.deepStrictEqual(only(lint(text), 'acronym').map((f) => f.range.start.line), [5, 6]);
  });

  it('suggests the directive a near spelling means, and the fix makes it work', () => {
    const text = fileOf(['  # Plainmeta-disable-nextline', 'title: DCF counts']);
    const [problem] = problems(text);
    assert.deepStrictEqual(brief(problem), {
      rule: 'directive-error',
      range: [5, 4, 5, 30],
      message: 'plainmeta has no directive "Plainmeta-disable-nextline", so this comment does nothing. Did you mean "plainmeta-disable-next-line"?',
    });
    const fixed = applyAndCheck(text, problem, problem.fixes[0]);
    assert.strictEqual(fixed, fileOf(['  # plainmeta-disable-next-line', 'title: DCF counts']));
    assert.deepStrictEqual(lint(fixed).filter((f) => f.range.start.line === 6), []);
  });

  it('reads a reason after " -- " as a reason, not as rule names', () => {
    assert.deepStrictEqual(problems(fileOf(['# plainmeta-disable-next-line acronym -- DCF is defined on the portal', 'title: DCF inmates'])), []);
    assert.deepStrictEqual(prose(['# plainmeta-disable-next-line acronym -- DCF is defined on the portal', 'title: DCF inmates']), [[6, 'person-centered']]);
    // With no rule before it, the comment silences every rule, as without a reason.
    assert.deepStrictEqual(prose(['# plainmeta-disable-next-line -- generated title', 'title: DCF inmates']), []);
    // A word that only contains "--" is a (wrong) rule name.
    assert.deepStrictEqual(problems(fileOf(['# plainmeta-disable-next-line acronym--why', 'title: DCF'])).map((f) => f.data), [{ rule: 'acronym--why' }]);
  });

  it('reads a note after " #" as a reason too, as a YAML writer adds one', () => {
    assert.deepStrictEqual(problems(fileOf(['# plainmeta-disable-next-line acronym # DCF is defined on the portal', 'title: DCF inmates'])), []);
    assert.deepStrictEqual(prose(['# plainmeta-disable-next-line acronym # DCF is defined on the portal', 'title: DCF inmates']), [[6, 'person-centered']]);
    assert.deepStrictEqual(prose(['# plainmeta-disable-next-line acronym, person-centered #why', 'title: DCF inmates']), []);
  });

  it('leaves comments that only mention plainmeta alone', () => {
    assert.deepStrictEqual(problems(fileOf(['# checked by plainmeta-disable-next-line', '# plainmeta: see the docs', 'title: Counts'])), []);
  });
});
