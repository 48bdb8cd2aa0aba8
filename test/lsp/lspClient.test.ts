import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

describe('the test editor', function () {
  this.timeout(30000);

  it('lets node exit after killing a server that was half way through writing a message', () => {
    // A server that writes half a message and then waits, as one killed mid-write leaves it.
    const server = "process.stdout.write('Content-Length: 100\\r\\n\\r\\n{\"jsonrpc\"'); setInterval(() => undefined, 1000);";
    const script = [
      "const { spawn } = require('child_process');",
      `const { TestEditor } = require(${JSON.stringify(path.join(__dirname, 'lspClient.js'))});`,
      `const server = spawn(process.execPath, ['-e', ${JSON.stringify(server)}]);`,
      'const editor = new TestEditor(server);',
      // Registered after the editor's reader, so the reader has the half message when the kill comes.
      "server.stdout.once('data', () => editor.kill());",
    ].join('\n');
    // The limit only detects a hang: the reader's warning timer re-armed every 10 s, for ever.
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 25000 });
    assert.strictEqual(run.signal, null, 'node was still running 25 s after the server was killed');
    assert.strictEqual(run.status, 0, run.stderr);
  });
});
