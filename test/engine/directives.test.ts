import * as assert from 'assert';
import { lint } from '../helpers';

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
