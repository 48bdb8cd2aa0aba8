/**
 * Runs first, in a host where no file plainmeta reads has been opened: the extension wakes up on YAML
 * but leaves other YAML alone, and starts its language server for a file it reads.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { exampleText, openFixture, plainmetaDiagnostics, plainmetaExtension, poll, removeScratch, waitForDiagnostics } from './helpers';

// Prose plainmeta would flag ("utilize", "DCF", "inmates") if it read this file.
const OTHER_YAML = 'name: nightly refresh\ndescription: We utilize the DCF extract in order to count inmates.\non: [push]\n';

describe('activation', () => {
  after(removeScratch);

  it('activates on other YAML without starting the language server, and starts it for a metadata file', async () => {
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => /(\.|^)(metadata|dictionary)\.ya?ml$|data-dictionary\.ya?ml$/.test(d.fileName)),
      'a file plainmeta reads is already open; this test must run first in a fresh host',
    );
    const extension = plainmetaExtension();
    const other = await openFixture('pipeline.yaml', OTHER_YAML);
    assert.strictEqual(other.languageId, 'yaml');
    const api = await poll(() => (extension.isActive ? extension.exports : undefined), 'plainmeta to activate on a YAML file');
    assert.strictEqual(api.languageServerStarted(), false, 'the language server started for a YAML file plainmeta does not read');

    const metadata = await openFixture('activation.metadata.yaml', exampleText());
    await waitForDiagnostics(metadata.uri, (d) => d.length > 0, 'diagnostics for the metadata file');
    assert.strictEqual(api.languageServerStarted(), true);
    // The other file was open first, so had the client handed it to the server its diagnostics would be in.
    assert.deepStrictEqual(plainmetaDiagnostics(other.uri), []);
  });
});
