import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CONFIG } from '../../server/src/config/config';
import { fixAll } from '../../server/src/engine/fixes';
import { lintText } from '../../server/src/engine/lint';
import { VOCABULARY_FIELDS, vocabularyFor } from '../../server/src/rules/vocabulary';
import { yamlErrors } from '../helpers';
import { asCli, brief, cliDiagnostics, cliFixes, EDITOR_CAPABILITIES, offeredFixes, ROOT, TestEditor } from './lspClient';

/** A file with a finding of most rules, fixed here so that changes to the examples do not move these tests. */
const EXAMPLE = [
  '# Findings of most rules, on the lines the tests below name.',
  "title: DCF Placements of Inmates' Children",
  'description: >-',
  '  Counts of children placed by DCF in order to utilize foster care, prior to',
  '  the the court hearing. Data is collected by the agency. Inmates with children are',
  '  included.',
  'category: Health and Human Services',
  'agency: Department of Children and Families',
  'contact_email: dcf.data@example.gov',
  'update_frequency: yearly',
  'access_level: public',
  'columns:',
  '  - name: age_group',
  '    title: Age group',
  '    description: age_group',
  '  - name: placement_type',
  '    title: Placement type',
  '    description: TBD',
  '  - name: child_count',
  '    title: Child count',
].join('\n') + '\n';
const CLEAN = fs.readFileSync(path.join(ROOT, 'examples', 'clean', 'school-meals.metadata.yaml'), 'utf8');

/** A fresh folder, the workspace root, with no `.plainmeta.yaml` in it or above it. */
function workspaceFolder(): { dir: string; uri: string; file(name: string, text?: string): string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-lsp-')));
  return {
    dir,
    uri: pathToFileURL(dir).href,
    file(name, text) {
      const file = path.join(dir, name);
      if (text !== undefined) fs.writeFileSync(file, text);
      return pathToFileURL(file).href;
    },
  };
}

const at = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: at(l1, c1), end: at(l2, c2) });

describe('language server over stdio', function () {
  this.timeout(20000);
  let editor: TestEditor;
  let folder: ReturnType<typeof workspaceFolder>;

  beforeEach(async () => {
    folder = workspaceFolder();
    editor = (await TestEditor.start({ rootUri: folder.uri })).editor;
  });
  afterEach(() => TestEditor.killAll());

  const codeActions = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    editor.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]?.range ?? range(0, 0, 0, 0), context: { diagnostics, only } }) as Promise<CodeAction[]>;
  /** Opens the example with every rule's finding in the workspace, and waits for its diagnostics. */
  const openExample = async () => {
    const uri = folder.file('children.metadata.yaml', EXAMPLE);
    editor.open(uri, EXAMPLE);
    return { uri, diagnostics: await editor.current(uri) };
  };
  const find = (diagnostics: Diagnostic[], code: string, line: number) => {
    const found = diagnostics.find((d) => d.code === code && d.range.start.line === line);
    assert.ok(found, `no ${code} diagnostic on line ${line}: ${JSON.stringify(diagnostics.map(brief))}`);
    return found;
  };

  it('declares incremental sync, its code action kinds, hover and completion', async () => {
    editor.kill();
    const { editor: fresh, initialized } = await TestEditor.start({ rootUri: folder.uri });
    editor = fresh;
    assert.deepStrictEqual(initialized.capabilities, {
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.plainmeta'], resolveProvider: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
    });
    assert.deepStrictEqual(initialized.serverInfo, { name: 'plainmeta', version: '0.1.0' });
  });

  it('publishes diagnostics on open with exact ranges, rule codes and docs links, their fixes as code actions', async () => {
    const { uri, diagnostics } = await openExample();
    assert.deepStrictEqual(diagnostics.filter((d) => d.range.start.line === 1 && d.code !== 'date-column').map(brief), [
      { code: 'required-field', range: [1, 0, 1, 5], message: 'Required field "license" is missing.' },
      { code: 'acronym', range: [1, 7, 1, 10], message: '"DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".' },
      { code: 'person-centered', range: [1, 25, 1, 32], message: '"Inmates" labels people by their circumstance; prefer "People Who Are Incarcerated" or "Incarcerated People".' },
    ]);
    // All a diagnostic carries: what the editor shows. Its fixes are the server's, asked for as code actions.
    const acronym = find(diagnostics, 'acronym', 1);
    assert.deepStrictEqual(acronym, {
      range: range(1, 7, 1, 10),
      severity: 2,
      code: 'acronym',
      codeDescription: { href: 'https://github.com/plainmeta/plainmeta/blob/main/docs/rules/acronym.md' },
      source: 'plainmeta',
      message: '"DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".',
    });
    assert.deepStrictEqual(await offeredFixes(editor, uri, acronym), [
      { title: 'Define on first use: "Department of Children and Families (DCF)"', isPreferred: true, edits: [{ range: range(1, 7, 1, 10), newText: 'Department of Children and Families (DCF)' }] },
      { title: 'Expand to "Department of Children and Families"', isPreferred: undefined, edits: [{ range: range(1, 7, 1, 10), newText: 'Department of Children and Families' }] },
    ]);
  });

  it('gives the same findings as `plainmeta lint --format json` on the same file', async () => {
    const file = path.join(ROOT, 'examples', 'children-in-placement.metadata.yaml');
    const expected = cliDiagnostics(file);
    assert.ok(expected.length > 10);
    const uri = pathToFileURL(file).href;
    editor.open(uri, fs.readFileSync(file, 'utf8'));
    const diagnostics = await editor.current(uri);
    assert.deepStrictEqual(asCli(diagnostics), expected);
    const fixes = await Promise.all(diagnostics.map((d) => offeredFixes(editor, uri, d)));
    assert.deepStrictEqual(fixes, cliFixes(file));
    assert.ok(fixes.filter((f) => f.length > 0).length > 5);
  });

  it('re-lints after an incremental change, with the later findings moved', async () => {
    const uri = folder.file('children.metadata.yaml', EXAMPLE);
    editor.open(uri, EXAMPLE);
    const before = await editor.current(uri);
    assert.deepStrictEqual(brief(find(before, 'plain-language', 3)), { code: 'plain-language', range: [3, 35, 3, 46], message: '"in order to" has a plainer alternative: "to".' });
    // "utilize" (line 3, characters 47–54) becomes "use".
    const version = editor.change(uri, [{ range: range(3, 47, 3, 54), text: 'use' }]);
    assert.strictEqual(version, 2);
    const after = await editor.current(uri);
    assert.deepStrictEqual(after.filter((d) => d.code === 'plain-language').map(brief), [
      { code: 'plain-language', range: [3, 35, 3, 46], message: '"in order to" has a plainer alternative: "to".' },
      { code: 'plain-language', range: [3, 64, 3, 72], message: '"prior to" has a plainer alternative: "before".' },
    ]);
    // Style leaves "utilize" to plain-language, so one finding goes.
    assert.strictEqual(after.length, before.length - 1, 'the plain-language finding on "utilize" is gone');
  });

  it('offers one quick fix per fix; applying one clears the diagnostics', async () => {
    const text = CLEAN.replace('Number of breakfasts', 'Number of utilized breakfasts');
    const uri = folder.file('meals.metadata.yaml', text);
    editor.open(uri, text);
    const diagnostics = await editor.current(uri);
    assert.deepStrictEqual(diagnostics.map(brief), [{ code: 'plain-language', range: [2, 12, 2, 20], message: '"utilized" has a plainer alternative: "used".' }]);
    const actions = await codeActions(uri, diagnostics);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Replace with "used"', 'quickfix', true]]);
    assert.deepStrictEqual(actions[0].edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: range(2, 12, 2, 20), newText: 'used' }] }] });
    editor.apply(actions[0].edit!);
    assert.strictEqual(editor.document(uri).getText(), CLEAN.replace('Number of breakfasts', 'Number of used breakfasts'));
    assert.deepStrictEqual(await editor.current(uri), []);
  });

  it('offers define, expand, fix-all for the rule, allow list and disable for an acronym, in that order', async () => {
    const { uri, diagnostics } = await openExample();
    const titles = async (d: Diagnostic) => (await codeActions(uri, [d])).map((a) => a.title);
    assert.deepStrictEqual(await titles(find(diagnostics, 'acronym', 1)), [
      'Define on first use: "Department of Children and Families (DCF)"',
      'Expand to "Department of Children and Families"',
      'Fix all acronym problems in this file',
      "Add 'DCF' to the project's allow list",
      'Disable acronym for this line',
      'Fix all plainmeta problems that have one safe fix',
    ]);
    // Inside a folded block scalar a comment line would become text, so no disable action there.
    assert.deepStrictEqual(await titles(find(diagnostics, 'acronym', 3)), [
      'Define on first use: "Department of Children and Families (DCF)"',
      'Expand to "Department of Children and Families"',
      'Fix all acronym problems in this file',
      "Add 'DCF' to the project's allow list",
      'Fix all plainmeta problems that have one safe fix',
    ]);
  });

  it('fixes every acronym problem in the file with one action', async () => {
    const { uri, diagnostics } = await openExample();
    const action = (await codeActions(uri, [find(diagnostics, 'acronym', 1)])).find((a) => a.title === 'Fix all acronym problems in this file')!;
    editor.apply(action.edit!);
    const text = editor.document(uri).getText();
    assert.strictEqual(text, EXAMPLE.replace('title: DCF Placements', 'title: Department of Children and Families (DCF) Placements'));
    assert.deepStrictEqual(yamlErrors(text), []);
    assert.deepStrictEqual((await editor.current(uri)).filter((d) => d.code === 'acronym'), []);
  });

  it('to an editor that resolves code actions, offers the whole-file fixes without edits and makes them when one is chosen', async () => {
    const { uri, diagnostics } = await openExample();
    const eager = await codeActions(uri, [find(diagnostics, 'acronym', 1)]);
    editor.kill();
    const capabilities = { ...EDITOR_CAPABILITIES, textDocument: { ...EDITOR_CAPABILITIES.textDocument, codeAction: { ...EDITOR_CAPABILITIES.textDocument!.codeAction, resolveSupport: { properties: ['edit'] } } } };
    editor = (await TestEditor.start({ rootUri: folder.uri, capabilities })).editor;
    editor.open(uri, EXAMPLE);
    const lazy = await codeActions(uri, [find(await editor.current(uri), 'acronym', 1)]);
    assert.deepStrictEqual(lazy.map((a) => [a.title, !!a.edit]), eager.map((a) => [a.title, !a.title.startsWith('Fix all ')]));
    for (const action of lazy.filter((a) => !a.edit)) {
      assert.deepStrictEqual(action.data, { uri, rule: action.title === 'Fix all acronym problems in this file' ? 'acronym' : null });
      const resolved = (await editor.connection.sendRequest('codeAction/resolve', action)) as CodeAction;
      assert.deepStrictEqual(resolved, eager.find((a) => a.title === action.title));
    }
    const fixAllAcronyms = (await editor.connection.sendRequest('codeAction/resolve', lazy.find((a) => a.title === 'Fix all acronym problems in this file'))) as CodeAction;
    editor.apply(fixAllAcronyms.edit!);
    assert.strictEqual(editor.document(uri).getText(), EXAMPLE.replace('title: DCF Placements', 'title: Department of Children and Families (DCF) Placements'));
  });

  it('returns source.fixAll.plainmeta as one versioned edit of the safe fixes, as the engine makes it', async () => {
    const { uri } = await openExample();
    const actions = await codeActions(uri, [], ['source.fixAll']);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe plainmeta problems', 'source.fixAll.plainmeta']]);
    const edit = actions[0].edit!;
    assert.strictEqual(edit.documentChanges!.length, 1);
    assert.deepStrictEqual((edit.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 1 });
    editor.apply(edit);
    const expected = fixAll(EXAMPLE, (t) => lintText(t, { path: 'children.metadata.yaml', config: DEFAULT_CONFIG }).findings).text;
    assert.strictEqual(editor.document(uri).getText(), expected);
    assert.ok(expected.includes('update_frequency: Annually\n') && expected.includes('to use foster care, before\n  the court hearing.'));
    const left = await editor.current(uri);
    const findings = lintText(editor.document(uri).getText(), { path: 'children.metadata.yaml', config: DEFAULT_CONFIG }).findings;
    assert.deepStrictEqual(asCli(left).map((d) => [d.code, d.message, d.range]), findings.map((f) => [f.rule, f.message, f.range]));
    assert.deepStrictEqual(findings.filter((f) => f.fixes.filter((x) => x.safe).length === 1).map((f) => f.message), []);
    // Not offered unless asked for: it belongs to "fix on save", not to the light bulb.
    assert.deepStrictEqual((await codeActions(uri, [left[0]])).filter((a) => a.kind === 'source.fixAll.plainmeta'), []);
  });

  it('disables a rule for one line with a comment at its indentation', async () => {
    const { uri, diagnostics } = await openExample();
    const column = diagnostics.find((d) => d.code === 'undocumented-column' && d.range.start.line === 18)!;
    assert.deepStrictEqual(brief(column), { code: 'undocumented-column', range: [18, 10, 18, 21], message: 'Column "child_count" has no description; say what it measures.' });
    const action = (await codeActions(uri, [column])).find((a) => a.title === 'Disable undocumented-column for this line')!;
    assert.deepStrictEqual(action.edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: range(18, 0, 18, 0), newText: '  # plainmeta-disable-next-line undocumented-column\n' }] }] });
    editor.apply(action.edit!);
    assert.deepStrictEqual(yamlErrors(editor.document(uri).getText()), []);
    const after = await editor.current(uri);
    assert.deepStrictEqual(after.filter((d) => d.code === 'undocumented-column').map((d) => d.range.start.line), [14, 17]);
    assert.strictEqual(after.length, diagnostics.length - 1);
  });

  it('answers other requests while it lints to find out whether disabling a line works', async () => {
    const { uri, diagnostics } = await openExample();
    const column = diagnostics.find((d) => d.code === 'undocumented-column' && d.range.start.line === 18)!;
    const arrived: unknown[] = [];
    const stop = editor.observe((message) => 'id' in message && !('method' in message) && arrived.push(message.id));
    const [actions, hover] = await editor.sendInOneWrite([
      { jsonrpc: '2.0', id: 'actions', method: 'textDocument/codeAction', params: { textDocument: { uri }, range: column.range, context: { diagnostics: [column] } } },
      { jsonrpc: '2.0', id: 'hover', method: 'textDocument/hover', params: { textDocument: { uri }, position: at(1, 8) } },
    ]);
    stop();
    // The hover was read after the code actions, and answered first: the lint with the comment added yielded to it.
    assert.deepStrictEqual(arrived, ['hover', 'actions']);
    assert.deepStrictEqual((hover.result as Hover).range, range(1, 7, 1, 10));
    assert.ok((actions.result as CodeAction[]).some((a) => a.title === 'Disable undocumented-column for this line'));
  });

  it('creates .plainmeta.yaml at the workspace root to allow an acronym, and re-lints when it changes', async () => {
    fs.mkdirSync(path.join(folder.dir, 'data'));
    const uri = folder.file('data/children.metadata.yaml', EXAMPLE);
    editor.open(uri, EXAMPLE);
    const diagnostics = await editor.current(uri);
    assert.strictEqual(diagnostics.filter((d) => d.code === 'acronym').length, 2);
    const action = (await codeActions(uri, [find(diagnostics, 'acronym', 1)])).find((a) => a.title === "Add 'DCF' to the project's allow list")!;
    const configUri = folder.file('.plainmeta.yaml');
    assert.deepStrictEqual(action.edit, {
      documentChanges: [
        { kind: 'create', uri: configUri, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri: configUri, version: null }, edits: [{ range: range(0, 0, 0, 0), newText: '# plainmeta project configuration: https://github.com/plainmeta/plainmeta\nacronyms:\n  allow: [DCF]\n' }] },
      ],
    });
    editor.apply(action.edit!);
    const mark = editor.mark();
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const after = await editor.diagnostics(uri, () => true, mark);
    assert.deepStrictEqual(after.filter((d) => d.code === 'acronym'), []);
    assert.strictEqual(after.length, diagnostics.length - 2);
  });

  it('adds to the allow list of the nearest existing .plainmeta.yaml, open in the editor, keeping its layout', async () => {
    const config = '# ours\nprofile: ct-open-data\nacronyms:\n  allow: [FIPS]   # known to readers\n  glossary:\n    DMHAS: Department of Mental Health and Addiction Services\n';
    const configUri = folder.file('.plainmeta.yaml', config);
    editor.open(configUri, config);
    const { uri, diagnostics } = await openExample();
    const action = (await codeActions(uri, [find(diagnostics, 'acronym', 1)])).find((a) => a.title === "Add 'DCF' to the project's allow list")!;
    assert.deepStrictEqual(action.edit, { documentChanges: [{ textDocument: { uri: configUri, version: 1 }, edits: [{ range: range(3, 14, 3, 14), newText: ', DCF' }] }] });
    const mark = editor.mark();
    editor.apply(action.edit!);
    assert.strictEqual(editor.document(configUri).getText(), config.replace('[FIPS]', '[FIPS, DCF]'));
    // The unsaved edit in the editor already counts.
    const after = await editor.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'acronym'), mark);
    assert.strictEqual(after.length, diagnostics.length - 2);
  });

  it('explains a finding on hover with the guidance it comes from', async () => {
    const { uri } = await openExample();
    const hover = (await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(1, 27) })) as Hover;
    assert.deepStrictEqual(hover, {
      contents: {
        kind: 'markdown',
        value: [
          '**plainmeta** `person-centered`: "Inmates" labels people by their circumstance; prefer "People Who Are Incarcerated" or "Incarcerated People".',
          '> Also use person-centered language (e.g., "person who is incarcerated" rather than "inmate").',
          '— Connecticut Open Data Publication Guidelines, Step 3',
          'Word list: [Connecticut Open Data Publication Guidelines](https://portal.ct.gov/opm/-/media/OPM/Data/Open-Data-Publication-Guidelines.pdf)',
          '[Rule documentation](https://github.com/plainmeta/plainmeta/blob/main/docs/rules/person-centered.md)',
        ].join('\n\n'),
      },
      range: range(1, 25, 1, 32),
    });
    assert.strictEqual(await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(7, 3) }), null);
  });

  it('completes vocabulary values and missing top-level keys without any schema extension', async () => {
    const text = 'title: Meals\nupdate_frequency: \n\n';
    const uri = folder.file('meals.metadata.yaml', text);
    editor.open(uri, text);
    await editor.current(uri);
    const values = (await editor.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(1, 18) })) as CompletionItem[];
    assert.deepStrictEqual(values.map((i) => i.label), vocabularyFor('update_frequency')!.values);
    assert.deepStrictEqual(values[2].textEdit, { range: range(1, 17, 1, 18), newText: ' Annually' });
    const keys = (await editor.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(2, 0) })) as CompletionItem[];
    assert.deepStrictEqual(keys.map((i) => i.label), [
      'description', 'category', 'agency', 'publisher', 'attribution', 'contact_email', 'keywords', 'row_label', 'source_link',
      'geographic_unit', 'temporal_coverage', 'license', 'access_level', 'collection_method', 'limitations', 'data_file', 'columns',
    ]);
    const license = keys.find((i) => i.label === 'license')!;
    assert.deepStrictEqual(license.textEdit, { range: range(2, 0, 2, 0), newText: 'license: ' });
    assert.match((license.documentation as { value: string }).value, /^The license of the data\./);
    // Inside a value that is not a vocabulary, nothing.
    assert.deepStrictEqual(await editor.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, 10) }), []);
  });

  it('stays silent on YAML that is not metadata', async () => {
    const workflow = 'name: DCF utilize inmates\non: push\n';
    const other = folder.file('ci.yml', workflow);
    editor.open(other, workflow);
    const { uri } = await openExample();
    assert.deepStrictEqual(editor.published.filter((p) => p.uri === other), []);
    assert.deepStrictEqual(await codeActions(other, [{ range: range(0, 6, 0, 9), message: 'x', source: 'plainmeta', code: 'acronym' }]), []);
    assert.strictEqual(await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: at(0, 7) }), null);
  });

  it('ignores every YAML, JSON and CSV file it does not read, at any size: no diagnostics, no progress, no settings asked twice', async () => {
    editor.kill();
    editor = (await TestEditor.start({ rootUri: folder.uri, capabilities: { ...EDITOR_CAPABILITIES, window: { workDoneProgress: true } } })).editor;
    const begun: string[] = [];
    editor.connection.onRequest('window/workDoneProgress/create', () => null);
    editor.connection.onNotification('$/progress', (params: { value: { kind: string; message?: string } }) => {
      if (params.value.kind === 'begin') begun.push(params.value.message!);
    });
    const asked: string[] = [];
    // Every file is "large" (above 0.1 KB), which is when a file plainmeta reads gets a progress.
    editor.settings = (scopeUri) => (asked.push(String(scopeUri)), { enable: true, run: 'onType', maxFileSize: 0.1 });
    const prose = 'We utilize the DCF extract in order to count inmates. '.repeat(10);
    const others = ([
      ['ci.yml', `name: nightly\ndescription: ${prose}\non: push\n`],
      ['package.json', JSON.stringify({ name: 'x', description: prose })],
      ['rows.csv', `name,description\nage,${prose}\n`],
    ] as const).map(([name, text]) => {
      const uri = folder.file(name, text);
      editor.open(uri, text);
      editor.change(uri, [{ range: range(0, 0, 0, 0), text: '# ' }]);
      return uri as string;
    });
    // Opened, changed and saved after the others, so its diagnostics come after any lint of theirs.
    const { uri } = await openExample();
    for (const other of others) await editor.connection.sendNotification('textDocument/didSave', { textDocument: { uri: other } });
    const version = editor.change(uri, [{ range: range(3, 47, 3, 54), text: 'use' }]);
    await editor.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await editor.diagnostics(uri, (p) => p.version === version);
    assert.deepStrictEqual(editor.published.filter((p) => p.uri !== uri), []);
    assert.deepStrictEqual(begun, ['checking children.metadata.yaml', 'checking children.metadata.yaml'], 'a progress for the example on open and on save, none for the others');
    assert.deepStrictEqual(asked.filter((u) => u !== uri).sort(), [...others].sort(), 'settings asked once per file');
  });

  it('reports a broken document and keeps answering', async () => {
    const broken = 'title: [unclosed\ndescription: "x\n';
    const uri = folder.file('broken.metadata.yaml', broken);
    editor.open(uri, broken);
    const diagnostics = await editor.current(uri);
    assert.deepStrictEqual(diagnostics.filter((d) => d.code === 'parse-error').map(brief), [
      { code: 'parse-error', range: [1, 0, 1, 1], message: 'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (and 1 more syntax error after it)' },
    ]);
    const hover = (await editor.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(1, 0) })) as Hover;
    assert.match((hover.contents as { value: string }).value, /^\*\*plainmeta\*\* `parse-error`: YAML syntax: Flow sequence/);
    const good = folder.file('meals.metadata.yaml', CLEAN);
    editor.open(good, CLEAN);
    assert.deepStrictEqual(await editor.current(good), []);
  });

  it('reads settings per document: disabled clears diagnostics, onSave lints on save only', async () => {
    const { uri, diagnostics } = await openExample();
    const all = diagnostics.length;
    const other = folder.file('other.metadata.yaml', EXAMPLE);
    editor.open(other, EXAMPLE);
    assert.strictEqual((await editor.current(other)).length, all);
    editor.settings = (scopeUri) => ({ enable: scopeUri !== uri });
    let mark = editor.mark();
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual(await editor.diagnostics(uri, () => true, mark), []);
    assert.strictEqual((await editor.diagnostics(other, () => true, mark)).length, all);

    editor.settings = () => ({ enable: true, run: 'onSave' });
    mark = editor.mark();
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual((await editor.diagnostics(uri, () => true, mark)).length, all);
    const version = editor.change(uri, [{ range: range(3, 47, 3, 54), text: 'use' }]);
    await editor.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.strictEqual((await editor.diagnostics(uri, (p) => p.version === version)).length, all - 1, 'the finding on "utilize" is gone');
    assert.ok(editor.registrations.includes('workspace/didChangeConfiguration') && editor.registrations.includes('workspace/didChangeWatchedFiles'));
  });

  it('checks a file above plainmeta.maxFileSize on open and save only, saying so once', async () => {
    const { diagnostics: normal } = await openExample();
    const large = folder.file('large.metadata.yaml', EXAMPLE);
    const small = folder.file('small.metadata.yaml', EXAMPLE);
    // EXAMPLE is about 800 characters: above 0.5 KB, below 10 KB.
    editor.settings = (scopeUri) => ({ enable: true, run: 'onType', maxFileSize: scopeUri === large ? 0.5 : 10 });
    editor.open(large, EXAMPLE);
    const opened = await editor.current(large);
    const notice = {
      code: 'large-file',
      range: [0, 0, 0, 0],
      message: 'This file is larger than 0.5 KB (setting plainmeta.maxFileSize), so plainmeta checks it when it is opened and saved, not as you type.',
    };
    assert.deepStrictEqual(opened.map(brief), [notice, ...normal.map(brief)]);
    assert.strictEqual(opened[0].severity, 3);

    const version = editor.change(large, [{ range: range(3, 47, 3, 54), text: 'use' }]);
    // A small file changed after it is linted as the user types; by the time its diagnostics
    // arrive, a lint of the large one scheduled the same way would have been published first.
    editor.open(small, EXAMPLE);
    await editor.current(small);
    const smallVersion = editor.change(small, [{ range: range(3, 47, 3, 54), text: 'use' }]);
    await editor.diagnostics(small, (p) => p.version === smallVersion);
    assert.deepStrictEqual(editor.published.filter((p) => p.uri === large).map((p) => p.version), [1], 'typing does not lint the large file');

    await editor.connection.sendNotification('textDocument/didSave', { textDocument: { uri: large } });
    const saved = await editor.diagnostics(large, (p) => p.version === version);
    assert.deepStrictEqual(saved.filter((d) => d.code === 'large-file').map(brief), [notice]);
    assert.strictEqual(saved.length, normal.length + 1 - 1, 'the finding on "utilize" is gone');
  });

  it('reports progress while checking a large file, and publishes only the newest version', async () => {
    editor.kill();
    editor = (await TestEditor.start({ rootUri: folder.uri, capabilities: { ...EDITOR_CAPABILITIES, window: { workDoneProgress: true } } })).editor;
    const created: string[] = [];
    type Progress = { kind: string; title?: string; cancellable?: boolean; message?: string; percentage?: number };
    // By token: a lint dropped for a newer version may end its progress after the newer lint
    // created its own, so the notifications of two progresses can interleave.
    const progress = new Map<string, Progress[]>();
    editor.connection.onRequest('window/workDoneProgress/create', (params: { token: unknown }) => void created.push(JSON.stringify(params.token)));
    editor.connection.onNotification('$/progress', (params: { token: unknown; value: Progress }) => {
      const token = JSON.stringify(params.token);
      progress.set(token, [...(progress.get(token) ?? []), params.value]);
    });
    editor.settings = () => ({ enable: true, run: 'onType', maxFileSize: 0.5 });
    const uri = folder.file('large.metadata.yaml', EXAMPLE);
    editor.open(uri, EXAMPLE);
    editor.change(uri, [{ range: range(3, 47, 3, 54), text: 'use' }]);
    await editor.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const last = editor.change(uri, [{ range: range(1, 7, 1, 10), text: 'The' }]);
    await editor.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const diagnostics = await editor.diagnostics(uri, (p) => p.version === last);
    assert.ok(!diagnostics.some((d) => d.code === 'acronym' && d.range.start.line === 1), 'the lint of the newest text');
    const versions = editor.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepStrictEqual(versions, [...new Set(versions)].sort((a, b) => a - b), `published in order, each once: ${versions}`);
    // Each lint began a progress the editor created, and ended it, with percentages that only
    // grow in between.
    assert.ok(created.length >= 1);
    assert.deepStrictEqual([...progress.keys()].sort(), [...created].sort(), 'progress only for the tokens created, each begun');
    for (const [token, values] of progress) {
      const shown = `progress ${token}: ${JSON.stringify(values)}`;
      assert.deepStrictEqual(values[0], { kind: 'begin', title: 'plainmeta', cancellable: true, message: 'checking large.metadata.yaml', percentage: 0 }, shown);
      assert.deepStrictEqual(values.slice(1).map((p) => p.kind), [...values.slice(1, -1).map(() => 'report'), 'end'], shown);
      const percentages = values.slice(1, -1).map((p) => p.percentage!);
      assert.ok(percentages.every((p, i) => p > (i === 0 ? -1 : percentages[i - 1]) && p <= 100), shown);
    }
    assert.ok([...progress.values()].some((values) => values.some((p) => p.kind === 'report')));
  });

  it('answers code actions, hover and completion cancelled before they could run with RequestCancelled, and keeps serving', async () => {
    const columns = Array.from({ length: 1500 }, (_, i) => `  - name: column_${i}\n    title: Column ${i}\n    description: TBD\n`).join('');
    const text = EXAMPLE + columns;
    const uri = folder.file('large.metadata.yaml', text);
    editor.open(uri, text);
    await editor.current(uri);
    // A new version: nothing is cached for it, so each request would have to lint it first.
    editor.change(uri, [{ range: range(3, 47, 3, 54), text: 'use' }]);
    const document = { textDocument: { uri } };
    // Each request and its $/cancelRequest reach the server in the same read, so the cancellation
    // is known before the request is handled, whatever the machine's speed.
    const responses = await editor.sendInOneWrite([
      { jsonrpc: '2.0', id: 'actions', method: 'textDocument/codeAction', params: { ...document, range: range(1, 7, 1, 10), context: { diagnostics: [] } } },
      { jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'actions' } },
      { jsonrpc: '2.0', id: 'hover', method: 'textDocument/hover', params: { ...document, position: at(1, 8) } },
      { jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'hover' } },
      { jsonrpc: '2.0', id: 'completion', method: 'textDocument/completion', params: { ...document, position: at(9, 18) } },
      { jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'completion' } },
    ]);
    assert.deepStrictEqual(responses.map((r) => [r.id, r.error?.code, r.error?.message, 'result' in r]), [
      ['actions', -32800, 'plainmeta: code actions cancelled', false],
      ['hover', -32800, 'plainmeta: hover cancelled', false],
      ['completion', -32800, 'plainmeta: completion cancelled', false],
    ]);
    // The same request, not cancelled, is answered from a lint of the new version.
    const hover = (await editor.connection.sendRequest('textDocument/hover', { ...document, position: at(3, 48) })) as Hover | null;
    assert.strictEqual(hover, null, 'no finding on "use"');
    const acronym = (await editor.connection.sendRequest('textDocument/hover', { ...document, position: at(1, 8) })) as Hover;
    assert.deepStrictEqual(acronym.range, range(1, 7, 1, 10));
  });

  it('ends on shutdown and exit with status 0', async () => {
    assert.strictEqual(await editor.stop(), 0);
  });

  it('ends when the client goes away without a shutdown', async () => {
    editor.process.stdin!.end();
    assert.strictEqual(await editor.exitCode(), 1);
  });
});
