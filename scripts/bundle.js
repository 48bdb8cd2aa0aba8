#!/usr/bin/env node
// Bundles the language server and the VS Code client, with their dependencies, into dist/ for the
// .vsix (`npm run package`), so the extension ships no node_modules.
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
esbuild
  .build({
    absWorkingDir: ROOT,
    entryPoints: { server: 'server/src/server.ts', extension: 'client/src/extension.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
