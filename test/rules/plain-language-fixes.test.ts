import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { applyAndCheck, brief, lint, only } from '../helpers';

const SOURCE = 'plainlanguage.gov, Use simple words and phrases';

describe('rule: plain-language', () => {
  it('replaces "utilize" with "use", safely', () => {
    const text = 'description: Agencies utilize the data.\n';
    const [f] = only(lint(text), 'plain-language');
    assert.deepStrictEqual(brief(f), { rule: 'plain-language', range: [0, 22, 0, 29], message: '"utilize" has a plainer alternative: "use".' });
    assert.deepStrictEqual(f.data, { term: 'utilize', suggestions: ['use'], source: SOURCE });
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Replace with "use"', true]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), 'description: Agencies use the data.\n');
  });

  it('replaces phrases, keeping a capital at the start of a sentence', () => {
    const text = 'description: Prior to 2010 we counted by hand. Utilization grew in order to save time.\n';
    const findings = only(lint(text), 'plain-language');
    assert.deepStrictEqual(findings.map((f) => [brief(f).range, f.data.term, f.data.suggestions]), [
      [[0, 13, 0, 21], 'Prior to', ['Before']],
      [[0, 47, 0, 58], 'Utilization', ['Use']],
      [[0, 64, 0, 75], 'in order to', ['to']],
    ]);
    assert.strictEqual(applyAndCheck(text, findings[0], findings[0].fixes[0]), text.replace('Prior to', 'Before'));
    assert.strictEqual(applyAndCheck(text, findings[1], findings[1].fixes[0]), text.replace('Utilization', 'Use'));
    assert.strictEqual(applyAndCheck(text, findings[2], findings[2].fixes[0]), text.replace('in order to', 'to'));
  });

  it('offers each choice when there are several, none of them automatic', () => {
    const text = 'description: Counting will commence in May.\n';
    const [f] = only(lint(text), 'plain-language');
    assert.deepStrictEqual(f.data.suggestions, ['begin', 'start']);
    assert.strictEqual(f.message, '"commence" has a plainer alternative: "begin" or "start".');
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [['Replace with "begin"', false], ['Replace with "start"', false]]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[1]), 'description: Counting will start in May.\n');
  });

  it('never reads keys, names or vocabulary fields, and honours the project allow list', () => {
    const text = ['title: Meals', 'agency: Utilize Agency', 'columns:', '  - name: utilize', '    description: Meals served.', ''].join('\n');
    assert.deepStrictEqual(only(lint(text), 'plain-language'), []);
    const config = resolveConfig({ terms: { allow: ['utilize'] } });
    assert.deepStrictEqual(only(lint('title: We utilize it\n', { config }), 'plain-language'), []);
  });

  it('removing words takes along the punctuation that set them off, and capitalises a new sentence start', () => {
    const first = (text: string, index: number): string => {
      const [f] = only(lint(text), 'plain-language');
      assert.strictEqual(f.fixes[index].title.startsWith('Remove'), true, f.fixes[index].title);
      return applyAndCheck(text, f, f.fixes[index]);
    };
    assert.strictEqual(first('description: Going forward, counts are updated monthly.\n', 1), 'description: Counts are updated monthly.\n');
    assert.strictEqual(first('description: Data are final. Going forward counts are monthly.\n', 1), 'description: Data are final. Counts are monthly.\n');
    assert.strictEqual(first('description: Counts, going forward, are updated monthly.\n', 1), 'description: Counts are updated monthly.\n');
    assert.strictEqual(first('description: Counts are updated going forward.\n', 1), 'description: Counts are updated.\n');
    assert.strictEqual(first('description: Inter alia, the file lists arrests.\n', 0), 'description: The file lists arrests.\n');
    assert.strictEqual(first('description: Please be advised that counts are provisional.\n', 0), 'description: Counts are provisional.\n');
    assert.strictEqual(first('description: "Note: going forward, counts are monthly."\n', 1), 'description: "Note: counts are monthly."\n');
    assert.strictEqual(first('description: Counts are monthly (going forward), by town.\n', 1), 'description: Counts are monthly, by town.\n');
  });

  it('reads the article and determiner around a replacement: "the said data", "a sufficient number of", "a using"', () => {
    const said = 'description: The said data are provisional.\n';
    const [f] = only(lint(said), 'plain-language');
    assert.deepStrictEqual(brief(f).range, [0, 13, 0, 26]);
    assert.strictEqual(applyAndCheck(said, f, f.fixes[0]), 'description: The data are provisional.\n');
    const enough = 'description: A sufficient number of rows.\n';
    const [h] = only(lint(enough), 'plain-language');
    assert.strictEqual(applyAndCheck(enough, h, h.fixes[0]), 'description: Enough rows.\n');
    const using = 'description: A utilizing agency reports each year.\n';
    const [g] = only(lint(using), 'plain-language');
    assert.strictEqual(applyAndCheck(using, g, g.fixes[0]), 'description: A using agency reports each year.\n');
  });
});

