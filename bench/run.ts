/**
 * `npm run bench`: times plainmeta against the parsers and write-good on seeded inputs and the
 * shared corpus, and prints each figure as a ratio with the raw medians beside it. Not a test:
 * nothing here fails on a slow machine.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as util from 'util';
import { parseTree } from 'jsonc-parser';
import { pathToFileURL } from 'url';
import writeGood from 'write-good';
import { parseDocument } from 'yaml';
import { DocumentLinter } from '../server/src/engine/document';
import { lintText } from '../server/src/engine/lint';
import { detectFormat } from '../server/src/formats';
import { proseFields } from '../server/src/rules/prose-fields';
import { styleSuggestions } from '../server/src/rules/style-checks';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
import { TestEditor } from '../test/lsp/lspClient';
import { dcatCatalog, dictionary, metadataWithLongDescription } from './generate';
import { median, medians } from './median';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'plainmeta-bench-'));

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)) + ' ms';
const ratio = (a: number, b: number) => (a / b).toFixed(2) + '×';
const kb = (n: number) => (n >= 1e6 ? (n / 1e6).toFixed(1) + ' MB' : (n / 1e3).toFixed(0) + ' KB');
// A space before every cell after the first, so that a cell as wide as its column stays apart.
const row = (...cells: string[]) => console.log('  ' + cells.map((c, i) => (i === 0 ? c.padEnd(34) : ' ' + c.padStart(15))).join(''));
const runsFor = (bytes: number) => (bytes <= 20e3 ? 30 : bytes <= 200e3 ? 10 : bytes <= 2e6 ? 5 : 3);

function machine(): void {
  console.log(`plainmeta bench, ${new Date().toISOString()}`);
  console.log(`  node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

/** Full lint against a bare parseDocument at each size, and how each grows to the next size. */
function dictionaries(): Map<number, string> {
  console.log('\nData dictionaries: full lint vs yaml.parseDocument alone');
  row('size', 'parse', 'lint', 'lint/parse', 'parse growth', 'lint growth');
  const texts = new Map<number, string>();
  let previous: { parse: number; lint: number } | undefined;
  for (const bytes of [10e3, 100e3, 1e6, 10e6]) {
    const text = dictionary(bytes);
    texts.set(bytes, text);
    const runs = runsFor(bytes);
    const [parse, lint] = medians([() => parseDocument(text), () => lintText(text, { path: 'bench.dictionary.yaml' })], runs, bytes > 2e6 ? 0 : 1);
    row(kb(text.length), ms(parse), ms(lint), ratio(lint, parse), previous ? ratio(parse, previous.parse) : '', previous ? ratio(lint, previous.lint) : '');
    previous = { parse, lint };
  }
  return texts;
}

/** plainmeta's style checks against write-good over the same prose, with their findings compared. */
function style(dictionary1mb: string): void {
  console.log('\nStyle checks vs write-good on the same prose');
  row('prose', 'write-good', 'plainmeta', 'speed-up', 'identical');
  const longText = metadataWithLongDescription(1e6);
  const file = lintText(longText, { path: 'bench.metadata.yaml' }).file!;
  const long = proseFields(file).find((f) => f.label === 'description')!.prose.text;
  const fields = proseFields(lintText(dictionary1mb, { path: 'bench.dictionary.yaml' }).file!).map((f) => f.prose.text);
  const cases: Array<[string, string[]]> = [
    [`one description, ${kb(long.length)}`, [long]],
    [`${fields.length} dictionary fields, ${kb(fields.reduce((n, f) => n + f.length, 0))}`, fields],
  ];
  for (const [label, texts] of cases) {
    const [reference, ours] = medians([() => texts.map((t) => writeGood(t)), () => texts.map((t) => styleSuggestions(t))], 5);
    const identical = texts.every((t) => util.isDeepStrictEqual(styleSuggestions(t), writeGood(t)));
    row(label, ms(reference), ms(ours), ratio(reference, ours), identical ? 'yes' : 'NO');
  }
  const [parse, lint] = medians([() => parseDocument(longText), () => lintText(longText, { path: 'bench.metadata.yaml' })], 5);
  console.log('\nMetadata with 1 MB of prose in one description: full lint vs yaml.parseDocument');
  row('size', 'parse', 'lint', 'lint/parse');
  row(kb(longText.length), ms(parse), ms(lint), ratio(lint, parse));
}

/** JSON catalogs: full lint vs the JSON parsers alone (jsonc-parser's parseTree is what the adapter reads with). */
function catalogs(): void {
  console.log('\nDCAT-US catalog (data.json): full lint vs the JSON parsers alone');
  const text = dcatCatalog(3e6);
  const adapter = detectFormat('data.json', text);
  row('size', 'JSON.parse', 'parseTree', 'lint', 'lint/JSON.parse', 'lint/parseTree');
  if (!adapter) {
    const [parse, tree] = medians([() => JSON.parse(text), () => parseTree(text)], 5);
    row(kb(text.length), ms(parse), ms(tree), 'no adapter', '—', '—');
    return;
  }
  const [parse, tree, lint] = medians([() => JSON.parse(text), () => parseTree(text), () => lintText(text, { path: 'data.json' })], 9);
  row(kb(text.length), ms(parse), ms(tree), ms(lint), ratio(lint, parse), ratio(lint, tree));
}

/** Each corpus file: full lint vs its parser. */
function corpus(): void {
  console.log(`\nShared corpus (${path.relative(REPO, CORPUS)}): full lint vs the format's parser`);
  row('file', 'parse', 'lint', 'lint/parse', 'findings');
  if (!fs.existsSync(CORPUS)) {
    console.log('  (not found)');
    return;
  }
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(full);
    }
  };
  visit(CORPUS);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.relative(CORPUS, file);
    const parseOnly = () => (file.endsWith('.json') ? JSON.parse(text) : parseDocument(text));
    if (!detectFormat(file, text)) {
      row(name, ms(median(parseOnly, 30)), 'not read', '—', '—');
      continue;
    }
    const [parse, lint] = medians([parseOnly, () => lintText(text, { path: file })], 30);
    row(name, ms(parse), ms(lint), ratio(lint, parse), String(lintText(text, { path: file }).findings.length));
  }
}

/** Edits typed into the 1 MB dictionary open in the server; odd, so that the last one types. */
const SERVER_EDITS = 31;

/** One keystroke inside one column of the 1 MB dictionary, re-linted by a document linter and by the server. */
async function keystroke(text: string): Promise<void> {
  console.log('\nRe-lint after a one-character edit in one column of the 1 MB dictionary');
  const at = text.indexOf('description:', Math.floor(text.length / 2)) + 'description: '.length + 5;
  const typed = text.slice(0, at) + 'x' + text.slice(at);
  const linter = new DocumentLinter({ path: 'bench.dictionary.yaml' });
  linter.lint(text);
  let flip = false;
  let reads = 0;
  // Alternate typing and deleting one letter so every run is a real edit.
  const edit = () => {
    flip = !flip;
    const result = linter.lint(flip ? typed : text);
    if (linter.lastRead === 'incremental') reads++;
    return result;
  };
  const relint = median(edit, 11, 2);
  // Typing goes on: the same edits once the code for them is compiled and the heap has settled.
  const steady = median(edit, 21, 10);
  const full = median(() => lintText(text, { path: 'bench.dictionary.yaml' }), 5);
  const same = util.isDeepStrictEqual(stripped(edit()), stripped(lintText(flip ? typed : text, { path: 'bench.dictionary.yaml' })));
  row('through', 're-lint', 'full lint', 're-lint/full', 'same findings');
  row(`engine, edits 3–13`, ms(relint), ms(full), (100 * relint / full).toFixed(1) + '%', same ? 'yes' : 'NO');
  row(`engine, edits 24–44`, ms(steady), ms(full), (100 * steady / full).toFixed(1) + '%', `${reads}/45 incr.`);

  // The server: didOpen → publishDiagnostics is a full lint; didChange → publishDiagnostics a
  // re-lint, which includes any pause the server waits for typing to stop (none after a quick
  // lint, as long as the last lint took after a slow one, at most 200 ms: see Validator.pauseFor)
  // and the diagnostics published sent and read back as JSON. The server publishes at most
  // plainmeta.maxDiagnostics (default 1000, what VS Code shows at most) of a file's findings, so
  // the row says how many of them were published. The median of 31 edits: one of 11 moved by a
  // point and a half between runs.
  console.log(`  server: at most ${DEFAULT_SETTINGS.maxDiagnostics} diagnostics published per file (plainmeta.maxDiagnostics, default), its notice included; median of ${SERVER_EDITS} edits`);
  const { editor } = await TestEditor.start({ rootUri: pathToFileURL(WORK).href, cwd: WORK });
  const published = async (uri: string, version: number, send: () => void) => {
    const mark = editor.mark();
    const start = performance.now();
    send();
    const diagnostics = await editor.diagnostics(uri, (p) => p.version === version, mark);
    return { time: performance.now() - start, count: diagnostics.length };
  };
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const uri = pathToFileURL(path.join(WORK, `open${i}.dictionary.yaml`)).href;
    opens.push((await published(uri, 1, () => editor.open(uri, text))).time);
    await editor.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  const uri = pathToFileURL(path.join(WORK, 'typed.dictionary.yaml')).href;
  await published(uri, 1, () => editor.open(uri, text));
  const position = editor.document(uri).positionAt(at);
  const changes: number[] = [];
  let count = 0;
  for (let i = 0; i < SERVER_EDITS; i++) {
    const change = i % 2 === 0 ? { range: { start: position, end: position }, text: 'x' } : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' };
    const version = editor.document(uri).version + 1;
    const result = await published(uri, version, () => editor.change(uri, [change]));
    changes.push(result.time);
    count = result.count;
  }
  editor.kill();
  const middle = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const serverFull = middle(opens);
  const serverEdit = middle(changes);
  // The edits end on the typed text: what the last publication was made of.
  const found = linter.lint(typed).findings.length;
  row('server, didChange → publish', ms(serverEdit), ms(serverFull), (100 * serverEdit / serverFull).toFixed(1) + '%', `${count} of ${found} diag.`);
}

/** Findings as the editor sees them, without the model they came from. */
function stripped(result: ReturnType<typeof lintText>) {
  return result.findings.map((f) => ({ rule: f.rule, message: f.message, range: f.range, fixes: f.fixes }));
}

/** Peak resident memory of the language server with the 10 MB dictionary open, and of the engine alone. */
async function memory(text: string): Promise<void> {
  console.log('\nPeak memory with the 10 MB dictionary (the server publishes at most plainmeta.maxDiagnostics of its findings, and keeps them all)');
  const file = path.join(WORK, 'big.dictionary.yaml');
  fs.writeFileSync(file, text);
  row('process', 'peak RSS', 'findings');
  let found: number | undefined;
  const script = `const { DocumentLinter } = require(${JSON.stringify(path.join(__dirname, '..', 'server', 'src', 'engine', 'document.js'))});
const linter = new DocumentLinter({ path: 'big.dictionary.yaml' });
const r = linter.lint(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));
process.stdout.write(JSON.stringify({ findings: r.findings.length, maxRSS: process.resourceUsage().maxRSS }));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status === 0) {
    const { findings, maxRSS } = JSON.parse(result.stdout) as { findings: number; maxRSS: number };
    row('engine alone, one lint', (maxRSS / 1024).toFixed(0) + ' MB', String(findings));
    found = findings;
  } else row('engine alone, one lint', 'failed', result.stderr.split('\n')[0]);

  const { editor } = await TestEditor.start({ rootUri: pathToFileURL(WORK).href, cwd: WORK });
  const uri = pathToFileURL(file).href;
  editor.open(uri, text);
  const diagnostics = await editor.current(uri);
  // Linux only: the kernel's high-water mark of the server's resident memory.
  let peak = 'n/a (no /proc)';
  try {
    const status = fs.readFileSync(`/proc/${editor.process.pid}/status`, 'utf8');
    peak = (Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024).toFixed(0) + ' MB';
  } catch {
    // Not Linux.
  }
  editor.kill();
  // At most plainmeta.maxDiagnostics of the findings are published; the server keeps them all.
  row('language server, document open', peak, `${diagnostics.length}${found === undefined ? '' : ` of ${found}`} published`);
}

/** `plainmeta lint` on one small file against starting node and doing nothing. */
function startup(): void {
  console.log('\nCLI start-up on one small file');
  const file = path.join(WORK, 'small.dictionary.yaml');
  fs.writeFileSync(file, dictionary(2e3));
  const bin = path.join(REPO, 'bin', 'plainmeta.js');
  const spawn = (args: string[]) => () => spawnSync(process.execPath, args, { encoding: 'utf8' });
  const [bare, cli] = medians([spawn(['-e', '0']), spawn([bin, 'lint', file])], 10);
  row('command', 'node -e 0', 'plainmeta lint', 'ratio', 'difference');
  row('small.dictionary.yaml (2 KB)', ms(bare), ms(cli), ratio(cli, bare), ms(cli - bare));
}

async function main(): Promise<void> {
  const started = performance.now();
  machine();
  const texts = dictionaries();
  style(texts.get(1e6)!);
  catalogs();
  corpus();
  await keystroke(texts.get(1e6)!);
  await memory(texts.get(10e6)!);
  startup();
  fs.rmSync(WORK, { recursive: true, force: true });
  console.log(`\nTotal bench time ${(performance.now() - started) / 1000 | 0} s`);
}

void main();
