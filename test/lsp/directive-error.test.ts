import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { brief, TestEditor } from './lspClient';

const TEXT = ['title: School meals', '# plainmeta-disable-next-line acronyn', 'row_label: One CSDE office', ''].join('\n');
const MESSAGE = 'plainmeta has no rule "acronyn", so this comment silences nothing for it. Did you mean "acronym"?';
const at = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: at(l1, c1), end: at(l2, c2) });

describe('language server: a directive naming an unknown rule (directive-error)', function () {
  this.timeout(20000);
  let editor: TestEditor;
  let dir: string;
  let uri: string;

  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-lsp-directive-')));
    const file = path.join(dir, 'meals.metadata.yaml');
    fs.writeFileSync(file, TEXT);
    uri = pathToFileURL(file).href;
    editor = (await TestEditor.start({ rootUri: pathToFileURL(dir).href })).editor;
    editor.open(uri, TEXT);
  });
  afterEach(() => {
    TestEditor.killAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codeActions = (diagnostics: Diagnostic[]) =>
    editor.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }) as Promise<CodeAction[]>;
  const directiveErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'directive-error');

  it('is an error diagnostic at the misspelt name, with its docs link and hover', async () => {
    const [diagnostic, ...others] = directiveErrors(await editor.current(uri));
    assert.deepStrictEqual(others, []);
    assert.deepStrictEqual(brief(diagnostic), { code: 'directive-error', range: [1, 30, 1, 37], message: MESSAGE });
    assert.strictEqual(diagnostic.severity, 1);
    assert.deepStrictEqual(diagnostic.codeDescription, { href: 'https://github.com/plainmeta/plainmeta/blob/main/docs/rules/directive-error.md' });
    const hover = (await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(1, 33) })) as Hover;
    assert.strictEqual(
      (hover.contents as { value: string }).value,
      [
        '**plainmeta** `directive-error`: plainmeta has no rule "acronyn", so this comment silences nothing for it. Did you mean "acronym"?',
        'A plainmeta-disable or -enable comment names a rule or directive plainmeta does not know, so it turns nothing off for it.',
        '[Rule documentation](https://github.com/plainmeta/plainmeta/blob/main/docs/rules/directive-error.md)',
      ].join('\n\n'),
    );
  });

  it('offers the suggested name as a quick fix (not preferred, not disable-for-this-line), which silences the finding meant', async () => {
    const diagnostics = await editor.current(uri);
    assert.deepStrictEqual(diagnostics.filter((d) => d.code === 'acronym').map(brief), [
      { code: 'acronym', range: [2, 15, 2, 19], message: '"CSDE" is not defined; spell it out the first time: "Connecticut State Department of Education (CSDE)".' },
    ]);
    const actions = await codeActions(directiveErrors(diagnostics));
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [['Change to "acronym"', 'quickfix', undefined]],
    );
    assert.deepStrictEqual(actions[0].edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: range(1, 30, 1, 37), newText: 'acronym' }] }] });
    editor.apply(actions[0].edit!);
    assert.strictEqual(editor.document(uri).getText(), TEXT.replace('acronyn', 'acronym'));
    const after = await editor.current(uri);
    assert.deepStrictEqual(after.filter((d) => d.code === 'directive-error' || d.code === 'acronym'), []);
  });

  it('appears and goes as the comment is typed', async () => {
    await editor.current(uri);
    // "acronyn" → "acronym": the diagnostic goes; then "acronym" → "acronymx": it comes back.
    editor.change(uri, [{ range: range(1, 36, 1, 37), text: 'm' }]);
    assert.deepStrictEqual(directiveErrors(await editor.current(uri)), []);
    editor.change(uri, [{ range: range(1, 37, 1, 37), text: 'x' }]);
    assert.deepStrictEqual(directiveErrors(await editor.current(uri)).map(brief), [
      { code: 'directive-error', range: [1, 30, 1, 38], message: 'plainmeta has no rule "acronymx", so this comment silences nothing for it. Did you mean "acronym"?' },
    ]);
  });
});
