import * as assert from 'assert';
import { parseJson, proseOfJsonString } from '../../server/src/formats/json/document';
import { parseTree } from 'jsonc-parser';

describe('JSON string source maps', () => {
  const text = '{"d": "caf\\u00e9 \\"A\\"\\n\\ud83d\\ude00 ok"}';
  const node = parseTree(text)!.children![0].children![1];
  const prose = proseOfJsonString(text, node);

  it('decodes escapes and maps each character to its source', () => {
    assert.strictEqual(prose.text, 'café "A"\n\ud83d\ude00 ok');
    assert.strictEqual(text.slice(prose.sourceSpan(3, 4).start, prose.sourceSpan(3, 4).end), '\\u00e9');
    assert.strictEqual(text.slice(prose.sourceSpan(5, 8).start, prose.sourceSpan(5, 8).end), '\\"A\\"');
    assert.strictEqual(text.slice(prose.sourceSpan(12, 14).start, prose.sourceSpan(12, 14).end), 'ok');
  });

  it('writes replacements with JSON escaping', () => {
    const edit = prose.replace(12, 14, 'say "hi"\\')!;
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    assert.strictEqual(JSON.parse(fixed).d, 'café "A"\n\ud83d\ude00 say "hi"\\');
  });

  it('reports syntax errors with positions and still reads what parsed', () => {
    const parsed = parseJson('{"title": "A",, "description": "B"}');
    assert.deepStrictEqual(parsed.problems.map((p) => [p.message, p.span.start]), [['JSON syntax: property name expected.', 14]]);
    assert.strictEqual(parsed.root?.type, 'object');
  });
});
