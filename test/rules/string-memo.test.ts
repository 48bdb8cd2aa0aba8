import * as assert from 'assert';
import { memoizeString } from '../../server/src/rules/string-memo';

describe('memoizeString', () => {
  it('computes each text once and holds at most `max` results, starting afresh when full', () => {
    const computed: string[] = [];
    const memo = memoizeString((s: string) => (computed.push(s), s.length), 3);
    assert.deepStrictEqual(['a', 'bb', 'a', 'ccc'].map(memo), [1, 2, 1, 3]);
    assert.strictEqual(memo.size, 3);
    assert.strictEqual(memo('dddd'), 4);
    assert.strictEqual(memo.size, 1);
    memo('a');
    assert.deepStrictEqual(computed, ['a', 'bb', 'ccc', 'dddd', 'a']);
    assert.strictEqual(memo.size, 2);
  });
});
