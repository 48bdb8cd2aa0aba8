#!/usr/bin/env node
// Run a test-electron style suite inside code-server and report the result.
//   node test/e2e/run-sample.js                       # the sample suite (test/e2e/sample-suite.js)
//   node test/e2e/run-sample.js --fail                # ... plus a deliberately failing test
//   node test/e2e/run-sample.js --suite out/test/suite/index.js --vsix plainmeta-0.1.0.vsix \
//        --folder examples --screenshot out/e2e/suite-failure.png
// Exit code: 0 if at least one test passed and none failed, 1 otherwise. code-server, the
// browser and all temp dirs are always cleaned up.
'use strict';
const fs = require('fs');
const path = require('path');
const { runSuiteInCodeServer, makeTempDir, removeTempDir } = require('./codeServer');

function parseArgs(argv) {
  const o = { suite: path.join(__dirname, 'sample-suite.js'), vsix: [], folder: null, screenshot: null, fail: false, timeoutMs: 180000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--suite') o.suite = argv[++i];
    else if (a === '--vsix') o.vsix.push(argv[++i]);
    else if (a === '--folder') o.folder = argv[++i];
    else if (a === '--screenshot') o.screenshot = argv[++i];
    else if (a === '--timeout') o.timeoutMs = Number(argv[++i]) * 1000;
    else if (a === '--fail') o.fail = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  let tmpFolder;
  if (!o.folder) {
    tmpFolder = makeTempDir('plainmeta-sample-ws-');
    fs.writeFileSync(path.join(tmpFolder, 'README.md'), '# sample workspace\n');
  }
  try {
    const result = await runSuiteInCodeServer({
      suite: o.suite,
      vsixPaths: o.vsix,
      folder: o.folder || tmpFolder,
      env: o.fail ? { PLAINMETA_SAMPLE_FAIL: '1' } : {},
      timeoutMs: o.timeoutMs,
      failureScreenshot: o.screenshot || undefined,
    });
    console.log(JSON.stringify(result, null, 2));
    const ok = result.failed === 0 && result.passed > 0;
    console.log(`${ok ? 'PASS' : 'FAIL'}: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending ` +
      `(VS Code ${result.vscodeVersion}, ${((Date.now() - started) / 1000).toFixed(1)} s total)`);
    return ok ? 0 : 1;
  } finally {
    if (tmpFolder) removeTempDir(tmpFolder);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  },
);
