import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { asCli, cliDiagnostics, ROOT, TestEditor } from '../lsp/lspClient';
import { readZip, ZipEntry } from './zip';

const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = path.join(ROOT, `plainmeta-${packageJson.version}.vsix`);

describe('npm run package', function () {
  this.timeout(30000);
  let entries: ZipEntry[];
  afterEach(() => TestEditor.killAll());

  before(function () {
    // Bundling and packaging take a few seconds on a loaded machine; done once for the suite.
    this.timeout(180000);
    fs.rmSync(VSIX, { force: true });
    const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);
    entries = readZip(VSIX);
  });

  const entry = (name: string) => {
    const found = entries.find((e) => e.name === name);
    assert.ok(found, `${name} is not in the .vsix`);
    return found;
  };

  it('builds plainmeta-<version>.vsix holding the bundles, the server command, schemas, snippets and rule docs, and nothing else', () => {
    const names = entries.map((e) => e.name).sort();
    assert.deepStrictEqual(names.filter((n) => !n.startsWith('extension/docs/')), [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/bin/plainmeta-language-server.js',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/package.json',
      'extension/readme.md',
      'extension/schemas/dictionary.schema.json',
      'extension/schemas/metadata.schema.json',
      'extension/schemas/plainmeta-config.schema.json',
      'extension/snippets/plainmeta-yaml.json',
    ]);
    const docs = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `extension/docs/rules/${f}`).sort();
    assert.ok(docs.includes('extension/docs/rules/acronym.md'));
    assert.deepStrictEqual(names.filter((n) => n.startsWith('extension/docs/')), docs);
  });

  it('ships a manifest VS Code 1.91 and later (code-server 4.100) accept', () => {
    const manifest = JSON.parse(entry('extension/package.json').read().toString('utf8'));
    assert.strictEqual(manifest.engines.vscode, '^1.91.0');
    assert.strictEqual(manifest.main, './dist/extension.js');
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.supported, true);
    const vsixManifest = entry('extension.vsixmanifest').read().toString('utf8');
    assert.match(vsixManifest, /<Identity Language="en-US" Id="plainmeta" Version="0\.1\.0" Publisher="plainmeta"/);
  });

  it('runs the language server from the bundle, through the bin script, with no node_modules', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-vsix-')));
    for (const e of entries.filter((x) => x.name.startsWith('extension/'))) {
      const target = path.join(dir, e.name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, e.read());
    }
    const installed = path.join(dir, 'extension');
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')) && !fs.existsSync(path.join(installed, 'out')));
    const { editor, initialized } = await TestEditor.start({ server: path.join(installed, 'bin', 'plainmeta-language-server.js'), cwd: dir });
    assert.deepStrictEqual(initialized.serverInfo, { name: 'plainmeta', version: packageJson.version });
    const example = path.join(ROOT, 'examples', 'children-in-placement.metadata.yaml');
    const uri = pathToFileURL(example).href;
    editor.open(uri, fs.readFileSync(example, 'utf8'));
    const diagnostics = await editor.current(uri);
    // Every rule runs in the bundle as in the CLI (a rule that fails there shows up as rule-error).
    assert.deepStrictEqual(asCli(diagnostics), cliDiagnostics(example));
    assert.deepStrictEqual(diagnostics.filter((d) => d.code === 'rule-error'), []);
    assert.ok(diagnostics.some((d) => d.code === 'style'));
    assert.strictEqual(await editor.stop(), 0);
  });
});
