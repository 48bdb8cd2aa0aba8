#!/usr/bin/env node
// UI-level smoke test of the harness helpers, against the small fixture extension in
// test/e2e/fixture-extension (so it does not depend on the real plainmeta extension):
// open a file with Ctrl+P, wait for the Problems row, Ctrl+G to it, Ctrl+. and apply the quick
// fix by label, then check the editor text and that the problem is gone.
//   node test/e2e/ui-smoke.js [--screenshot-dir DIR]
// Also a template for the real plainmeta UI tests.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const e2e = require('./codeServer');

async function main() {
  const shotDir = process.argv.includes('--screenshot-dir')
    ? process.argv[process.argv.indexOf('--screenshot-dir') + 1]
    : path.join(e2e.E2E_DIR, 'screenshots');
  const vsix = path.join(e2e.E2E_DIR, 'plainmeta-e2e-fixture.vsix');
  const r = spawnSync('bash', [path.join(__dirname, 'build-runner-vsix.sh'), path.join(__dirname, 'fixture-extension'), vsix], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('packaging the fixture extension failed');

  const folder = e2e.makeTempDir('plainmeta-ui-ws-');
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'Dataset notes\nCollected with the DCF in 2024.\n');
  const started = Date.now();
  try {
    await e2e.withWorkbench(
      { vsixPaths: [vsix], folder, failureScreenshot: path.join(shotDir, 'ui-smoke-failure.png') },
      async ({ page }) => {
        await e2e.openFile(page, 'notes.txt');
        const rows = await e2e.waitForProblem(page, ['Spell out "DCF"', 'Ln 2, Col 20']);
        console.log('problems:', JSON.stringify(rows));
        await e2e.goToLine(page, 2, 20);
        const offered = await e2e.applyQuickFix(page, 'Replace with "data collection form"');
        console.log('quick fixes offered:', JSON.stringify(offered));
        const text = await e2e.waitForEditorText(page, 'Collected with the data collection form in 2024.');
        console.log('editor text:', JSON.stringify(text));
        await e2e.waitForNoProblem(page, 'Spell out "DCF"');
        await e2e.saveActiveEditor(page);
        const saved = fs.readFileSync(path.join(folder, 'notes.txt'), 'utf8');
        if (!saved.includes('data collection form')) throw new Error(`file on disk not fixed: ${JSON.stringify(saved)}`);
        await e2e.screenshot(page, path.join(shotDir, 'ui-smoke.png'));
      },
    );
    console.log(`PASS: ui-smoke (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } finally {
    e2e.removeTempDir(folder);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`FAIL: ui-smoke: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
  },
);
