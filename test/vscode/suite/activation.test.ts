/**
 * Runs first, in a fresh host whose workspace holds one file plainmeta reads (../workspace.ts) and
 * nothing open: the extension wakes up for that file, and the server, not the client, decides
 * which of the YAML, JSON and CSV files it is handed get diagnostics.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SEED_FILE } from '../workspace';
import { brief, openFixture, plainmetaDiagnostics, plainmetaExtension, poll, removeScratch, scratchFolder, waitForDiagnostics, workspaceFolder } from './helpers';

// Prose plainmeta would flag ("utilize", "DCF", "inmates") if it read this file.
const OTHER_YAML = 'name: nightly refresh\ndescription: We utilize the DCF extract in order to count inmates.\non: [push]\n';
const OTHER_JSON = '{ "name": "refresh", "description": "We utilize the DCF extract in order to count inmates." }\n';
const OTHER_CSV = 'name,description\nage_group,TBD\n';

const opened = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => path.basename(d.fileName));

describe('activation', () => {
  after(removeScratch);

  it('wakes up in a workspace holding a Data Package before any file is open, and starts no server until one could be read', async () => {
    assert.deepStrictEqual(opened(), [], 'this test must run first in a fresh host');
    const extension = plainmetaExtension();
    const api = await poll(() => (extension.isActive ? extension.exports : undefined), `plainmeta to wake up for ${SEED_FILE} in the workspace`);
    assert.strictEqual(api.languageServerStarted(), false);
  });

  it('gives other YAML, JSON and CSV nothing, and diagnostics to a Data Package, a CSV dictionary, portal YAML and a files: glob', async () => {
    const others = [await openFixture('pipeline.yaml', OTHER_YAML), await openFixture('package.json', OTHER_JSON), await openFixture('rows.csv', OTHER_CSV)];
    assert.strictEqual(plainmetaExtension().exports.languageServerStarted(), true, 'the server starts for the first YAML file');

    const dataPackage = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceFolder(), SEED_FILE)));
    await vscode.window.showTextDocument(dataPackage);
    assert.deepStrictEqual((await waitForDiagnostics(dataPackage.uri, (d) => d.length > 0, 'diagnostics for datapackage.json')).map(brief), [
      '1:2-1:8 Error required-field Required field "description" is missing.',
      '1:2-1:8 Error required-field Required field "license" is missing.',
      '1:2-1:8 Error required-field Required field "update_frequency" is missing.',
      '2:26-2:29 Warning acronym "DCF" is not defined; spell it out the first time: "Department of Children and Families (DCF)".',
      '4:6-4:12 Information date-column No column holds a date; the guidelines recommend one, such as the date each row was last updated.',
      '4:89-4:94 Warning undocumented-column Column "age_group" has a placeholder description ("TBD"); say what it measures.',
    ]);

    const csv = await openFixture('placements-dictionary.csv', 'name,description\nage_group,Age group of the child\nchild_count,TBD\n');
    assert.deepStrictEqual((await waitForDiagnostics(csv.uri, (d) => d.length > 0, 'diagnostics for the CSV dictionary')).map(brief), [
      '0:0-0:16 Information date-column No column holds a date; the guidelines recommend one, such as the date each row was last updated.',
      '2:12-2:15 Warning undocumented-column Column "child_count" has a placeholder description ("TBD"); say what it measures.',
    ]);

    // Recognised by content only: any .yml with two portal keys.
    const portal = await openFixture('parks.yml', 'display_name: Park visits\nnotes: We utilize counters at each gate.\n');
    const portalDiagnostics = await waitForDiagnostics(portal.uri, (d) => d.length > 0, 'diagnostics for the portal YAML');
    assert.deepStrictEqual(portalDiagnostics.map(brief).filter((b) => b.startsWith('1:')), [
      '1:10-1:17 Warning plain-language "utilize" has a plainer alternative: "use".',
    ]);

    // A name no format claims, given to the CSV dictionary reader by the project's configuration.
    fs.writeFileSync(path.join(scratchFolder(), '.plainmeta.yaml'), 'files:\n  csv-dictionary: ["columns.csv"]\n');
    const configured = await openFixture('columns.csv', 'name,description\nchild_count,TBD\n');
    assert.deepStrictEqual((await waitForDiagnostics(configured.uri, (d) => d.length > 0, 'diagnostics for columns.csv')).map(brief), [
      '0:0-0:16 Information date-column No column holds a date; the guidelines recommend one, such as the date each row was last updated.',
      '1:12-1:15 Warning undocumented-column Column "child_count" has a placeholder description ("TBD"); say what it measures.',
    ]);

    // The others were opened first, so had the server linted them their diagnostics would be in.
    for (const other of others) assert.deepStrictEqual(plainmetaDiagnostics(other.uri).map(brief), [], path.basename(other.fileName));
  });
});
