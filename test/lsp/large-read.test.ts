import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Hover, Message } from 'vscode-languageserver-protocol/node';
import { dictionary } from '../../bench/generate';
import { READ_STEPS } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/rules';
import { EDITOR_CAPABILITIES, TestEditor } from './lspClient';

/** A small metadata file with an undefined acronym ("DCF", line 0, characters 7 to 10) to hover on. */
const SMALL = [
  'title: DCF placements',
  'description: Counts of placements by town.',
  'update_frequency: Annually',
  'license: Public Domain',
  'category: Education',
  'contact_email: a@example.gov',
  '',
].join('\n');

type ProgressValue = { kind: 'begin' | 'report' | 'end'; message?: string; percentage?: number };

/**
 * The reading of a large file runs in steps like the rest of its lint (see readBlockYamlInSteps),
 * so the server answers requests while it reads, and a newer version or closing the document
 * drops the lint at the next step of its read. Each test acts on the first progress report of the
 * read, in the order the server sent its messages; the 2 MB dictionary is read in twenty steps.
 */
describe('a large file read in steps, over stdio', function () {
  this.timeout(60_000);
  let editor: TestEditor;
  let dir: string;
  /** Every message from the server, as it arrives: progress by token, responses to the test's raw requests. */
  let seen: Array<{ token?: string; progress?: ProgressValue; answered?: unknown }>;
  const text = dictionary(2e6);

  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-read-')));
    editor = (await TestEditor.start({ rootUri: pathToFileURL(dir).href, capabilities: { ...EDITOR_CAPABILITIES, window: { workDoneProgress: true } } })).editor;
    editor.connection.onRequest('window/workDoneProgress/create', () => null);
    // Files above 100 KB are large: the dictionary is, SMALL is not.
    editor.settings = () => ({ enable: true, run: 'onType', maxFileSize: 100 });
    seen = [];
    editor.observe((message: Message) => {
      const m = message as { method?: string; id?: unknown; params?: { token: unknown; value: ProgressValue } };
      if (m.method === '$/progress') seen.push({ token: JSON.stringify(m.params!.token), progress: m.params!.value });
      else if (m.method === undefined && typeof m.id === 'string') seen.push({ answered: m.id });
    });
  });
  afterEach(() => TestEditor.killAll());

  const file = (name: string, content: string) => {
    fs.writeFileSync(path.join(dir, name), content);
    return pathToFileURL(path.join(dir, name)).href;
  };
  const isReadReport = (p: ProgressValue | undefined) => p?.kind === 'report' && /^read [\d,]+ of 2,000 KB$/.test(p.message ?? '');
  /** Calls `act` once, on the first progress report of a read step. */
  const onFirstReadStep = (act: () => void) => {
    let acted = false;
    editor.observe((message: Message) => {
      const m = message as { method?: string; params?: { value: ProgressValue } };
      if (acted || m.method !== '$/progress' || !isReadReport(m.params!.value)) return;
      acted = true;
      act();
    });
  };
  const messagesOf = (token: string | undefined) => seen.filter((s) => s.token === token).map((s) => s.progress!.message ?? s.progress!.kind);
  const summary = () => JSON.stringify(seen.map((s) => s.answered ?? `${s.token} ${s.progress!.kind} ${s.progress!.message ?? ''}`));

  it('answers a request sent once the read of a large file has begun before the read ends', async () => {
    const small = file('small.metadata.yaml', SMALL);
    editor.open(small, SMALL);
    await editor.current(small);
    const large = file('large.dictionary.yaml', text);
    let hover: Promise<Array<{ result?: unknown }>> | undefined;
    onFirstReadStep(() => {
      hover = editor.sendInOneWrite([{ jsonrpc: '2.0', id: 'hover while reading', method: 'textDocument/hover', params: { textDocument: { uri: small }, position: { line: 0, character: 8 } } }]);
    });
    editor.open(large, text);
    const diagnostics = await editor.current(large);
    assert.strictEqual(diagnostics[0].code, 'large-file');
    assert.ok(hover, 'the read reported its progress');
    const [answer] = await hover;
    assert.deepStrictEqual((answer.result as Hover).range, { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } });

    const answered = seen.findIndex((s) => s.answered === 'hover while reading');
    const token = seen.find((s) => isReadReport(s.progress))!.token;
    const readEnd = seen.findIndex((s) => s.token === token && s.progress!.message === 'read the file');
    assert.ok(answered >= 0 && readEnd > answered, `the hover is answered before the read ends: ${summary()}`);
    assert.ok(isReadReport(seen[answered - 1].progress) && isReadReport(seen[answered + 1].progress), `between two steps of the read: ${summary()}`);
    // The bar moves through the read, up to the read's share of the lint.
    const reports = seen.filter((s) => s.token === token && s.progress!.kind === 'report').map((s) => s.progress!);
    const readShare = Math.round((100 * READ_STEPS) / (RULES.length + READ_STEPS));
    const readDone = reports.findIndex((p) => p.message === 'read the file');
    const reads = reports.slice(0, readDone).map((p) => p.percentage!);
    assert.strictEqual(reports[readDone].percentage, readShare);
    assert.ok(reads.length >= 19 && reads.every((p, i) => p >= (i === 0 ? 0 : reads[i - 1]) && p <= readShare) && reads[reads.length - 1] > reads[0], JSON.stringify(reads));
  });

  it('drops the lint of a version made old by an edit at the next step of its read, and publishes the newest', async () => {
    const large = file('large.dictionary.yaml', text);
    let version = 1;
    onFirstReadStep(() => {
      version = editor.change(large, [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 17 } }, text: 'Placements' }]);
      void editor.connection.sendNotification('textDocument/didSave', { textDocument: { uri: large } });
    });
    editor.open(large, text);
    const diagnostics = await editor.diagnostics(large);
    assert.strictEqual(version, 2);
    assert.deepStrictEqual(editor.published.filter((p) => p.uri === large).map((p) => p.version), [2], 'only the newest version is published');
    assert.strictEqual(diagnostics[0].code, 'large-file');

    const tokens = [...new Set(seen.filter((s) => s.token).map((s) => s.token))];
    assert.strictEqual(tokens.length, 2, summary());
    const [dropped, newest] = tokens.map(messagesOf);
    // The first lint ends during its read: it never read the whole file or ran a rule.
    assert.strictEqual(dropped[dropped.length - 1], 'end', summary());
    assert.ok(dropped.slice(1, -1).every((m) => /^read [\d,]+ of 2,000 KB$/.test(m)), summary());
    assert.ok(newest.includes('read the file') && newest.includes('rule acronym'), summary());
  });

  it('drops the lint of a document closed during its read', async () => {
    const large = file('large.dictionary.yaml', text);
    onFirstReadStep(() => void editor.connection.sendNotification('textDocument/didClose', { textDocument: { uri: large } }));
    const ended = new Promise<void>((resolve) => editor.observe((m) => ((m as { params?: { value?: ProgressValue } }).params?.value?.kind === 'end' ? resolve() : undefined)));
    editor.open(large, text);
    await ended;
    const [token] = [...new Set(seen.filter((s) => s.token).map((s) => s.token))];
    const messages = messagesOf(token);
    assert.strictEqual(messages[messages.length - 1], 'end', summary());
    assert.ok(messages.slice(1, -1).every((m) => /^read [\d,]+ of 2,000 KB$/.test(m)), `ended during the read: ${summary()}`);
    // A publication for the closed file would come after the progress ended: a later request's answer shows there was none.
    const small = file('small.metadata.yaml', SMALL);
    editor.open(small, SMALL);
    await editor.current(small);
    assert.deepStrictEqual(editor.published.filter((p) => p.uri === large), []);
  });
});
