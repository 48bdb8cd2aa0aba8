import * as assert from 'assert';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dictionary } from '../../bench/generate';
import { finish } from '../../server/src/engine/lint';
import { Workspace } from '../../server/src/lsp/documents';

describe('Workspace: what a document\'s lint keeps for the next', () => {
  const uri = 'file:///nowhere/kept.dictionary.yaml';
  const text = dictionary(20e3);
  const at = text.indexOf('description:', text.length / 2) + 'description: '.length + 3;
  /** The text with `n` more characters typed inside one column's description. */
  const typed = (n: number) => text.slice(0, at) + 'x'.repeat(n) + text.slice(at);
  const analyse = (workspace: Workspace, version: number, remember?: boolean) =>
    finish(workspace.analysisInSteps(TextDocument.create(uri, 'yaml', version, typed(version)), remember))!;

  it('a lint asked without saying follows the validator\'s last choice for the document', () => {
    const workspace = new Workspace(new TextDocuments(TextDocument));
    analyse(workspace, 1, false);
    // A hover between two saves of a file linted on save only: nothing was kept to reuse, and nothing is now.
    assert.strictEqual(analyse(workspace, 2).moved, undefined);
    assert.strictEqual(analyse(workspace, 3).moved, undefined);
    // Once the validator lints as the user types, a keystroke reuses the lint before it.
    analyse(workspace, 4, true);
    assert.ok(analyse(workspace, 5).moved);
    // Closed and opened again: remembered, as any document is at first.
    workspace.forget(uri);
    analyse(workspace, 6);
    assert.ok(analyse(workspace, 7).moved);
  });
});
