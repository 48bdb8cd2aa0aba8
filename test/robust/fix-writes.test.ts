/** `--fix` on real folders: atomic writes, no lost edits, and no way out of the tree through links. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../server/src/cli';
import { readSource, writeFixed } from '../../server/src/cli/files';

const BEFORE = 'title: Arrests\ndescription: We utilize records.\nupdate_frequency: yearly\n';
const AFTER = 'title: Arrests\ndescription: We use records.\nupdate_frequency: Annually\n';

function fix(...paths: string[]): { code: number; stderr: string } {
  let stderr = '';
  const code = runCli(['lint', '--fix', '--format', 'json', ...paths], { stdout: () => undefined, stderr: (s) => (stderr += s + '\n'), color: false });
  return { code, stderr };
}

describe('--fix on a folder', () => {
  let root: string;
  let tree: string;
  let outside: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-fix-'));
    tree = path.join(root, 'tree');
    outside = path.join(root, 'outside');
    fs.mkdirSync(tree);
    fs.mkdirSync(outside);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('fixes every file in the tree and leaves no temporary file behind', () => {
    fs.mkdirSync(path.join(tree, 'sub'));
    fs.writeFileSync(path.join(tree, 'a.metadata.yaml'), BEFORE);
    fs.writeFileSync(path.join(tree, 'sub', 'b.metadata.yaml'), BEFORE);
    fix(tree);
    assert.strictEqual(fs.readFileSync(path.join(tree, 'a.metadata.yaml'), 'utf8'), AFTER);
    assert.strictEqual(fs.readFileSync(path.join(tree, 'sub', 'b.metadata.yaml'), 'utf8'), AFTER);
    assert.deepStrictEqual(fs.readdirSync(tree).sort(), ['a.metadata.yaml', 'sub']);
    assert.deepStrictEqual(fs.readdirSync(path.join(tree, 'sub')), ['b.metadata.yaml']);
  });

  it('does not follow a linked file or a linked folder out of the tree', () => {
    const target = path.join(outside, 'x.metadata.yaml');
    fs.writeFileSync(target, BEFORE);
    fs.symlinkSync(target, path.join(tree, 'link.metadata.yaml'));
    fs.symlinkSync(outside, path.join(tree, 'linked-folder'), 'dir');
    fix(tree);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), BEFORE);
    assert.ok(fs.lstatSync(path.join(tree, 'link.metadata.yaml')).isSymbolicLink());
  });

  it('does not write through a link named on the command line', () => {
    const target = path.join(outside, 'x.metadata.yaml');
    fs.writeFileSync(target, BEFORE);
    const link = path.join(tree, 'link.metadata.yaml');
    fs.symlinkSync(target, link);
    const source = readSource(link);
    assert.strictEqual(writeFixed(source, AFTER), 'not written: it is a symbolic link');
    assert.strictEqual(fs.readFileSync(target, 'utf8'), BEFORE);
  });

  it('does not write through a link planted where its temporary file would go', () => {
    const file = path.join(tree, 'a.metadata.yaml');
    fs.writeFileSync(file, BEFORE);
    const target = path.join(outside, 'victim.txt');
    fs.writeFileSync(target, 'untouched');
    const planted = path.join(tree, `.a.metadata.yaml.plainmeta-${process.pid}-0.tmp`);
    fs.symlinkSync(target, planted);
    assert.strictEqual(writeFixed(readSource(file), AFTER), undefined);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'untouched');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), AFTER);
    assert.ok(fs.lstatSync(planted).isSymbolicLink());
  });

  it('leaves a file alone when it changed after it was read, even to the same size and time', () => {
    const file = path.join(tree, 'a.metadata.yaml');
    fs.writeFileSync(file, BEFORE);
    const source = readSource(file);
    const edited = BEFORE.replace('Arrests', 'Arrestz');
    fs.writeFileSync(file, edited);
    const stat = fs.statSync(file);
    fs.utimesSync(file, stat.atime, new Date(source.mtimeMs));
    assert.strictEqual(writeFixed(source, AFTER), 'not written: the file changed while it was being linted');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), edited);
  });
});
