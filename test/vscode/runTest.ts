/**
 * `npm run test:vscode`: runs the in-host suite (test/vscode/suite) in a desktop VS Code downloaded by
 * @vscode/test-electron, with this checkout as the extension under development (dist/ from
 * `npm run bundle`) and an empty temp folder as the workspace. Machines that cannot download VS Code
 * run the same suite in code-server instead: `npm run test:e2e`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-vscode-ws-'));
  try {
    await runTests({
      version: process.env.PLAINMETA_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
    return 0;
  } catch (error) {
    console.error(`The in-host suite failed or VS Code could not be started: ${(error as Error).message ?? error}`);
    console.error('Where VS Code cannot be downloaded, the same suite runs in code-server: npm run test:e2e (see README).');
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
