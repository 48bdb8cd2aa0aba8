import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ClientCapabilities, CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { fixAll } from '../../server/src/engine/fixes';
import { lintText } from '../../server/src/engine/lint';
import { yamlErrors } from '../helpers';
import { EDITOR_CAPABILITIES, TestEditor } from './lspClient';

/**
 * Whole-file fixes through the server: worked out one lint step at a time, so other requests are
 * answered meanwhile, stopped when cancelled, with progress, and the same edit as the engine's.
 */

const FILE_NAME = 'placements.metadata.yaml';
/** Three hundred columns, each with fixes to make: every pass of a fix-all lints the whole file in many steps. */
const TEXT = [
  'title: DCF Placements',
  'description: Counts of children placed by DCF in order to utilize foster care, prior to the court hearing.',
  'license: Public Domain',
  'update_frequency: yearly',
  'columns:',
  ...Array.from({ length: 300 }, (_, i) => `  - name: placements_${i}\n    title: Placements ${i}\n    description: Number of placements made by DCF in order to utilize care in region ${i}.`),
].join('\n') + '\n';

/** The file with every safe fix applied, as `plainmeta lint --fix` makes it. */
const FIXED = fixAll(TEXT, (t) => lintText(t, { path: FILE_NAME, config: DEFAULT_CONFIG }).findings).text;

const RESOLVING: ClientCapabilities = {
  ...EDITOR_CAPABILITIES,
  window: { workDoneProgress: true },
  textDocument: { ...EDITOR_CAPABILITIES.textDocument, codeAction: { ...EDITOR_CAPABILITIES.textDocument!.codeAction, resolveSupport: { properties: ['edit'] } } },
};

const FIX_ALL_TITLE = 'Fix all plainmeta problems that have one safe fix';

type Progress = { kind: string; title?: string; cancellable?: boolean; message?: string; percentage?: number };

describe('language server: whole-file fixes in steps', function () {
  this.timeout(60000);
  let editor: TestEditor;
  let uri: string;
  /** Progress notifications by token, in the order they arrived. */
  let progress: Map<string, Progress[]>;
  let logged: string[];
  let progressed: Array<() => void>;

  const start = async (capabilities: ClientCapabilities, maxFileSize = 2000) => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-fixall-')));
    const file = path.join(dir, FILE_NAME);
    fs.writeFileSync(file, TEXT);
    uri = pathToFileURL(file).href;
    editor = (await TestEditor.start({ rootUri: pathToFileURL(dir).href, capabilities })).editor;
    editor.settings = () => ({ enable: true, run: 'onType', maxFileSize });
    progress = new Map();
    logged = [];
    progressed = [];
    editor.connection.onNotification('$/progress', (params: { token: unknown; value: Progress }) => {
      const token = JSON.stringify(params.token);
      progress.set(token, [...(progress.get(token) ?? []), params.value]);
      for (const wake of progressed.splice(0)) wake();
    });
    editor.connection.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));
    editor.open(uri, TEXT);
    return editor.current(uri);
  };
  afterEach(() => TestEditor.killAll());

  const firstAcronym = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'acronym' && d.range.start.line === 0)!;
  const codeActions = (diagnostics: Diagnostic[], only?: string[], triggerKind?: number) =>
    editor.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only, triggerKind } }) as Promise<CodeAction[]>;
  /** The whole-file fix as offered to an editor that resolves actions, without its edit. */
  const offeredFixAll = async (diagnostics: Diagnostic[]) => {
    const action = (await codeActions([firstAcronym(diagnostics)])).find((a) => a.title === FIX_ALL_TITLE);
    assert.ok(action && !action.edit, 'offered without its edit');
    return action;
  };
  /** Applies a code action's edit as the editor would, checks the text reads as YAML, and returns it. */
  const applied = (action: CodeAction) => {
    assert.deepStrictEqual((action.edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 1 });
    assert.strictEqual((action.edit!.documentChanges![0] as { edits: TextEdit[] }).edits.length, 1, 'one edit for the whole file');
    editor.apply(action.edit!);
    const text = editor.document(uri).getText();
    assert.deepStrictEqual(yamlErrors(text), []);
    return text;
  };
  /**
   * The progress notifications sent on a token, once it has ended: they are sent before the
   * request's answer, but a test may see the answer before the connection hands them on.
   */
  const progressOf = async (token: string) => {
    const values = () => progress.get(JSON.stringify(token)) ?? [];
    while (!values().some((p) => p.kind === 'end')) await new Promise<void>((resolve) => progressed.push(resolve));
    return values();
  };

  it('answers a hover sent after a fix-all resolve first, then makes the same edit as the engine', async () => {
    const action = await offeredFixAll(await start(RESOLVING));
    const arrived: unknown[] = [];
    const stop = editor.observe((message) => 'id' in message && !('method' in message) && arrived.push(message.id));
    const [resolved, hover] = await editor.sendInOneWrite([
      { jsonrpc: '2.0', id: 'fix', method: 'codeAction/resolve', params: action },
      { jsonrpc: '2.0', id: 'hover', method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 8 } } },
    ]);
    stop();
    // Read after the resolve, answered before it: the fix-all yielded between its lint steps.
    assert.deepStrictEqual(arrived, ['hover', 'fix']);
    assert.deepStrictEqual((hover.result as Hover).range, { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } });
    const text = applied(resolved.result as CodeAction);
    assert.strictEqual(text, FIXED);
    assert.ok(text.startsWith('title: Department of Children and Families (DCF) Placements\n'));
    assert.ok(text.includes('    description: Number of placements made by DCF to use care in region 299.\n'));
  });

  it('answers a fix-all resolve cancelled while it works with RequestCancelled, and resolves it again when asked', async () => {
    // Over plainmeta.maxFileSize the server shows the fix-all's progress at once, waiting for the
    // editor to create it: the editor cancels the resolve before it answers, so the cancellation
    // is read while the fix-all is under way, whatever the machine's speed.
    const action = await offeredFixAll(await start(RESOLVING, 0.5));
    const created: string[] = [];
    let cancelling = true;
    editor.connection.onRequest('window/workDoneProgress/create', async (params: { token: string }) => {
      created.push(params.token);
      if (cancelling) await editor.connection.sendNotification('$/cancelRequest', { id: 'fix' });
      return null;
    });
    const [cancelled] = await editor.sendInOneWrite([{ jsonrpc: '2.0', id: 'fix', method: 'codeAction/resolve', params: action }]);
    assert.deepStrictEqual(cancelled.error, { code: -32800, message: 'plainmeta: code action resolve cancelled' });
    assert.strictEqual(created.length, 1);
    assert.deepStrictEqual(await progressOf(created[0]), [
      { kind: 'begin', title: 'plainmeta', cancellable: true, message: `fixing ${FILE_NAME}`, percentage: 0 },
      // One step, and no other: the first pass applied the fixes of the findings the editor was shown; the second had read the file.
      { kind: 'report', percentage: 12, message: 'pass 2: read the file' },
      { kind: 'end' },
    ]);

    cancelling = false;
    const hover = (await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } })) as Hover;
    assert.deepStrictEqual(hover.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } });
    const resolved = (await editor.connection.sendRequest('codeAction/resolve', action)) as CodeAction;
    assert.strictEqual(applied(resolved), FIXED);
    assertProgress(await progressOf(created[1]), true);
  });

  it('answers a fix-all resolve whose document is edited while it works with ContentModified, and resolves it for the new text when asked', async () => {
    // Over plainmeta.maxFileSize the fix-all's progress is created at once; the editor edits the
    // document before it answers, so the edit is read while the fix-all is under way.
    const action = await offeredFixAll(await start(RESOLVING, 0.5));
    let editing = true;
    editor.connection.onRequest('window/workDoneProgress/create', () => {
      if (editing) editor.change(uri, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 22 } }, text: 'Public domain' }]);
      editing = false;
      return null;
    });
    const [modified] = await editor.sendInOneWrite([{ jsonrpc: '2.0', id: 'fix', method: 'codeAction/resolve', params: action }]);
    // Its edit would have been made for the text before the edit: it is dropped, not sent.
    assert.deepStrictEqual(modified.error, { code: -32801, message: 'plainmeta: code action resolve dropped: the document changed' });
    const edited = editor.document(uri).getText();
    assert.ok(edited.includes('\nlicense: Public domain\n'));
    const resolved = (await editor.connection.sendRequest('codeAction/resolve', action)) as CodeAction;
    assert.deepStrictEqual((resolved.edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 2 });
    editor.apply(resolved.edit!);
    assert.strictEqual(editor.document(uri).getText(), fixAll(edited, (t) => lintText(t, { path: FILE_NAME, config: DEFAULT_CONFIG }).findings).text);
  });

  it("reports a fix-all's progress on the token the editor sent with the request", async () => {
    await start(EDITOR_CAPABILITIES);
    const actions = (await editor.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 1 },
      workDoneToken: 'fix-all',
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe plainmeta problems', 'source.fixAll.plainmeta']]);
    // Its progress ends before the answer is sent.
    assertProgress(await progressOf('fix-all'), false);
    assert.strictEqual(applied(actions[0]), FIXED);
  });

  it('over plainmeta.maxFileSize does not fix on save, saying so in the log, but fixes when asked and offers whole-file fixes only to be resolved', async () => {
    const diagnostics = await start(EDITOR_CAPABILITIES, 0.5);
    // On save VS Code asks for source.fixAll with the "automatic" trigger.
    assert.deepStrictEqual(await codeActions([], ['source.fixAll'], 2), []);
    assert.deepStrictEqual(logged.filter((m) => m.includes('not fixed on save')), [
      `plainmeta: ${uri}: not fixed on save: the file is larger than 0.5 KB (setting plainmeta.maxFileSize), where fixing every problem takes several lints of the whole file. Run the Fix All command to fix it.`,
    ]);
    // A client that cannot resolve would wait for whole-file fixes with every light bulb: they are not offered.
    assert.deepStrictEqual((await codeActions([firstAcronym(diagnostics)])).map((a) => a.title), [
      'Define on first use: "Department of Children and Families (DCF)"',
      'Expand to "Department of Children and Families"',
      "Add 'DCF' to the project's allow list",
      'Disable acronym for this line',
    ]);
    // The Fix All command ("invoked") fixes the file.
    const invoked = await codeActions([], ['source.fixAll'], 1);
    assert.deepStrictEqual(invoked.map((a) => a.title), ['Fix all safe plainmeta problems']);
    assert.strictEqual(applied(invoked[0]), FIXED);
  });

  it('over plainmeta.maxFileSize offers whole-file fixes to an editor that resolves them', async () => {
    const diagnostics = await start(RESOLVING, 0.5);
    const offered = await codeActions([firstAcronym(diagnostics)]);
    assert.deepStrictEqual(offered.map((a) => [a.title, !!a.edit]), [
      ['Define on first use: "Department of Children and Families (DCF)"', true],
      ['Expand to "Department of Children and Families"', true],
      ['Fix all acronym problems in this file', false],
      ["Add 'DCF' to the project's allow list", true],
      ['Disable acronym for this line', true],
      [FIX_ALL_TITLE, false],
    ]);
  });
});

/** Begun, reported with percentages that only grow, and ended. */
function assertProgress(values: Progress[], cancellable: boolean): void {
  const shown = JSON.stringify(values);
  assert.deepStrictEqual(values[0], { kind: 'begin', title: 'plainmeta', cancellable, message: `fixing ${FILE_NAME}`, percentage: 0 }, shown);
  assert.deepStrictEqual(values.slice(1).map((p) => p.kind), [...values.slice(1, -1).map(() => 'report'), 'end'], shown);
  const percentages = values.slice(1, -1).map((p) => p.percentage!);
  assert.ok(percentages.length > 0, shown);
  assert.ok(percentages.every((p, i) => p > (i === 0 ? 0 : percentages[i - 1]) && p <= 100), shown);
  assert.ok(values.slice(1, -1).every((p) => /^pass \d+: (read the file|rule [a-z-]+)$/.test(p.message!)), shown);
}
