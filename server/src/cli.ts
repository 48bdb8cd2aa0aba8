import { ResolvedConfig } from './config/config';
import { loadConfigFile } from './io/config-files';
import { formatJson, formatSarif, formatStylish } from './cli/formatters';
import { expandPaths, MAX_WALKED_FILES } from './cli/files';
import { displayPath, FileReport, lintFile } from './cli/report';
import { RULE_OPTIONS } from './rules';
import packageJson from '../../package.json';

const USAGE = `plainmeta ${packageJson.version}: plain-language checks for dataset metadata and data dictionaries

Usage:
  plainmeta lint [PATH…] [--format stylish|json|sarif] [--fix] [--config FILE] [--max-warnings N]
  plainmeta coverage [PATH…] [--format table|json|markdown] [--fail-under PERCENT]

PATH is a file or a folder (every file plainmeta recognises under it); the default is ".".
Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 bad usage or config.`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
}

class UsageError extends Error {}

interface Parsed {
  command: string;
  paths: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--format', '--config', '--max-warnings', '--fail-under']);
const BOOLEAN_FLAGS = new Set(['--fix', '--help', '-h', '--version', '--no-color']);

function parseArgs(argv: string[]): Parsed {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('-') && arg !== '-') {
      const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`${name} needs a value`);
        flags.set(name, value);
      } else if (BOOLEAN_FLAGS.has(name)) flags.set(name, true);
      else throw new UsageError(`unknown option ${name}`);
    } else positional.push(arg);
  }
  return { command: positional[0] ?? '', paths: positional.slice(1), flags };
}

function choice(flags: Parsed['flags'], name: string, allowed: string[], fallback: string): string {
  const value = flags.get(name);
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}`);
  return value;
}

function number(flags: Parsed['flags'], name: string, max?: number): number | undefined {
  const value = flags.get(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  const range = max === undefined ? 'of 0 or more' : `from 0 to ${max}`;
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0 || (max !== undefined && n > max)) {
    throw new UsageError(`${name} needs a number ${range}, not "${value}"`);
  }
  return n;
}

/** Runs the command line and returns the exit status; never throws for bad input. */
export function runCli(argv: string[], io: CliIO): number {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
    if (parsed.flags.has('--version')) {
      io.stdout(packageJson.version);
      return 0;
    }
    if (parsed.flags.has('--help') || parsed.flags.has('-h') || parsed.command === '' || parsed.command === 'help') {
      io.stdout(USAGE);
      return parsed.command === '' && !parsed.flags.has('--help') && !parsed.flags.has('-h') ? 2 : 0;
    }
    if (parsed.command === 'lint') return lintCommand(parsed, io);
    if (parsed.command === 'coverage') return coverageCommand(parsed, io);
    throw new UsageError(`unknown command "${parsed.command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plainmeta: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`plainmeta: internal error: ${(error as Error).stack ?? error}`);
    return 2;
  }
}

function collect(parsed: Parsed, io: CliIO, fix: boolean): { reports: FileReport[]; failed: boolean } {
  let config: ResolvedConfig | undefined;
  const configPath = parsed.flags.get('--config');
  if (typeof configPath === 'string') {
    const loaded = loadConfigFile(configPath, RULE_OPTIONS);
    if (loaded.problems.length) {
      for (const p of loaded.problems) io.stderr(`plainmeta: ${p.path}:${p.line}:${p.column}: ${p.message}`);
      return { reports: [], failed: true };
    }
    config = loaded.config;
  }
  let missing = false;
  const { files, explicit } = expandPaths(
    parsed.paths.length ? parsed.paths : ['.'],
    (p) => {
      io.stderr(`plainmeta: no such file or folder: ${p}`);
      missing = true;
    },
    (p) => io.stderr(`plainmeta: ${p} holds more than ${MAX_WALKED_FILES.toLocaleString('en-US')} files; only the first ${MAX_WALKED_FILES.toLocaleString('en-US')} are checked`),
  );
  if (missing) return { reports: [], failed: true };
  const reports: FileReport[] = [];
  for (const file of files) {
    const report = lintFile(file, { config, fix });
    if (report) reports.push(report);
    else if (explicit.has(file)) io.stderr(`plainmeta: skipped ${displayPath(file)}: not a metadata or data dictionary file plainmeta recognises`);
  }
  return { reports, failed: false };
}

function lintCommand(parsed: Parsed, io: CliIO): number {
  const format = choice(parsed.flags, '--format', ['stylish', 'json', 'sarif'], 'stylish');
  const maxWarnings = number(parsed.flags, '--max-warnings');
  const { reports, failed } = collect(parsed, io, parsed.flags.has('--fix'));
  if (failed) return 2;
  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports));
  else io.stdout(formatStylish(reports, io.color && !parsed.flags.has('--no-color')));
  const findings = reports.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    if (format === 'stylish') io.stderr(`plainmeta: ${warnings} warnings, more than --max-warnings ${maxWarnings}`);
    return 1;
  }
  return 0;
}

function coverageCommand(parsed: Parsed, io: CliIO): number {
  const format = choice(parsed.flags, '--format', ['table', 'json', 'markdown'], 'table');
  // A percentage: above 100 no project could ever pass.
  const failUnder = number(parsed.flags, '--fail-under', 100);
  const { reports, failed } = collect(parsed, io, false);
  if (failed) return 2;
  const rows = reports.filter((r) => r.columns).map((r) => ({ path: displayPath(r.path), total: r.columns!.total, documented: r.columns!.documented }));
  const total = rows.reduce((n, r) => n + r.total, 0);
  const documented = rows.reduce((n, r) => n + r.documented, 0);
  const percent = (d: number, t: number) => (t === 0 ? 100 : Math.floor((d / t) * 1000) / 10);
  if (format === 'json') {
    io.stdout(JSON.stringify({ files: rows.map((r) => ({ ...r, percent: percent(r.documented, r.total) })), total, documented, percent: percent(documented, total) }, null, 2));
  } else {
    const lines = rows.map((r) => [r.path, `${r.documented}/${r.total}`, `${percent(r.documented, r.total)}%`]);
    lines.push(['all files', `${documented}/${total}`, `${percent(documented, total)}%`]);
    if (format === 'markdown') {
      io.stdout(['| file | documented | percent |', '|---|---|---|', ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n'));
    } else {
      const width = Math.max(4, ...lines.map((l) => l[0].length));
      io.stdout(lines.map((l) => `${l[0].padEnd(width)}  ${l[1].padStart(9)}  ${l[2].padStart(6)}`).join('\n'));
    }
  }
  return failUnder !== undefined && percent(documented, total) < failUnder ? 1 : 0;
}

/** The `plainmeta` command as a process: real streams, and a closed pipe is not a crash. */
export function main(argv: string[]): void {
  // `plainmeta lint | head` closes the pipe early; the reader has what it wanted.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = runCli(argv, {
    stdout: (s) => process.stdout.write(s + '\n'),
    stderr: (s) => process.stderr.write(s + '\n'),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  });
}

if (require.main === module) main(process.argv.slice(2));
