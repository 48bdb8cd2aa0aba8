// Real-VS-Code e2e harness: code-server 4.100.3 (VS Code 1.100.3) driven by playwright-core in
// Debian's Chromium. Plain CommonJS, no build step. Install the prerequisites first with
//   bash scripts/setup-code-server.sh
// See test/e2e/README.md.
'use strict';
const fs = require('fs');
const os = require('os');
const net = require('net');
const http = require('http');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const E2E_DIR = process.env.PLAINMETA_E2E_DIR || path.join(ROOT, '.e2e');
const CODE_SERVER_ENTRY = path.join(E2E_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.PLAINMETA_CHROMIUM || '/usr/bin/chromium';
const RUNNER_VSIX = path.join(E2E_DIR, 'plainmeta-test-runner.vsix');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

// Settings that keep the workbench quiet and deterministic.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'files.autoSave': 'off', // code-server defaults to afterDelay; desktop VS Code to off
};

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

function log(msg) {
  if (process.env.PLAINMETA_E2E_QUIET !== '1') console.error(`[e2e] ${msg}`);
}

/** playwright-core: the project's devDependency if there is one, else .e2e/tools. */
function playwright() {
  try {
    return require('playwright-core');
  } catch {
    return require(path.join(E2E_DIR, 'tools', 'node_modules', 'playwright-core'));
  }
}

/** Poll `fn` until it returns a truthy value; throw after `timeoutMs`. */
async function waitFor(fn, { timeoutMs = 30000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${lastErr.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Live (non-zombie) processes in process group `pgid`, read from /proc. */
function groupMembers(pgid) {
  const out = [];
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return null; // no /proc: caller falls back to kill(0)
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp ...
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push(Number(e));
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

function groupAlive(pgid) {
  const members = groupMembers(pgid);
  if (members) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

// Every live code-server process group and temp dir, so that an exiting test process (normal
// exit, uncaught error, Ctrl+C, SIGTERM) never leaves one behind. Only SIGKILL of the test process
// skips this; then the watchdog in startCodeServer still kills code-server (temp dirs remain).
const liveGroups = new Set();
const liveTempDirs = new Set();

/** mkdtemp in the OS temp dir, removed by removeTempDir() or, at the latest, when the process exits. */
function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  liveTempDirs.add(dir);
  installExitHooks();
  return dir;
}

function removeTempDir(dir) {
  liveTempDirs.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
    if (process.env.PLAINMETA_E2E_KEEP === '1') return;
    for (const dir of liveTempDirs) {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        /* best effort */
      }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
      process.exit(128 + (os.constants.signals[sig] || 1));
    });
  }
}

/** XDG dirs inside `dir`, so code-server and Chromium write nothing under $HOME. */
function xdgEnv(dir) {
  const env = {};
  for (const [k, sub] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache']]) {
    env[k] = path.join(dir, 'xdg', sub);
    fs.mkdirSync(env[k], { recursive: true });
  }
  return env;
}

function codeServerArgs(userDataDir, extensionsDir, configFile) {
  return [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
}

/**
 * Start code-server with fresh user-data and extensions dirs and the given .vsix files installed.
 * @param {object} opts
 * @param {string[]} [opts.vsixPaths] .vsix files to install (offline) before starting
 * @param {string} opts.folder the workspace folder to open
 * @param {number} [opts.port] default: a free port
 * @param {object} [opts.env] extra environment for code-server (the extension host inherits it)
 * @param {object} [opts.settings] extra user settings
 * @param {number} [opts.timeoutMs] how long to wait for HTTP (default 60 s)
 * @param {boolean} [opts.keepTemp] keep the temp dir after stop() (default: keep only if PLAINMETA_E2E_KEEP=1)
 * @returns {Promise<{url: string, port: number, pid: number, tempDir: string, logFile: string,
 *   userDataDir: string, extensionsDir: string, exited: () => boolean, logTail: (n?: number) => string,
 *   stop: () => Promise<void>}>}
 */
async function startCodeServer(opts = {}) {
  const { vsixPaths = [], folder, env = {}, settings = {}, timeoutMs = 60000 } = opts;
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}; run: bash scripts/setup-code-server.sh`);
  }
  if (!folder) throw new Error('startCodeServer: folder is required');
  installExitHooks();

  const tempDir = makeTempDir('plainmeta-code-server-');
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  const configFile = path.join(tempDir, 'config.yaml');
  const logFile = path.join(tempDir, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );
  const baseArgs = codeServerArgs(userDataDir, extensionsDir, configFile);
  const keepTemp = opts.keepTemp ?? process.env.PLAINMETA_E2E_KEEP === '1';
  const removeTemp = () => {
    if (keepTemp) liveTempDirs.delete(tempDir);
    else removeTempDir(tempDir);
  };

  if (vsixPaths.length) {
    const args = [...baseArgs];
    for (const v of vsixPaths) {
      if (!fs.existsSync(v)) throw new Error(`no such .vsix: ${v}`);
      args.push('--install-extension', path.resolve(v));
    }
    log(`installing ${vsixPaths.map((v) => path.basename(v)).join(', ')}`);
    const r = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      timeout: 120000,
      killSignal: 'SIGKILL',
      env: { ...process.env, ...xdgEnv(tempDir) },
    });
    const out = `${r.stdout || ''}${r.stderr || ''}`;
    const missing = vsixPaths.filter((v) => !out.includes(`'${path.basename(v)}' was successfully installed`));
    if (r.status !== 0 || missing.length) {
      removeTemp();
      throw new Error(`--install-extension failed (exit ${r.status}):\n${out}`);
    }
  }

  const port = opts.port || (await freePort());
  const args = [...baseArgs, '--bind-addr', `127.0.0.1:${port}`, path.resolve(folder)];
  const logFd = fs.openSync(logFile, 'a');
  // A small bash wrapper leads a new process group (detached => setsid) holding code-server and
  // a watchdog that kills the whole group if this Node process disappears without cleaning up
  // (even SIGKILL). stop() and the exit hooks kill the group directly.
  const script = [
    `"$NODE" "$@" &`,
    'cs=$!',
    `( trap '' HUP; while kill -0 "$PARENT" 2>/dev/null; do sleep 1; done; kill -KILL -$$ ) </dev/null >/dev/null 2>&1 &`,
    'watchdog=$!',
    'wait "$cs"',
    'status=$?',
    'kill "$watchdog" 2>/dev/null',
    'exit $status',
  ].join('\n');
  const child = spawn('/bin/bash', ['-c', script, 'code-server', ...args], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, ...xdgEnv(tempDir), ...env, NODE: process.execPath, PARENT: String(process.pid) },
  });
  fs.closeSync(logFd);
  const pgid = child.pid;
  liveGroups.add(pgid);
  let exitCode = null;
  child.on('exit', (code, signal) => {
    exitCode = code ?? signal;
  });

  const url = `http://127.0.0.1:${port}`;
  const logTail = (n = 40) => {
    try {
      return fs.readFileSync(logFile, 'utf8').split('\n').slice(-n).join('\n');
    } catch {
      return '';
    }
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(pgid, 'SIGTERM');
    try {
      await waitFor(() => !groupAlive(pgid), { timeoutMs: 5000, what: 'code-server to exit' });
    } catch {
      log('code-server did not exit on SIGTERM; killing it');
      killGroup(pgid, 'SIGKILL');
      await waitFor(() => !groupAlive(pgid), { timeoutMs: 5000, what: 'code-server to die' }).catch(() => {});
    }
    liveGroups.delete(pgid);
    removeTemp();
  };

  log(`starting code-server on ${url} (log: ${logFile})`);
  try {
    await waitFor(
      async () => {
        if (exitCode !== null) throw new Error(`code-server exited (${exitCode}):\n${logTail()}`);
        return (await httpStatus(`${url}/healthz`)) === 200;
      },
      { timeoutMs, intervalMs: 200, what: `code-server to answer on ${url}` },
    );
  } catch (err) {
    const tail = logTail();
    await stop();
    throw new Error(`${err.message}\n--- code-server log ---\n${tail}`);
  }
  return {
    url,
    port,
    pid: pgid,
    tempDir,
    logFile,
    userDataDir,
    extensionsDir,
    exited: () => exitCode !== null,
    logTail,
    stop,
  };
}

/**
 * Launch Debian's Chromium, open the workbench on `folder`, wait for `.monaco-workbench`.
 * @returns {Promise<{browser, page, close: () => Promise<void>}>}
 */
async function openWorkbench(url, folder, { timeoutMs = 60000, viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = playwright();
  const profileDir = makeTempDir('plainmeta-chromium-');
  const removeProfile = () => removeTempDir(profileDir);
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...xdgEnv(profileDir), HOME: profileDir },
    });
  } catch (err) {
    removeProfile();
    throw err;
  }
  const close = async () => {
    await browser.close().catch(() => {});
    removeProfile();
  };
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    const target = `${url}/?folder=${encodeURIComponent(path.resolve(folder))}`;
    log(`opening ${target}`);
    await page.goto(target, { timeout: timeoutMs });
    await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    // The explorer showing the folder means the remote connection (and extension host) is up.
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: timeoutMs }).catch(() => {});
    return { browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Wait for the quick-input box (Ctrl+P, Ctrl+G, ...) to be visible and return its input. */
async function quickInput(page) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  return input;
}

/** Open a workspace file by name with Ctrl+P; waits until its editor tab is active. */
async function openFile(page, fileName, { timeoutMs = 30000 } = {}) {
  const base = path.basename(fileName);
  await page.keyboard.press(`${MOD}+P`);
  const input = await quickInput(page);
  await input.fill(fileName);
  // Wait for the file to show up in the results (file search is asynchronous), then pick it.
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page
    .locator('.editor-group-container.active .tab.active', { hasText: base })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Run a command by its title from the command palette (F1), e.g. "View: Toggle Maximized Panel". */
async function runCommand(page, title, { timeoutMs = 15000 } = {}) {
  await page.keyboard.press('F1');
  const input = await quickInput(page);
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Open the Problems panel (if it is not already visible). */
async function showProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press(`${MOD}+Shift+M`);
    await panel.waitFor({ state: 'visible' });
  }
  return panel;
}

/**
 * Open the Problems panel and wait until a row contains every string in `texts` (string or array).
 * Returns the text of all problem rows at that moment.
 */
async function waitForProblem(page, texts, { timeoutMs = 30000 } = {}) {
  const wanted = Array.isArray(texts) ? texts : [texts];
  await showProblems(page);
  let rows = page.locator('.markers-panel .monaco-list-row');
  for (const t of wanted) rows = rows.filter({ hasText: t });
  await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
  return problemRows(page);
}

/** Text of the visible Problems panel rows (file rows and marker rows). */
async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

/** Wait until no problem row contains `text` (e.g. after a quick fix). */
async function waitForNoProblem(page, text, { timeoutMs = 30000 } = {}) {
  await showProblems(page);
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: text })
    .first()
    .waitFor({ state: 'detached', timeout: timeoutMs });
}

/** Focus the active editor's text area. */
async function focusEditor(page) {
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
}

/** Move the cursor with Ctrl+G "line:col"; waits until the status bar shows that position. */
async function goToLine(page, line, col = 1, { timeoutMs = 15000 } = {}) {
  await focusEditor(page);
  await page.keyboard.press(`${MOD}+G`);
  const input = await quickInput(page);
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
  const status = page.locator('#status\\.editor\\.selection');
  await waitFor(async () => new RegExp(`Ln ${line}, Col ${col}\\b`).test(await status.innerText()), {
    timeoutMs,
    what: `cursor at Ln ${line}, Col ${col}`,
  });
}

/**
 * Open the quick-fix menu (Ctrl+.) at the cursor and apply the item whose label contains `label`
 * (string or RegExp). Returns the labels that were offered.
 */
async function applyQuickFix(page, label, { timeoutMs = 15000 } = {}) {
  await focusEditor(page);
  const rows = page.locator('.action-widget .monaco-list-row.action');
  // The light bulb may need a moment after the cursor moved: reopen until the item appears.
  let offered = [];
  await waitFor(
    async () => {
      if (!(await rows.first().isVisible().catch(() => false))) {
        await page.keyboard.press(`${MOD}+.`);
        await rows.first().waitFor({ state: 'visible', timeout: 3000 });
      }
      offered = await rows.allInnerTexts();
      if (offered.some((t) => (label instanceof RegExp ? label.test(t) : t.includes(label)))) return true;
      await page.keyboard.press('Escape');
      return false;
    },
    { timeoutMs, intervalMs: 250, what: `quick fix "${label}" (offered: ${offered.join(' | ')})` },
  );
  // Mouse clicks are swallowed by the context view's pointer block, so use the keyboard: move the
  // focus down the list to the wanted item, then Enter.
  const matches = (t) => (label instanceof RegExp ? label.test(t) : t.includes(label));
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  const focusedLabel = async () =>
    (await focused.count()) ? (await focused.first().getAttribute('aria-label')) || (await focused.first().innerText()) : '';
  for (let i = 0; i <= offered.length && !matches(await focusedLabel()); i++) {
    const before = await focusedLabel();
    await page.keyboard.press('ArrowDown');
    await waitFor(async () => (await focusedLabel()) !== before || offered.length < 2, {
      timeoutMs: 3000,
      intervalMs: 50,
      what: 'the quick-fix focus to move',
    });
  }
  if (!matches(await focusedLabel())) throw new Error(`could not focus quick fix "${label}" (offered: ${offered.join(' | ')})`);
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: timeoutMs });
  return offered.map((t) => t.trim());
}

/**
 * Text of the active editor as rendered (only the lines currently rendered, so keep fixtures
 * shorter than the viewport). Non-breaking spaces are turned back into spaces.
 */
async function readEditorText(page) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await lines.waitFor({ state: 'visible' });
  return lines.evaluate((el) =>
    [...el.querySelectorAll('.view-line')]
      .map((l) => ({ top: parseFloat(l.style.top) || 0, text: l.textContent }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text.replace(/\u00a0/g, ' '))
      .join('\n'),
  );
}

/** Wait until the active editor's text satisfies `predicate` (a function, string or RegExp). */
async function waitForEditorText(page, predicate, { timeoutMs = 15000 } = {}) {
  const test =
    typeof predicate === 'function' ? predicate : predicate instanceof RegExp ? (t) => predicate.test(t) : (t) => t.includes(predicate);
  let last = '';
  await waitFor(async () => test((last = await readEditorText(page))), {
    timeoutMs,
    what: `editor text matching ${predicate}`,
  }).catch((err) => {
    throw new Error(`${err.message}\n--- editor text ---\n${last}`);
  });
  return last;
}

/** Save the active editor with Ctrl+S; waits until its tab no longer shows the dirty marker. */
async function saveActiveEditor(page, { timeoutMs = 15000 } = {}) {
  await focusEditor(page);
  await page.keyboard.press(`${MOD}+S`);
  await page
    .locator('.editor-group-container.active .tab.active.dirty')
    .waitFor({ state: 'detached', timeout: timeoutMs });
}

/** Save a screenshot of the page to `file` (directories are created). */
async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
  log(`screenshot: ${file}`);
  return file;
}

/**
 * Convenience: start code-server, open the workbench, run `fn({server, browser, page})`, always
 * clean up; on failure save a screenshot to `failureScreenshot` (if given) and rethrow.
 */
async function withWorkbench(opts, fn) {
  const server = await startCodeServer(opts);
  let wb;
  try {
    wb = await openWorkbench(server.url, opts.folder);
    return await fn({ server, browser: wb.browser, page: wb.page });
  } catch (err) {
    if (wb && opts.failureScreenshot) await screenshot(wb.page, opts.failureScreenshot).catch(() => {});
    if (process.env.PLAINMETA_E2E_QUIET !== '1') console.error(`--- code-server log (tail) ---\n${server.logTail(60)}`);
    throw err;
  } finally {
    if (wb) await wb.close();
    await server.stop();
  }
}

/** Build (if needed) the test-runner .vsix and return its path. */
function buildRunnerVsix() {
  const r = spawnSync('bash', [path.join(__dirname, 'build-runner-vsix.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('build-runner-vsix.sh failed');
  return RUNNER_VSIX;
}

/**
 * Run a @vscode/test-electron style suite (a JS file exporting run()) inside code-server's
 * extension host, beside the given extensions. Resolves to the result JSON
 * ({passed, failed, pending, failures: [{title, error}], tests, vscodeVersion, durationMs}).
 */
async function runSuiteInCodeServer({ suite, vsixPaths = [], folder, env = {}, timeoutMs = 180000, failureScreenshot }) {
  const runnerVsix = buildRunnerVsix();
  const resultDir = makeTempDir('plainmeta-suite-result-');
  const resultFile = path.join(resultDir, 'result.json');
  try {
    return await withWorkbench(
      {
        vsixPaths: [runnerVsix, ...vsixPaths],
        folder,
        failureScreenshot,
        env: { ...env, PLAINMETA_TEST_SUITE: path.resolve(suite), PLAINMETA_TEST_RESULT: resultFile },
      },
      async ({ server }) => {
        log(`waiting for ${resultFile}`);
        await waitFor(
          () => {
            if (server.exited()) throw new Error(`code-server exited:\n${server.logTail()}`);
            return fs.existsSync(resultFile);
          },
          { timeoutMs, intervalMs: 250, what: 'the suite result file' },
        );
        return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      },
    );
  } finally {
    removeTempDir(resultDir);
  }
}

module.exports = {
  ROOT,
  E2E_DIR,
  CODE_SERVER_ENTRY,
  RUNNER_VSIX,
  CHROMIUM,
  CHROMIUM_ARGS,
  playwright,
  waitFor,
  makeTempDir,
  removeTempDir,
  startCodeServer,
  openWorkbench,
  withWorkbench,
  openFile,
  runCommand,
  showProblems,
  waitForProblem,
  waitForNoProblem,
  problemRows,
  focusEditor,
  goToLine,
  applyQuickFix,
  readEditorText,
  waitForEditorText,
  saveActiveEditor,
  screenshot,
  buildRunnerVsix,
  runSuiteInCodeServer,
};
