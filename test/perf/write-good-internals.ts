/**
 * Reads the word lists and compiled patterns out of the installed write-good checks, which keep
 * them in module-scoped variables. Used to check that plainmeta's copy in
 * server/src/data/write-good.json is the installed version's; regenerate that file with
 * `node out/test/perf/write-good-internals.js > server/src/data/write-good.json` after an upgrade.
 */
import * as fs from 'fs';
import * as vm from 'vm';

interface Internals {
  lists: Record<string, string[]>;
  pattern: RegExp;
}

/** Runs a check's source with an epilogue that hands back the named variables. */
function internals(moduleId: string, listNames: string[], patternName: string): Internals {
  const source = fs.readFileSync(require.resolve(moduleId), 'utf8');
  const out: { lists?: Record<string, string[]>; pattern?: RegExp } = {};
  const epilogue = `\n;__out.lists = { ${listNames.map((n) => `${n}: ${n}`).join(', ')} }; __out.pattern = ${patternName};`;
  vm.runInNewContext(source + epilogue, { __out: out, module: { exports: {} }, require: () => () => [] });
  // Objects made in another context have their own prototypes; copy the lists into this one.
  return { lists: JSON.parse(JSON.stringify(out.lists)), pattern: out.pattern! };
}

export function writeGoodInternals(): Record<string, Internals> {
  return {
    weasel: internals('weasel-words', ['weasels', 'exceptions'], 're'),
    passive: internals('passive-voice', ['irregulars', 'exceptions'], 're'),
    adverb: internals('adverb-where', ['adverbs', 'weakens'], 'adverbRegex'),
    tooWordy: unseparated(internals('too-wordy', ['wordyWords'], 'wordyRegex')),
    cliches: unseparated(internals('no-cliches', ['cliches'], 'clicheRegex')),
  };
}

/** too-wordy and no-cliches overwrite their lists with spaces turned into a pattern; turn them back. */
function unseparated(found: Internals): Internals {
  const lists = Object.fromEntries(Object.entries(found.lists).map(([name, list]) => [name, list.map((w) => w.split(WORD_SEPARATOR).join(' '))]));
  return { lists, pattern: found.pattern };
}

export const WORD_SEPARATOR = '[\\b\\s\\u200C]*';

if (require.main === module) {
  const all = writeGoodInternals();
  const lists = Object.fromEntries(Object.entries(all).map(([check, { lists }]) => [check, lists]));
  process.stdout.write(JSON.stringify({ $comment: 'Copied from write-good 1.0.8 and its checks by test/perf/write-good-internals.ts; do not edit.', ...lists }, null, 2) + '\n');
}
