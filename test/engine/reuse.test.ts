import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dictionary, seededRandom } from '../../bench/generate';
import { DocumentLinter } from '../../server/src/engine/document';
import { lintText, LintOptions, LintResult, MAX_FINDINGS_PER_RULE } from '../../server/src/engine/lint';
import { fsProjectFiles } from '../../server/src/io/project-files';
import { RULES } from '../../server/src/rules';

/** Everything a lint says, without the model objects it came from. */
function said(result: LintResult) {
  return { findings: result.findings.map((f) => ({ ...f })), columns: result.columns };
}

/** The edits people make, each as a place in the text and what is typed there over how much. */
type Edit = { at: number; removed: number; typed: string };
type EditKind = (text: string, random: () => number) => Edit | undefined;

const pickFrom = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];
/** A random occurrence of `needle` in the text, or undefined. */
function anywhere(text: string, needle: string, random: () => number): number | undefined {
  const at = text.indexOf(needle, Math.floor(random() * text.length));
  return at >= 0 ? at : text.indexOf(needle) >= 0 ? text.indexOf(needle) : undefined;
}

const WORDS = ['x', 'E', ' ', 'DCF', ' DCF', 'utilize', 'the the', 'inmates', ' very', 'is collected', 'Department of Children and Families (DCF) '];
const EDITS: Record<string, EditKind> = {
  'a word typed in a description': (text, random) => {
    const at = anywhere(text, 'description:', random);
    return at === undefined ? undefined : { at: at + 13 + Math.floor(random() * 25), removed: 0, typed: pickFrom(random, WORDS) };
  },
  'letters deleted in a description': (text, random) => {
    const at = anywhere(text, 'description:', random);
    return at === undefined ? undefined : { at: at + 13 + Math.floor(random() * 25), removed: 1 + Math.floor(random() * 6), typed: '' };
  },
  'a name changed': (text, random) => {
    const at = anywhere(text, '- name: ', random);
    return at === undefined ? undefined : { at: at + 8 + Math.floor(random() * 4), removed: Math.floor(random() * 2), typed: pickFrom(random, ['date', '_ssn', 'zip', 'x', '']) };
  },
  'a title changed': (text, random) => {
    const at = anywhere(text, '    title: ', random);
    return at === undefined ? undefined : { at: at + 11, removed: Math.floor(random() * 3), typed: pickFrom(random, ['Date of ', 'DCF ', 'Zip', '']) };
  },
  'a type changed': (text, random) => {
    const at = anywhere(text, 'type: ', random);
    return at === undefined ? undefined : { at: at + 6, removed: 4, typed: pickFrom(random, ['date', 'text', 'numb']) };
  },
  'an edit across a column boundary': (text, random) => {
    const at = anywhere(text, '\n  - name', random);
    return at === undefined ? undefined : { at: at - Math.floor(random() * 10), removed: 5 + Math.floor(random() * 20), typed: pickFrom(random, ['', 'x', '\n  - name: new\n']) };
  },
  'a line break added in a description': (text, random) => {
    const at = anywhere(text, 'description:', random);
    return at === undefined ? undefined : { at: at + 13 + Math.floor(random() * 25), removed: 0, typed: pickFrom(random, ['\n', '\n      ', '\n    ']) };
  },
  'a line break removed': (text, random) => {
    const at = anywhere(text, '\n', random);
    return at === undefined ? undefined : { at, removed: 1, typed: pickFrom(random, ['', ' ']) };
  },
  'a directive added before a line': (text, random) => {
    const at = anywhere(text, '\n    description', random);
    const rule = pickFrom(random, ['', ' acronym', ' plain-language', ' style', ' undocumented-column']);
    return at === undefined ? undefined : { at: at + 1, removed: 0, typed: pickFrom(random, [`    # plainmeta-disable-next-line${rule}\n`, `    # plainmeta-disable${rule}\n`, `    # plainmeta-enable${rule}\n`]) };
  },
  'a dataset field edited': (text, random) => {
    const at = anywhere(text.slice(0, text.indexOf('columns:') + 1), pickFrom(random, ['title: ', 'description: ', 'data_file: ']), random);
    return at === undefined ? undefined : { at: text.indexOf(' ', at) + 1 + Math.floor(random() * 5), removed: Math.floor(random() * 3), typed: pickFrom(random, WORDS) };
  },
  'typing in the last column': (text, random) => {
    const at = text.lastIndexOf('description:');
    return at < 0 ? undefined : { at: at + 13 + Math.floor(random() * 10), removed: Math.floor(random() * 2), typed: pickFrom(random, WORDS) };
  },
  'anything anywhere': (text, random) => ({ at: Math.floor(random() * text.length), removed: Math.floor(random() * 8), typed: pickFrom(random, ['x', ':', '"', "'", '#', '-', '\n', '  ', 'DCF', '|', '{']) }),
};

/**
 * Applies `steps` random edits of every kind to `text`, each linted by one DocumentLinter and
 * compared with a fresh lint of the same text; keeps about half of the edits that leave the file
 * readable, undoes the rest. Returns how many re-lints reused findings.
 */
function editAndCompare(text: string, options: LintOptions, steps: number, seed: number): { reused: number; kinds: Set<string> } {
  const random = seededRandom(seed);
  const linter = new DocumentLinter(options);
  assert.deepStrictEqual(said(linter.lint(text)), said(lintText(text, options)));
  const kinds = new Set<string>();
  let reused = 0;
  for (let step = 0; step < steps; step++) {
    const kind = pickFrom(random, Object.keys(EDITS));
    const edit = EDITS[kind](text, random);
    if (!edit) continue;
    const at = Math.max(0, Math.min(edit.at, text.length));
    const next = text.slice(0, at) + edit.typed + text.slice(at + edit.removed);
    const result = linter.lint(next);
    if (linter.lastReused) {
      reused++;
      kinds.add(kind);
    }
    assert.deepStrictEqual(said(result), said(lintText(next, options)), `seed ${seed}, edit ${step} (${kind}) at ${at}: ${JSON.stringify(edit.typed)} over ${edit.removed}`);
    if (random() < 0.5 && result.file?.problems.length === 0) text = next;
    else assert.deepStrictEqual(said(linter.lint(text)), said(lintText(text, options)), `seed ${seed}, undoing edit ${step}`);
  }
  return { reused, kinds };
}

describe('re-lint reusing findings (DocumentLinter)', () => {
  it('every rule says what its findings depend on', () => {
    for (const rule of RULES) assert.ok(rule.meta.scope === 'field' || rule.meta.scope === 'file', rule.meta.id);
  });

  it('gives exactly a fresh lint\'s findings after random edits of every kind to a generated dictionary', function () {
    this.timeout(120_000);
    for (const seed of [11, 12]) {
      const { reused, kinds } = editAndCompare(dictionary(15e3, seed), { path: 'edited.dictionary.yaml' }, 120, seed);
      assert.ok(reused > 30, `seed ${seed}: only ${reused} re-lints reused findings`);
      for (const kind of ['a word typed in a description', 'a name changed', 'a line break added in a description', 'a directive added before a line']) assert.ok(kinds.has(kind), `seed ${seed}: no reuse after ${kind}`);
    }
  });

  it('keeps the findings cap exact: a rule past it, edits on both sides of where it is reached', function () {
    this.timeout(300_000);
    const text = dictionary(110e3, 21);
    const full = lintText(text, { path: 'capped.dictionary.yaml' });
    const style = full.findings.filter((f) => f.rule === 'style');
    assert.strictEqual(style.length, MAX_FINDINGS_PER_RULE + 1, 'the style rule is past the cap here');
    assert.match(style[style.length - 1].message, /^… and [\d,]+ more style findings not shown\.$/);
    const { reused } = editAndCompare(text, { path: 'capped.dictionary.yaml' }, 30, 21);
    assert.ok(reused > 5, `only ${reused} re-lints reused findings`);
  });

  it('gives exactly a fresh lint\'s findings after random edits to the examples, with their data files', function () {
    this.timeout(120_000);
    const root = path.resolve(__dirname, '..', '..', '..', 'examples');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(files.length >= 4, files.join(', '));
    for (const [index, file] of files.entries()) {
      const full = path.join(root, file);
      editAndCompare(fs.readFileSync(full, 'utf8'), { path: full, project: fsProjectFiles(full) }, 60, 100 + index);
    }
  });

  it('reuses findings without re-making them: those before the edit are the same objects, those after it are noted as moved', () => {
    const text = dictionary(15e3, 31);
    const linter = new DocumentLinter({ path: 'moved.dictionary.yaml' });
    const before = linter.lint(text);
    // A comment line above a plain description in the second half, then a word typed in it.
    const plain = /description: [A-Z][a-z]+ /g;
    plain.lastIndex = text.length / 2;
    const at = plain.exec(text)!.index;
    const commented = text.slice(0, at) + '# a note\n    ' + text.slice(at);
    const after = linter.lint(commented);
    assert.strictEqual(linter.lastReused, true);
    const earlier = after.findings.filter((f) => f.span.end < at);
    assert.ok(earlier.length > 10 && earlier.every((f) => before.findings.includes(f)), 'findings before the edit are the earlier objects');
    const moved = [...(after.moved ?? new Map())];
    assert.ok(moved.length > 10, 'findings after the edit are noted as moved');
    for (const [now, was] of moved) {
      assert.ok(before.findings.includes(was) && after.findings.includes(now));
      assert.deepStrictEqual(now.range, { start: { line: was.range.start.line + 1, character: was.range.start.character }, end: { line: was.range.end.line + 1, character: was.range.end.character } });
      assert.strictEqual(commented.slice(now.span.start, now.span.end), text.slice(was.span.start, was.span.end));
    }

    const typedAt = commented.indexOf('description: ', at) + 13;
    const typed = commented.slice(0, typedAt) + 'Inmates ' + commented.slice(typedAt);
    const again = linter.lint(typed);
    assert.strictEqual(linter.lastReused, true);
    assert.ok(again.findings.some((f) => f.rule === 'person-centered' && typed.slice(f.span.start, f.span.end) === 'Inmates'));
    assert.deepStrictEqual(said(again), said(lintText(typed, { path: 'moved.dictionary.yaml' })));
  });
});
