import * as assert from 'assert';
import { dictionary } from '../../bench/generate';
import { READ_STEPS } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/rules';
import { largeFileSession, ProgressValue, SMALL } from './progress';

/**
 * The reading of a large file runs in steps like the rest of its lint (see readBlockYamlInSteps),
 * so the server answers requests while it reads, and a newer version or closing the document
 * drops the lint at the next step of its read. Each test acts on the first progress report of the
 * read, in the order the server sent its messages; the 2 MB dictionary is read in twenty steps.
 */
describe('a large file read in steps, over stdio', function () {
  this.timeout(60_000);
  const session = largeFileSession();
  const { file, summary } = session;
  const text = dictionary(2e6);

  const isReadReport = (p: ProgressValue | undefined) => p?.kind === 'report' && /^read [\d,]+ of 2,000 KB$/.test(p.message ?? '');
  /** Calls `act` once, on the first progress report of a read step. */
  const onFirstReadStep = (act: () => void) => session.onFirstReport(isReadReport, act);
  const messagesOf = (token: string | undefined) => session.seen.filter((s) => s.token === token).map((s) => s.progress!.message ?? s.progress!.kind);

  it('answers a request sent once the read of a large file has begun before the read ends', async () => {
    const answered = await session.hoverDuring(text, isReadReport, 'hover while reading');
    const { seen } = session;
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
    const { editor, seen } = session;
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
    const { editor, seen } = session;
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
