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
cli.main(process.argv.slice(2));
