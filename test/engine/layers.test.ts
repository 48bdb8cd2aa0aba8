import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { walkFiles } from '../../server/src/io/walk';

const SRC = path.resolve(__dirname, '..', '..', '..', 'server', 'src');

/** Every .ts file under a folder of the sources, relative to the sources. */
function sources(folder: string): string[] {
  return walkFiles(path.join(SRC, folder), { skipDirs: new Set(), accept: (n) => n.endsWith('.ts'), maxFiles: 1000 }).files.map((f) => path.relative(SRC, f));
}

describe('the engine stays free of files and editors', () => {
  it('formats, model, rules, config and engine import neither fs nor LSP/VS Code modules', () => {
    const offending: string[] = [];
    for (const folder of ['formats', 'model', 'rules', 'config', 'engine']) {
      for (const file of sources(folder)) {
        const text = fs.readFileSync(path.join(SRC, file), 'utf8');
        for (const m of text.matchAll(/(?:from|require\()\s*'((?:node:)?fs|vscode[^']*)'/g)) offending.push(`${file}: ${m[1]}`);
      }
    }
    assert.deepStrictEqual(offending, []);
  });
});

describe('walkFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-walk-'));
    for (const f of ['b.yaml', 'a/z.yaml', 'a/b/c.yaml', 'node_modules/x.yaml', 'c.md']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
    }
    fs.symlinkSync(dir, path.join(dir, 'loop'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rel = (files: string[]) => files.map((f) => path.relative(dir, f).replace(/\\/g, '/'));

  it('lists files in name order, depth first, skipping named folders and never following links', () => {
    const { files, truncated } = walkFiles(dir, { skipDirs: new Set(['node_modules']), maxFiles: 100 });
    assert.deepStrictEqual([rel(files), truncated], [['a/b/c.yaml', 'a/z.yaml', 'b.yaml', 'c.md'], false]);
  });

  it('stops at maxFiles and says so, and keeps to maxDepth and the accepted names', () => {
    assert.deepStrictEqual(rel(walkFiles(dir, { skipDirs: new Set(), maxFiles: 2 }).files), ['a/b/c.yaml', 'a/z.yaml']);
    assert.strictEqual(walkFiles(dir, { skipDirs: new Set(), maxFiles: 2 }).truncated, true);
    assert.deepStrictEqual(rel(walkFiles(dir, { skipDirs: new Set(), maxFiles: 100, maxDepth: 1 }).files), ['a/z.yaml', 'b.yaml', 'c.md', 'node_modules/x.yaml']);
    assert.deepStrictEqual(rel(walkFiles(dir, { skipDirs: new Set(), maxFiles: 100, accept: (n) => n.endsWith('.md') }).files), ['c.md']);
  });
});
