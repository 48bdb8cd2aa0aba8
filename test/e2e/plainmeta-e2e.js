#!/usr/bin/env node
// npm run test:e2e: the packaged extension in code-server (VS Code 1.100), three ways:
//   1. the in-host suite (out/test/vscode/suite, the same one `npm run test:vscode` runs in desktop
//      VS Code) inside code-server's extension host, through the test-runner extension;
//   2. the keyboard-driven UI scenarios of plainmeta-ui.js in Debian's Chromium;
//   3. fix on save (plainmeta-fix-on-save.js): editor.codeActionsOnSave with source.fixAll.plainmeta,
//      Ctrl+S, and the exact text written to disk.
// Needs `bash scripts/setup-code-server.sh` once, and `npm run build && npm run package` (the npm
// script does both). Writes test-output/e2e/: suite-results.json and screenshots (*-failure.png
// when something fails). Exit status 0 only if every part passes.
//   node test/e2e/plainmeta-e2e.js [--only suite|ui|fix-on-save]
'use strict';
const fs = require('fs');
const path = require('path');
const e2e = require('./codeServer');
const { runFixOnSave } = require('./plainmeta-fix-on-save');
const { runPlainmetaUi } = require('./plainmeta-ui');

const OUT = path.join(e2e.ROOT, 'test-output', 'e2e');
const VERSION = JSON.parse(fs.readFileSync(path.join(e2e.ROOT, 'package.json'), 'utf8')).version;
const VSIX = path.join(e2e.ROOT, `plainmeta-${VERSION}.vsix`);
const SUITE = path.join(e2e.ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
const rel = (p) => path.relative(process.cwd(), p) || '.';

function requireFile(file, hint) {
  if (!fs.existsSync(file)) throw new Error(`${rel(file)} is missing; ${hint}`);
}

async function runSuite() {
  // One file plainmeta reads, to wake the extension; the suite writes its other files itself.
  const folder = e2e.makeTempDir('plainmeta-suite-ws-');
  require(path.join(e2e.ROOT, 'out', 'test', 'vscode', 'workspace.js')).seedWorkspace(folder);
  const resultsFile = path.join(OUT, 'suite-results.json');
  try {
    const result = await e2e.runSuiteInCodeServer({
      suite: SUITE,
      vsixPaths: [VSIX],
      folder,
      failureScreenshot: path.join(OUT, 'suite-failure.png'),
    });
    fs.writeFileSync(resultsFile, JSON.stringify(result, null, 2));
    console.log(`\nIn-host suite in code-server (VS Code ${result.vscodeVersion}):`);
    for (const t of result.tests) console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}`);
    for (const f of result.failures) console.log(`\n  FAIL ${f.title}\n${f.error.replace(/^/gm, '    ')}`);
    if (result.failed > 0) console.log(`\n--- ${rel(resultsFile)} ---\n${JSON.stringify(result, null, 2)}`);
    console.log(`  ${result.passed} passed, ${result.failed} failed, ${result.pending} pending; results: ${rel(resultsFile)}`);
    return result.failed === 0 && result.passed > 0;
  } finally {
    e2e.removeTempDir(folder);
  }
}

/**
 * Runs one keyboard-driven scenario (it saves `shots` to OUT, and `failureShot` when it fails);
 * prints ok or FAIL with the error. Resolves with whether it passed.
 */
async function runScenario(title, name, run, shots, failureShot) {
  console.log(`\n${title} in code-server + Chromium:`);
  try {
    await run({ vsix: VSIX, outDir: OUT });
    console.log(`  ok   ${name}; screenshots: ${shots.map((s) => rel(path.join(OUT, s))).join(', ')}`);
    return true;
  } catch (err) {
    console.log(`  FAIL ${name}: ${err && err.stack ? err.stack : err}`);
    const shot = path.join(OUT, failureShot);
    if (fs.existsSync(shot)) console.log(`  failure screenshot: ${rel(shot)}`);
    return false;
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const parts = ['suite', 'ui', 'fix-on-save'];
  if (only && !parts.includes(only)) throw new Error(`--only takes ${parts.map((p) => `"${p}"`).join(', ')}, not ${JSON.stringify(only)}`);
  requireFile(e2e.CODE_SERVER_ENTRY, 'run: bash scripts/setup-code-server.sh');
  requireFile(VSIX, 'run: npm run package');
  requireFile(SUITE, 'run: npm run build');
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('-failure.png')) fs.rmSync(path.join(OUT, f));

  const started = Date.now();
  const results = {};
  if (!only || only === 'suite') results.suite = await runSuite();
  if (!only || only === 'ui') {
    results.ui = await runScenario('UI scenarios', 'plainmeta UI', runPlainmetaUi, ['plainmeta-diagnostics.png', 'plainmeta-after-fixes.png'], 'plainmeta-ui-failure.png');
  }
  if (!only || only === 'fix-on-save') {
    results['fix on save'] = await runScenario('Fix on save', 'plainmeta fix on save', runFixOnSave, ['plainmeta-fix-on-save.png'], 'plainmeta-fix-on-save-failure.png');
  }
  const ok = Object.values(results).every(Boolean);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: e2e ${Object.entries(results).map(([k, v]) => `${k} ${v ? 'passed' : 'FAILED'}`).join(', ')} (${seconds} s)`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`FAIL: e2e could not run: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
  },
);
