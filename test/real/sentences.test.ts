import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { lintText } from '../../server/src/engine/lint';
import { csvRows } from './count';

const REAL = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real');

/** Every sentence of every title, description, summary and row label in the real fixtures. */
function realSentences(): string[] {
  const texts: string[] = [];
  const visit = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (/^(title|description|value|summary|display_name|each_row_is_a)$/i.test(key) && /\s/.test(value)) texts.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (/\.json$/.test(file)) visit(JSON.parse(fs.readFileSync(file, 'utf8')));
      else if (/\.ya?ml$/.test(file)) visit(parse(fs.readFileSync(file, 'utf8')));
      else if (/\.csv$/.test(file)) {
        const [header, ...rows] = csvRows(fs.readFileSync(file, 'utf8'));
        rows.forEach((r) => visit(r[header.indexOf('description')], 'description'));
      }
    }
  };
  walk(REAL);
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+|\n+/)).map((s) => s.trim());
  return [...new Set(sentences.filter((s) => s.split(/\s+/).length >= 4))];
}

describe('sentences from the real fixtures', () => {
  const sentences = realSentences();

  it('are about a hundred', () => assert.ok(sentences.length >= 95, `${sentences.length}`));

  it('raise no person-centered finding (none of them labels people)', () => {
    const flagged = sentences.filter((s) => lintText(`description: ${JSON.stringify(s)}\n`, { path: 'x.metadata.yaml' }).findings.some((f) => f.rule === 'person-centered'));
    assert.deepStrictEqual(flagged, []);
  });
});
