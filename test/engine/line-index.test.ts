import * as assert from 'assert';
import { LineIndex } from '../../server/src/model/text';

/** Line starts found by a regular expression, to check LineIndex's own scan against. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index! + m[0].length);
  return starts;
}

describe('LineIndex', () => {
  // Texts of letters and every kind of line break, including a "\r\n" split across pieces.
  const pieces = ['a', 'bc', '\n', '\r', '\r\n', '\n\n', ' '];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const texts = ['', 'a', '\n', '\r', '\r\n', 'a\r\n\rb\n'];
  for (let i = 0; i < 200; i++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
    texts.push(text);
  }
  texts.push('x\n'.repeat(5000)); // more lines than the first guess at the count

  it('maps every offset of texts with "\\n", "\\r\\n" and lone "\\r" breaks to its line and back', () => {
    for (const text of texts) {
      const starts = lineStarts(text);
      const index = new LineIndex(text);
      const label = JSON.stringify(text.slice(0, 60));
      assert.strictEqual(index.lineCount, starts.length, label);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        const clamped = Math.max(0, Math.min(offset, text.length));
        const line = starts.filter((s) => s <= clamped).length - 1;
        assert.deepStrictEqual(index.positionAt(offset), { line, character: clamped - starts[line] }, `${label} @${offset}`);
      }
      starts.forEach((start, line) => {
        const next = line + 1 < starts.length ? starts[line + 1] : text.length;
        const end = start + text.slice(start, next).replace(/(\r\n|\r|\n)$/, '').length;
        assert.strictEqual(index.lineStart(line), start, `${label} line ${line}`);
        assert.strictEqual(index.lineEnd(line), end, `${label} line ${line}`);
        assert.strictEqual(index.offsetAt({ line, character: 1e9 }), end, `${label} line ${line}`);
      });
    }
  });

  it('after a change, is the index of the new text: kept before it, scanned across it, moved after it', () => {
    // Edits of every size, many of them splitting or joining a "\r\n", applied one after another.
    const inserted = ['', 'x', '\n', '\r', '\r\n', '\n\r', 'a\nb\r\nc', '\r\r\n\n'];
    for (let round = 0; round < 40; round++) {
      let text = texts[Math.floor(random() * texts.length)];
      let index = new LineIndex(text);
      for (let edit = 0; edit < 25; edit++) {
        const start = Math.floor(random() * (text.length + 1));
        const oldEnd = start + Math.floor(random() * Math.min(4, text.length - start + 1));
        const newText = inserted[Math.floor(random() * inserted.length)];
        const next = text.slice(0, start) + newText + text.slice(oldEnd);
        index = index.afterChange(next, { start, oldEnd, newEnd: start + newText.length });
        text = next;
        const label = `${JSON.stringify(text.slice(0, 60))} after ${JSON.stringify(newText)} at ${start}`;
        assert.strictEqual(index.lineCount, lineStarts(text).length, label);
        lineStarts(text).forEach((start, line) => assert.strictEqual(index.lineStart(line), start, `${label} line ${line}`));
      }
    }
  });
});
