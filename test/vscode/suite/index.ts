/**
 * The in-host suite's entry point, in the @vscode/test-electron style: VS Code (or the e2e test-runner
 * extension inside code-server) requires this file in the extension host and awaits run().
 */
import * as path from 'path';
import Mocha from 'mocha';

// In this order: the activation test needs a host where no file plainmeta reads has been opened yet.
const FILES = ['activation.test.js', 'features.test.js'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 });
  for (const file of FILES) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-host tests failed.`)) : resolve()));
  });
}
