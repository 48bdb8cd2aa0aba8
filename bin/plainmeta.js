#!/usr/bin/env node
'use strict';
const path = require('path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'out', 'server', 'src', 'cli.js'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('plainmeta: not built yet; run "npm ci && npm run build" in ' + path.join(__dirname, '..') + '\n');
    process.exit(2);
  }
  throw error;
}
process.exitCode = cli.runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s + '\n'),
  stderr: (s) => process.stderr.write(s + '\n'),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
});
