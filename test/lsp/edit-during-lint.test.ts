import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, Message } from 'vscode-languageserver-protocol/node';
import { dictionary } from '../../bench/generate';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { fixAll } from '../../server/src/engine/fixes';
import { lintText } from '../../server/src/engine/lint';
import { EDITOR_CAPABILITIES, TestEditor } from './lspClient';

/**
 * The server's documents are changed in place by each edit (vscode-languageserver's
 * TextDocuments), so a lint in steps must remember the version it read, not ask the document at
 * the end: a lint of the old text must never be published, kept or fixed as the new version.
 */
describe('an edit while a large file is linted, over stdio', function () {
  this.timeout(60_000);
  let editor: TestEditor;
  let uri: string;
  let file: string;
  /** Each progress notification's kind, and each request the server made, in order. */
  let seen: string[];
  let logged: string[];
  let logWaiters: Array<() => void> = [];
  /** The log lines containing `part`, once one has arrived: a log line may arrive after the response it was written before. */
  const loggedLines = async (part: string) => {
    while (!logged.some((l) => l.includes(part))) await new Promise<void>((resolve) => logWaiters.push(resolve));
    return logged.filter((l) => l.includes(part));
  };
  const text = dictionary(300e3);

  beforeEach(async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-edit-')));
    editor = (await TestEditor.start({ rootUri: pathToFileURL(dir).href, capabilities: { ...EDITOR_CAPABILITIES, window: { workDoneProgress: true } } })).editor;
    editor.connection.onRequest('window/workDoneProgress/create', () => null);
    // Files above 100 KB are linted on open and save only.
    editor.settings = () => ({ enable: true, run: 'onType', maxFileSize: 100 });
    file = path.join(dir, 'large.dictionary.yaml');
    fs.writeFileSync(file, text);
    uri = pathToFileURL(file).href;
    seen = [];
    logged = [];
    editor.connection.onNotification('window/logMessage', (params: { message: string }) => {
      logged.push(params.message);
      for (const wake of logWaiters.splice(0)) wake();
    });
    editor.observe((message: Message) => {
      const m = message as { method?: string; params?: { value: { kind: string } } };
      if (m.method === '$/progress') seen.push(m.params!.value.kind);
    });
  });
  afterEach(() => TestEditor.killAll());

  const fixAllSafe = () =>
    editor.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 1 },
    }) as Promise<CodeAction[]>;
  /** Opens the file and edits it (without saving) on the first progress report of its lint; resolves when that lint has ended. */
  const openAndEditDuringLint = async () => {
    let edited = false;
    const ended = new Promise<void>((resolve) =>
      editor.observe((message: Message) => {
        const m = message as { method?: string; params?: { value: { kind: string } } };
        if (m.method !== '$/progress') return;
        if (!edited && m.params!.value.kind === 'report') {
          edited = true;
          editor.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a note\n' }]);
        }
        if (m.params!.value.kind === 'end') resolve();
      }),
    );
    editor.open(uri, text);
    await ended;
    assert.ok(edited);
  };

  it('publishes nothing for the old text, and the Fix All command fixes the new text', async () => {
    await openAndEditDuringLint();
    const fixes = await fixAllSafe();
    // The lint of version 1 stopped at its next step: nothing was published for either version.
    assert.deepStrictEqual(editor.published.filter((p) => p.uri === uri), []);
    const edited = editor.document(uri).getText();
    assert.ok(edited.startsWith('# a note\n'));
    assert.deepStrictEqual(fixes.map((a) => a.title), ['Fix all safe plainmeta problems']);
    assert.deepStrictEqual((fixes[0].edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 2 });
    editor.apply(fixes[0].edit!);
    assert.strictEqual(editor.document(uri).getText(), fixAll(edited, (t) => lintText(t, { path: file, config: DEFAULT_CONFIG }).findings).text);
  });

  it('skips fix-on-save of a large file edited since its lint without linting it first', async () => {
    const small = pathToFileURL(path.join(path.dirname(file), 'small.metadata.yaml')).href;
    const smallText = 'title: DCF placements\n';
    editor.open(small, smallText);
    await editor.current(small);
    editor.open(uri, text);
    await editor.current(uri);
    editor.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a note\n' }]);
    // A request through the connection after the change, so the server has the edit before the raw write below.
    await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 8 } });
    const arrived: unknown[] = [];
    const stop = editor.observe((message) => 'id' in message && !('method' in message) && arrived.push(message.id));
    const [save, hover] = await editor.sendInOneWrite([
      { jsonrpc: '2.0', id: 'save', method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 } } },
      { jsonrpc: '2.0', id: 'hover', method: 'textDocument/hover', params: { textDocument: { uri: small }, position: { line: 0, character: 8 } } },
    ]);
    stop();
    assert.deepStrictEqual(save.result, []);
    assert.ok(hover.result);
    // The save is answered before a hover on a small file sent with it: a lint of the large file
    // first would have paused between its steps, and the hover's lint would have finished first.
    assert.deepStrictEqual(arrived, ['save', 'hover']);
    assert.deepStrictEqual(await loggedLines('not fixed on save'), [
      `plainmeta: ${uri}: not fixed on save: the file is larger than 100 KB (setting plainmeta.maxFileSize), where fixing every problem takes several lints of the whole file. Run the Fix All command to fix it.`,
    ]);
  });
  it('says nothing on the save of a large YAML file plainmeta does not read', async () => {
    const other = pathToFileURL(path.join(path.dirname(file), 'pipeline.yaml')).href;
    const otherText = `steps:\n${'  - run: echo utilize the DCF extract\n'.repeat(4000)}`;
    editor.open(other, otherText);
    editor.open(uri, text);
    await editor.current(uri);
    const save = (target: string) =>
      editor.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: target },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
      }) as Promise<CodeAction[]>;
    assert.deepStrictEqual(await save(other), []);
    assert.deepStrictEqual(await save(uri), []);
    // The server writes its log lines in order: the dictionary's arrived, and none came before it for the other file.
    assert.deepStrictEqual(await loggedLines('not fixed on save'), [
      `plainmeta: ${uri}: not fixed on save: the file is larger than 100 KB (setting plainmeta.maxFileSize), where fixing every problem takes several lints of the whole file. Run the Fix All command to fix it.`,
    ]);
  });
});
