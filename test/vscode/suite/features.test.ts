/**
 * The extension seen through VS Code's own API: diagnostics as VS Code holds them, quick fixes and
 * fix-all gathered by VS Code's code action machinery and applied as workspace edits, the commands.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { applyAction, brief, codeActions, exampleText, openFixture, poll, removeScratch, ROOT, waitForDiagnostics, workspaceFolder } from './helpers';

const SEVERITY_NAMES: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Information', hint: 'Hint' };

/** `plainmeta lint --format json` on `file`, as brief() strings. */
function cliFindings(file: string): string[] {
  // In desktop VS Code the extension host is Electron; ELECTRON_RUN_AS_NODE makes it plain Node.
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'plainmeta.js'), 'lint', '--format', 'json', file], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.ok(run.stdout, `plainmeta lint printed nothing (exit ${run.status}):\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    files: { diagnostics: { rule: string; severity: string; message: string; range: vscode.Range }[] }[];
  };
  return report.files[0].diagnostics.map(({ rule, severity, message, range: r }) =>
    `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${SEVERITY_NAMES[severity]} ${rule} ${message}`);
}

const lines = (text: string) => text.split('\n');

/** The example with every safe fix applied, as "Fix all" makes it. */
function allSafeFixed(original: string): string {
  const expected = lines(original);
  expected[1] = "title: Department of Children and Families (DCF) Placements of Inmates' Children, 2019";
  expected[3] = '  Counts of children placed by DCF to use foster care, before';
  expected[4] = '  the court hearing. Data is collected by the agency. Inmates with children are';
  expected[6] = '  use encompasses jurisdictional classifications, organizational identification';
  expected[11] = 'update_frequency: Annually';
  return expected.join('\n');
}

describe('plainmeta in VS Code', () => {
  after(removeScratch);

  it('shows the findings as diagnostics with rule id, documentation link, source, severity and exact range', async () => {
    const document = await openFixture('diagnostics.metadata.yaml', exampleText());
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics');
    const got = diagnostics.map(brief);
    for (const expected of [
      '1:0-1:5 Error required-field Required field "license" is missing.',
      '1:7-1:10 Warning acronym "DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".',
      '3:47-3:54 Warning plain-language "utilize" has a plainer alternative: "use".',
      '4:6-4:9 Hint style "the" is repeated.',
      '11:18-11:24 Error invalid-value "yearly" is not an allowed update frequency; did you mean "Annually"?',
      '20:10-20:21 Warning undocumented-column Column "child_count" has no description; say what it measures.',
    ]) {
      assert.ok(got.includes(expected), `missing ${expected}\nin:\n${got.join('\n')}`);
    }
    // The same findings as the command line on the same file, no more and no fewer.
    assert.deepStrictEqual([...got].sort(), cliFindings(document.uri.fsPath).sort());
    assert.strictEqual(got.length, 19);

    const acronym = diagnostics.find((d) => brief(d).startsWith('1:7-1:10 '));
    assert.ok(acronym && typeof acronym.code === 'object');
    assert.strictEqual(acronym.code.target.toString(), 'https://github.com/plainmeta/plainmeta/blob/main/docs/rules/acronym.md');
    assert.strictEqual(acronym.source, 'plainmeta');
  });

  it('offers the quick fixes for a finding, and applying one changes only that word and clears the finding', async () => {
    const original = exampleText();
    const document = await openFixture('quickfix.metadata.yaml', original);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.message.startsWith('"utilize"')), 'the "utilize" finding');

    const actions = await codeActions(document.uri, new vscode.Range(3, 47, 3, 54));
    assert.deepStrictEqual(actions.map((a) => `${a.kind?.value} ${a.title}${a.isPreferred ? ' (preferred)' : ''}`), [
      'quickfix Replace with "use" (preferred)',
      'quickfix Fix all plain-language problems in this file',
      // No "Disable … for this line": the line is inside a block scalar, where a comment would be text.
      'quickfix Fix all plainmeta problems that have one safe fix',
    ]);
    await applyAction(actions[0]);

    const expected = lines(original);
    expected[3] = '  Counts of children placed by DCF in order to use foster care, prior to';
    assert.strictEqual(document.getText(), expected.join('\n'));
    const after = await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.message.startsWith('"utilize"')), 'the "utilize" findings to go');
    assert.deepStrictEqual(after.map(brief).filter((b) => b.startsWith('3:')), [
      '3:31-3:34 Warning acronym "DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".',
      '3:35-3:46 Warning plain-language "in order to" has a plainer alternative: "to".',
      '3:64-3:72 Warning plain-language "prior to" has a plainer alternative: "before".',
    ]);
    assert.strictEqual(after.length, 18);
  });

  it('defines an acronym on first use, which also clears its later uses', async () => {
    const original = exampleText();
    const document = await openFixture('acronym.metadata.yaml', original);
    await waitForDiagnostics(document.uri, (d) => d.filter((x) => x.code && (x.code as { value: string }).value === 'acronym').length === 2, 'two acronym findings');
    const actions = await codeActions(document.uri, new vscode.Range(1, 7, 1, 10), vscode.CodeActionKind.QuickFix.value);
    const define = actions.find((a) => a.title === 'Define on first use: "Department of Children and Families (DCF)"');
    assert.ok(define, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    await applyAction(define);

    const expected = lines(original);
    expected[1] = "title: Department of Children and Families (DCF) Placements of Inmates' Children, 2019";
    assert.strictEqual(document.getText(), expected.join('\n'));
    await waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => x.message.includes('"DCF" is not defined')), 'the acronym findings to go');
  });

  it('"Disable <rule> for this line" inserts the directive above the line and silences the finding', async () => {
    const original = exampleText();
    const document = await openFixture('disable.metadata.yaml', original);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.message.startsWith('"yearly"')), 'the "yearly" finding');
    const actions = await codeActions(document.uri, new vscode.Range(11, 18, 11, 24));
    assert.deepStrictEqual(actions.map((a) => a.title), [
      'Replace with "Annually"',
      'Disable invalid-value for this line',
      'Fix all plainmeta problems that have one safe fix',
    ]);
    await applyAction(actions[1]);

    const expected = lines(original);
    expected.splice(11, 0, '# plainmeta-disable-next-line invalid-value');
    assert.strictEqual(document.getText(), expected.join('\n'));
    const after = await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.message.startsWith('"yearly"')), 'the "yearly" finding to go');
    assert.strictEqual(after.length, 18);
  });

  it('"Fix all plainmeta problems that have one safe fix" gets its edit when chosen, and applies every safe fix', async () => {
    const original = exampleText();
    const document = await openFixture('fixall-quick.metadata.yaml', original);
    await waitForDiagnostics(document.uri, (d) => d.length === 19, 'the 19 findings');
    // The server offers whole-file fixes without their edit; VS Code resolves an action when it is chosen.
    const offered = await codeActions(document.uri, new vscode.Range(11, 18, 11, 24));
    const lazy = offered.find((a) => a.title === 'Fix all plainmeta problems that have one safe fix');
    assert.ok(lazy && !lazy.edit, `offered: ${offered.map((a) => `${a.title}${a.edit ? ' (with edit)' : ''}`).join(' | ')}`);
    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(11, 18, 11, 24), undefined, offered.length);
    await applyAction(resolved.find((a) => a.title === lazy.title)!);
    assert.strictEqual(document.getText(), allSafeFixed(original));
  });

  it('source.fixAll.plainmeta applies every safe fix in one edit', async () => {
    const original = exampleText();
    const document = await openFixture('fixall.metadata.yaml', original);
    await waitForDiagnostics(document.uri, (d) => d.length === 19, 'the 19 findings');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);

    const actions = await codeActions(document.uri, whole, 'source.fixAll.plainmeta');
    assert.deepStrictEqual(actions.map((a) => `${a.kind?.value} ${a.title}`), ['source.fixAll.plainmeta Fix all safe plainmeta problems']);
    // A save with "source.fixAll" in editor.codeActionsOnSave asks for the parent kind.
    assert.deepStrictEqual((await codeActions(document.uri, whole, 'source.fixAll')).map((a) => a.kind?.value), ['source.fixAll.plainmeta']);
    await applyAction(actions[0]);
    assert.strictEqual(document.getText(), allSafeFixed(original));
    const after = await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.message.startsWith('"yearly"')), 'the fixed findings to go');
    assert.deepStrictEqual(after.map((d) => (d.code as { value: string }).value).sort(), [
      'date-column', 'person-centered', 'person-centered', 'readability', 'required-field', 'style', 'style', 'title-year',
      'undocumented-column', 'undocumented-column', 'undocumented-column',
    ]);
  });

  it('contributes "plainmeta: Show output" and "plainmeta: New dataset metadata file"', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('plainmeta.showOutput'));
    assert.ok(commands.includes('plainmeta.newMetadataFile'));
    await vscode.commands.executeCommand('plainmeta.showOutput');

    // The command asks for a name in an input box; accept the suggested one ("new-dataset").
    const created = path.join(workspaceFolder(), 'new-dataset.metadata.yaml');
    fs.rmSync(created, { force: true });
    let finished = false;
    const running = Promise.resolve(vscode.commands.executeCommand('plainmeta.newMetadataFile')).finally(() => (finished = true));
    try {
      await poll(async () => {
        if (finished) return true;
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return undefined;
      }, 'the new-file command to finish');
      await running;
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor?.document.uri.fsPath, created);
      assert.ok(fs.existsSync(created));
      assert.deepStrictEqual(lines(editor.document.getText()).slice(0, 3), [
        'title: Title in plain words, no acronyms',
        'description: >-',
        '  What the data describes, for readers who do not know it.',
      ]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(created, { force: true });
    }
  });
});
