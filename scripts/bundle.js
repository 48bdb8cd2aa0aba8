#!/usr/bin/env node
// Bundles the language server and the VS Code client, with their dependencies, into dist/ for the
// .vsix (`npm run package`), so the extension ships no node_modules.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');

/**
 * write-good and its checkers assign to an undeclared `match` (`while (match = re.exec(text))`),
 * which works in their own sloppy-mode files but throws once bundled under the bundle's
 * "use strict". Declaring the variable at the top of each of their files keeps them working.
 */
const SLOPPY_MODULES = /[\\/]node_modules[\\/](write-good|weasel-words|passive-voice|adverb-where|too-wordy|no-cliches|e-prime)[\\/].*\.js$/;
const declareSloppyGlobals = {
  name: 'declare-sloppy-globals',
  setup(build) {
    build.onLoad({ filter: SLOPPY_MODULES }, async (args) => ({
      contents: `var match;\n${await fs.promises.readFile(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};
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
    // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ES module build bundles.
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [declareSloppyGlobals],
  })
  .catch(() => process.exit(1));
