/**
 * The workspace the in-host suite runs in. It starts with one file plainmeta reads, as a data
 * project would, since that is what wakes the extension (`workspaceContains:` in package.json).
 * Both launchers (runTest.ts for desktop VS Code, test/e2e/plainmeta-e2e.js for code-server) call
 * seedWorkspace on a fresh folder.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SEED_FILE = 'datapackage.json';

/** A Data Package with an acronym and a placeholder description for plainmeta to find. */
export const SEED_TEXT = `{
  "name": "placements",
  "title": "Placements by DCF",
  "resources": [
    { "name": "placements", "schema": { "fields": [{ "name": "age_group", "description": "TBD" }] } }
  ]
}
`;

export function seedWorkspace(folder: string): void {
  fs.writeFileSync(path.join(folder, SEED_FILE), SEED_TEXT);
}
