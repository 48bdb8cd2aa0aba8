import * as assert from 'assert';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dictionary } from '../../bench/generate';
import { finish } from '../../server/src/engine/lint';
import { Workspace } from '../../server/src/lsp/documents';

describe('the workspace of open documents', () => {
  const text = dictionary(20e3, 5);
  const document = (version: number, body = text) => TextDocument.create('untitled:/w/shared.dictionary.yaml', 'yaml', version, body);
  const steps = (lint: Generator<unknown, unknown>) => {
    let count = 0;
    for (let next = lint.next(); !next.done; next = lint.next()) count++;
    return count;
  };

  it('lints a version once for all who ask while the lint is under way: each step once, one analysis for all', () => {
    const alone = steps(new Workspace(new TextDocuments(TextDocument)).analysisInSteps(document(1)));
    assert.ok(alone > 5, `${alone} steps`);
    const workspace = new Workspace(new TextDocuments(TextDocument));
    // The validator takes two steps, then a code action asks for the same version and finishes the lint.
    const validator = workspace.analysisInSteps(document(1));
    validator.next();
    validator.next();
    const codeAction = workspace.analysisInSteps(document(1));
    assert.strictEqual(steps(codeAction), alone - 2);
    const fromValidator = validator.next();
    assert.ok(fromValidator.done && fromValidator.value);
    assert.strictEqual(finish(workspace.analysisInSteps(document(1))), fromValidator.value);
    assert.strictEqual(fromValidator.value.findings.length, finish(new Workspace(new TextDocuments(TextDocument)).analysisInSteps(document(1)))!.findings.length);
  });

  it('starts a new lint for a newer version, and leaves the older one to whoever was stepping through it', () => {
    const workspace = new Workspace(new TextDocuments(TextDocument));
    const older = workspace.analysisInSteps(document(1));
    older.next();
    const edited = text.replace('description: ', 'description: DCF ');
    const newer = finish(workspace.analysisInSteps(document(2, edited)))!;
    assert.strictEqual(newer.version, 2);
    const rest = finish(older)!;
    assert.strictEqual(rest.version, 1);
    assert.notStrictEqual(rest, newer);
    // The newest analysis stays the one kept for the document.
    assert.strictEqual(finish(workspace.analysisInSteps(document(2, edited))), newer);
  });
});
