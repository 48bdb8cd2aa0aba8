#!/usr/bin/env node
'use strict';
// The plainmeta language server. Editors start it with --stdio (or --node-ipc, --socket=PORT).
// From a checkout it runs the build in out/ (npm run build); from the packaged extension, the bundle in dist/.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const TRANSPORTS = /^--(stdio|node-ipc|socket=\d+|pipe=.+|clientProcessId=\d+)$/;

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(require(path.join(root, 'package.json')).version + '\n');
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || !args.some((a) => TRANSPORTS.test(a))) {
  const stream = args.includes('--help') || args.includes('-h') ? process.stdout : process.stderr;
  stream.write('Usage: plainmeta-language-server --stdio | --node-ipc | --socket=PORT\n' +
    'Speaks the Language Server Protocol; start it from an editor (see the README).\n');
  process.exit(stream === process.stdout ? 0 : 2);
}
const server = [path.join(root, 'out', 'server', 'src', 'server.js'), path.join(root, 'dist', 'server.js')].find((p) => fs.existsSync(p));
if (!server) {
  process.stderr.write('plainmeta-language-server: not built yet; run "npm ci && npm run build" in ' + root + '\n');
  process.exit(2);
}
require(server);
