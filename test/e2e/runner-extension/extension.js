// plainmeta e2e test runner: runs a @vscode/test-electron style suite inside the extension host.
//
// Does nothing unless both of these are set in code-server's environment (the extension host
// inherits it):
//   PLAINMETA_TEST_SUITE   absolute path to a JS file. Either it exports run(): Promise<void>
//                          (or the older run(testsRoot, cb)), exactly like a test-electron suite
//                          index, or it is a plain mocha test file (named *.test.js / *.spec.js,
//                          TDD ui), run with mocha.
//   PLAINMETA_TEST_RESULT  absolute path of the JSON result file to write:
//                          { passed, failed, pending, failures: [{ title, error }], tests: [...],
//                            vscodeVersion, durationMs, error? }
//
// mocha: `require('mocha')` from the suite resolves the project's own node_modules first; if the
// project has none, it falls back to the copy bundled in this extension's node_modules (added to
// Node's global module paths). Per-test results are collected by hooking Mocha's Runner, so any
// reporter the suite chooses still works.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const vscode = require('vscode');

function log(msg) {
  console.log(`[plainmeta-test-runner] ${msg}`);
}

function errorText(err) {
  if (err === undefined || err === null) return String(err);
  if (err instanceof Error) return err.stack || err.message;
  return typeof err === 'string' ? err : JSON.stringify(err);
}

function writeResult(file, result) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file); // atomic: the harness never reads a half-written file
}

// Make the bundled mocha the last-resort answer to require('mocha') from anywhere.
function addBundledModulesToGlobalPaths() {
  const ownModules = path.join(__dirname, 'node_modules');
  const old = process.env.NODE_PATH;
  process.env.NODE_PATH = old ? `${old}${path.delimiter}${ownModules}` : ownModules;
  Module._initPaths();
  // Restore the variable so processes spawned by other extensions (language servers) do not
  // inherit it; Node has already copied the paths.
  if (old === undefined) delete process.env.NODE_PATH;
  else process.env.NODE_PATH = old;
}

function hookMocha(Mocha, results) {
  const Runner = Mocha && Mocha.Runner;
  if (!Runner || Runner.prototype.__plainmetaHooked) return;
  const origRun = Runner.prototype.run;
  Runner.prototype.__plainmetaHooked = true;
  Runner.prototype.run = function (...args) {
    const C = Runner.constants || {};
    this.on(C.EVENT_TEST_PASS || 'pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    this.on(C.EVENT_TEST_FAIL || 'fail', (test, err) => {
      results.failed++;
      const title = test.fullTitle();
      results.failures.push({ title, error: errorText(err) });
      results.tests.push({ title, state: 'failed' });
    });
    this.on(C.EVENT_TEST_PENDING || 'pending', (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
    return origRun.apply(this, args);
  };
}

function mochaCandidates(suiteFile) {
  const found = new Set();
  for (const from of [path.dirname(suiteFile), __dirname]) {
    try {
      found.add(require.resolve('mocha', { paths: [from] }));
    } catch {
      /* not resolvable from there */
    }
  }
  return [...found];
}

async function runSuite(suiteFile, resultFile) {
  const started = Date.now();
  const results = {
    suite: suiteFile,
    vscodeVersion: vscode.version,
    passed: 0,
    failed: 0,
    pending: 0,
    failures: [],
    tests: [],
  };
  try {
    addBundledModulesToGlobalPaths();
    const candidates = mochaCandidates(suiteFile);
    for (const m of candidates) hookMocha(require(m), results);
    results.mocha = candidates.map((m) => `${require(path.join(path.dirname(m), 'package.json')).version} ${path.dirname(m)}`);
    log(`running ${suiteFile} (mocha: ${candidates.join(', ') || 'none found'})`);

    const plainTestFile = /\.(test|spec)\.[cm]?js$/.test(suiteFile);
    const suite = plainTestFile ? null : require(suiteFile);
    const run = suite && (typeof suite.run === 'function' ? suite.run : suite.default && suite.default.run);
    if (typeof run === 'function') {
      if (run.length >= 2) {
        // Old test-electron style: run(testsRoot, (err, failures) => ...)
        await new Promise((resolve, reject) =>
          run(path.dirname(suiteFile), (err, failures) =>
            err ? reject(err) : failures ? reject(new Error(`${failures} tests failed.`)) : resolve(),
          ),
        );
      } else {
        await run();
      }
    } else {
      // A plain mocha test file (*.test.js / *.spec.js, or a module without run()): run it with
      // mocha, TDD ui like test-electron's template. Drop any cached copy so mocha loads it.
      delete require.cache[require.resolve(suiteFile)];
      const Mocha = require(candidates[0] || 'mocha');
      hookMocha(Mocha, results);
      const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000 });
      mocha.addFile(suiteFile);
      await new Promise((resolve) => mocha.run(() => resolve()));
    }
  } catch (err) {
    // run() rejects with "N tests failed." when tests failed; those are already recorded.
    if (results.failed === 0) {
      results.failed++;
      results.failures.push({ title: `(suite) ${path.basename(suiteFile)}`, error: errorText(err) });
    }
  }
  results.durationMs = Date.now() - started;
  writeResult(resultFile, results);
  log(`done: ${results.passed} passed, ${results.failed} failed -> ${resultFile}`);
}

function activate() {
  const suiteFile = process.env.PLAINMETA_TEST_SUITE;
  const resultFile = process.env.PLAINMETA_TEST_RESULT;
  if (!suiteFile || !resultFile) return;
  // Run once per code-server, even if a second window/extension host starts (a reload, a second
  // page): the first host to create the claim file wins.
  try {
    fs.writeFileSync(`${resultFile}.claimed`, String(process.pid), { flag: 'wx' });
  } catch {
    log(`suite already claimed by another extension host (${resultFile}.claimed); not running it`);
    return;
  }
  // Don't hold up activation; run after the current tick.
  setTimeout(() => {
    runSuite(path.resolve(suiteFile), path.resolve(resultFile)).catch((err) => {
      try {
        writeResult(resultFile, { passed: 0, failed: 1, pending: 0, failures: [{ title: '(runner)', error: errorText(err) }], tests: [] });
      } catch (e) {
        log(`cannot write result: ${errorText(e)}`);
      }
    });
  }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
