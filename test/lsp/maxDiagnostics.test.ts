import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { fixAll } from '../../server/src/engine/fixes';
import { lintText } from '../../server/src/engine/lint';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { tooManyNotice } from '../../server/src/lsp/validation';
import { brief, TestEditor } from './lspClient';

/**
 * 15 findings: 5 errors (four missing fields at 0:0, the update frequency on line 3), 6 warnings,
 * 1 information (no date column, at 0:0, first of all) and 3 hints.
 */
const FILE = [
  'title: DCF placements',
  'description: >-',
  '  We utilize the DCF extract in order to count inmates. Data is collected by the agency. Counts are very, very rough.',
  'update_frequency: sometimes',
  'access_level: public',
  'columns:',
  '  - name: age_group',
  '    title: Age group',
  '    description: TBD',
].join('\n') + '\n';
const NAME = 'placements.metadata.yaml';

const ERRORS = [
  { code: 'required-field', range: [0, 0, 0, 5], message: 'Required field "category" is missing.' },
  { code: 'required-field', range: [0, 0, 0, 5], message: 'Required field "agency" is missing.' },
  { code: 'required-field', range: [0, 0, 0, 5], message: 'Required field "contact_email" is missing.' },
  { code: 'required-field', range: [0, 0, 0, 5], message: 'Required field "license" is missing.' },
];
const SOMETIMES = { code: 'invalid-value', range: [3, 18, 3, 27], message: '"sometimes" is not an allowed update frequency.' };
const DCF = { code: 'acronym', range: [0, 7, 0, 10], message: '"DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".' };
const UTILIZE = { code: 'plain-language', range: [2, 5, 2, 12], message: '"utilize" has a plainer alternative: "use".' };

/** The notice that only some findings are published, as `brief` shows it. */
const tooMany = (found: number, shown: string) => ({
  code: 'too-many-problems',
  range: [0, 0, 0, 0],
  message: `plainmeta found ${found} problems in this file and shows ${shown} (setting plainmeta.maxDiagnostics). To list them all, run plainmeta lint "${NAME}" in a terminal in this file's folder.`,
});

describe('plainmeta.maxDiagnostics over stdio', function () {
  this.timeout(20000);
  let editor: TestEditor;
  let uri: string;

  beforeEach(async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-max-')));
    fs.writeFileSync(path.join(dir, NAME), FILE);
    uri = pathToFileURL(path.join(dir, NAME)).href;
    editor = (await TestEditor.start({ rootUri: pathToFileURL(dir).href })).editor;
  });
  afterEach(() => TestEditor.killAll());

  const openWith = (settings: object) => {
    editor.settings = () => ({ enable: true, run: 'onType', ...settings });
    editor.open(uri, FILE);
    return editor.current(uri);
  };

  it('publishes all 15 findings, with no notice, at a limit of 0, 15 or the default', async () => {
    const all = await openWith({ maxDiagnostics: 0 });
    assert.strictEqual(all.length, 15);
    assert.deepStrictEqual(all.map(brief), lintText(FILE, { path: NAME, config: DEFAULT_CONFIG }).findings.map((f) => brief({ code: f.rule, range: f.range, message: f.message })));
    for (const maxDiagnostics of [15, undefined]) {
      editor.settings = () => ({ enable: true, run: 'onType', maxDiagnostics });
      const mark = editor.mark();
      await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepStrictEqual(await editor.diagnostics(uri, () => true, mark), all, `limit ${maxDiagnostics}`);
    }
  });

  it('publishes exactly the limit, the notice first, at 0:0 as information', async () => {
    const diagnostics = await openWith({ maxDiagnostics: 3 });
    assert.deepStrictEqual(diagnostics.map(brief), [tooMany(15, 'the 2 most serious'), ERRORS[0], ERRORS[1]]);
    assert.deepStrictEqual(diagnostics[0], {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      code: 'too-many-problems',
      source: 'plainmeta',
      message: tooMany(15, 'the 2 most serious').message,
    });
  });

  it('keeps errors over warnings, warnings over the rest, and publishes them in the order of the file', async () => {
    // Room for the 5 errors and the first warning: the information finding at 0:0 is left out,
    // and the error on line 3 comes after the warning on line 0.
    assert.deepStrictEqual((await openWith({ maxDiagnostics: 7 })).map(brief), [tooMany(15, 'the 6 most serious'), ...ERRORS, DCF, SOMETIMES]);
    // Fixing the update frequency frees a place for the next warning.
    const version = editor.change(uri, [{ range: { start: { line: 3, character: 18 }, end: { line: 3, character: 27 } }, text: 'Annually' }]);
    assert.deepStrictEqual((await editor.diagnostics(uri, (p) => p.version === version)).map(brief), [tooMany(14, 'the 6 most serious'), ...ERRORS, DCF, UTILIZE]);
    // Of the 14 left, everything but the three hints: the information finding first, at 0:0.
    editor.settings = () => ({ enable: true, run: 'onType', maxDiagnostics: 12 });
    const mark = editor.mark();
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const published = await editor.diagnostics(uri, () => true, mark);
    assert.deepStrictEqual(published.map((d) => d.severity), [3, 3, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    assert.strictEqual(published[0].message, tooMany(14, 'the 11 most serious').message);
  });

  it('publishes again when the setting changes', async () => {
    assert.strictEqual((await openWith({})).length, 15);
    const republished = async (maxDiagnostics: number) => {
      editor.settings = () => ({ enable: true, run: 'onType', maxDiagnostics });
      const mark = editor.mark();
      await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      return (await editor.diagnostics(uri, () => true, mark)).map(brief);
    };
    assert.deepStrictEqual(await republished(3), [tooMany(15, 'the 2 most serious'), ERRORS[0], ERRORS[1]]);
    assert.strictEqual((await republished(0)).length, 15);
  });

  it('counts the large-file notice within the limit', async () => {
    const large = {
      code: 'large-file',
      range: [0, 0, 0, 0],
      message: 'This file is larger than 0.1 KB (setting plainmeta.maxFileSize), so plainmeta checks it when it is opened and saved, not as you type.',
    };
    assert.deepStrictEqual((await openWith({ maxFileSize: 0.1, maxDiagnostics: 3 })).map(brief), [large, tooMany(15, 'the most serious one'), ERRORS[0]]);
    editor.settings = () => ({ enable: true, run: 'onType', maxFileSize: 0.1, maxDiagnostics: 1 });
    const mark = editor.mark();
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual((await editor.diagnostics(uri, () => true, mark)).map(brief), [tooMany(15, 'none of them')]);
  });

  it('still fixes and explains the findings it does not publish', async () => {
    const diagnostics = await openWith({ maxDiagnostics: 3 });
    assert.ok(!diagnostics.some((d) => d.code === 'plain-language'));
    const hover = (await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 7 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /`plain-language`: "utilize" has a plainer alternative: "use"\./);
    const actions = (await editor.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] as Diagnostic[], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Fix all safe plainmeta problems']);
    editor.apply(actions[0].edit!);
    const expected = fixAll(FILE, (t) => lintText(t, { path: NAME, config: DEFAULT_CONFIG }).findings).text;
    assert.ok(expected.includes('We use the DCF extract to count'), expected);
    assert.strictEqual(editor.document(uri).getText(), expected);
  });
});

describe('the notice that not every problem is shown', () => {
  it('groups thousands and names the file to lint, or says to save an untitled one', () => {
    assert.strictEqual(
      tooManyNotice(40123, 999, pathToFileURL(path.join(os.tmpdir(), 'big file.dictionary.yaml')).href).message,
      'plainmeta found 40,123 problems in this file and shows the 999 most serious (setting plainmeta.maxDiagnostics). To list them all, run plainmeta lint "big file.dictionary.yaml" in a terminal in this file\'s folder.',
    );
    assert.strictEqual(
      tooManyNotice(1200, 1000, 'untitled:Untitled-1').message,
      'plainmeta found 1,200 problems in this file and shows the 1,000 most serious (setting plainmeta.maxDiagnostics). To list them all, save the file and run plainmeta lint on it in a terminal.',
    );
  });
});

describe('the plainmeta.maxDiagnostics setting as the server reads it', () => {
  const read = (maxDiagnostics: unknown) => normalizeSettings({ maxDiagnostics }).maxDiagnostics;

  it('takes a whole number as it is, rounds a fraction up (0.5 is a limit, not "no limit"), and ignores anything else', () => {
    assert.deepStrictEqual([read(0), read(3), read(0.5), read(2.2)], [0, 3, 1, 3]);
    assert.deepStrictEqual([read(-1), read('10'), read(undefined), read(null)], [1000, 1000, 1000, 1000]);
  });
});
