import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderDocs } from '../scripts/build-docs';
import { ENGINE_FINDINGS } from '../server/src/engine/lint';
import { RULES } from '../server/src/rules';
import { ROOT } from './sentences';

describe('rule documentation', () => {
  const pages = renderDocs(ROOT);
  const dir = path.join(ROOT, 'docs/rules');

  it('has a page for every rule and engine finding, and an index', () => {
    const expected = [...RULES.map((r) => `${r.meta.id}.md`), ...Object.keys(ENGINE_FINDINGS).map((id) => `${id}.md`), 'README.md'];
    assert.deepStrictEqual([...pages.keys()].sort(), expected.sort());
  });

  it('is up to date with the rule metadata and docs/rules-src (run `npm run docs` if not)', () => {
    const onDisk = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
    assert.deepStrictEqual(onDisk, [...pages.keys()].sort(), 'docs/rules has other files than it should: run `npm run docs`');
    for (const [name, text] of pages) {
      assert.ok(fs.readFileSync(path.join(dir, name), 'utf8') === text, `docs/rules/${name} is out of date: run \`npm run docs\``);
    }
  });
});
