// Sample tests run inside the extension host (TDD ui, as in the test-electron template).
'use strict';
const assert = require('assert');
const vscode = require('vscode');

suite('sample: extension host', () => {
  test('vscode.version starts with 1.', () => {
    assert.ok(vscode.version.startsWith('1.'), `vscode.version = ${vscode.version}`);
  });

  test('the workspace folder is open', () => {
    const folders = vscode.workspace.workspaceFolders || [];
    assert.strictEqual(folders.length, 1);
  });

  test('can open a document and read it back', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'hello', language: 'plaintext' });
    assert.strictEqual(doc.getText(), 'hello');
  });

  if (process.env.PLAINMETA_SAMPLE_FAIL === '1') {
    test('deliberately failing test (PLAINMETA_SAMPLE_FAIL=1)', () => {
      assert.strictEqual(1 + 1, 3);
    });
  }
});
