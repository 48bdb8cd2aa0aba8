import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import writeGood from 'write-good';
import { dictionary, metadataWithLongDescription, prose, seededRandom } from '../../bench/generate';
import lists from '../../server/src/data/write-good.json';
import { lintText } from '../../server/src/engine/lint';
import { proseFields } from '../../server/src/rules/prose-fields';
import { PATTERN_GROUPS, PATTERNS, styleSuggestions } from '../../server/src/rules/style-checks';
import { writeGoodInternals } from './write-good-internals';

const REPO = path.join(__dirname, '..', '..', '..');

/** Every prose value plainmeta would check in a file, decoded. */
function proseOf(text: string, filePath: string): string[] {
  const file = lintText(text, { path: filePath }).file;
  return file ? proseFields(file).map((f) => f.prose.text) : [];
}

function assertSame(text: string, label: string): void {
  assert.deepStrictEqual(styleSuggestions(text), writeGood(text), `${label}: ${JSON.stringify(text.slice(0, 200))}`);
}

describe('style checks against write-good', () => {
  it('use the word lists of the installed write-good checks', () => {
    const installed = writeGoodInternals();
    for (const [check, { lists: found }] of Object.entries(installed)) {
      assert.deepStrictEqual(found, (lists as Record<string, unknown>)[check], `${check}: regenerate server/src/data/write-good.json`);
    }
  });

  it('build the same expressions as the installed checks', () => {
    const installed = writeGoodInternals();
    for (const name of Object.keys(PATTERNS) as Array<keyof typeof PATTERNS>) {
      assert.strictEqual(PATTERNS[name].source(PATTERN_GROUPS[name]), installed[name].pattern.source, name);
    }
  });

  it('find exactly what write-good finds in the generated benchmark prose', () => {
    assertSame(prose(200_000, 11), 'long prose');
    for (const text of proseOf(dictionary(100_000, 12), 'bench.dictionary.yaml')) assertSame(text, 'dictionary field');
    for (const text of proseOf(metadataWithLongDescription(50_000, 13), 'bench.metadata.yaml')) assertSame(text, 'metadata field');
  });

  it('find exactly what write-good finds in the examples and the shared corpus', () => {
    const roots = [path.join(REPO, 'examples'), path.join(REPO, '..', 'shared', 'corpus')];
    let files = 0;
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (/\.(ya?ml|json|md)$/.test(entry.name)) {
          files++;
          const text = fs.readFileSync(full, 'utf8');
          assertSame(text, full);
          for (const value of proseOf(text, full)) assertSame(value, full);
        }
      }
    };
    for (const root of roots) if (fs.existsSync(root)) visit(root);
    assert.ok(files >= 3, `expected example files, found ${files}`);
  });

  it('find exactly what write-good finds around every phrase of every list', () => {
    const phrases = [...lists.weasel.weasels, ...lists.passive.irregulars, ...lists.adverb.adverbs.map((a) => `${a}y`), ...lists.adverb.weakens, ...lists.tooWordy.wordyWords, ...lists.cliches.cliches];
    const random = seededRandom(7);
    const around = ['', ' ', 'too ', 'was ', 'is ', 'so ', '-', 'the the ', 'There are ', 'x', '\n', '. So ', '"'];
    const chunks: string[] = [];
    for (const phrase of phrases) {
      const before = around[Math.floor(random() * around.length)];
      const after = around[Math.floor(random() * around.length)];
      const cased = random() < 0.3 ? phrase.toUpperCase() : random() < 0.5 ? phrase[0].toUpperCase() + phrase.slice(1) : phrase;
      // Spaces inside phrases may be any blank, a zero-width non-joiner, or nothing at all.
      const spaced = cased.replace(/ /g, () => [' ', '\n  ', '\u200c', '', '\u00a0', '\b'][Math.floor(random() * 6)]);
      chunks.push(`${before}${spaced}${after}`);
    }
    assertSame(chunks.join(' '), 'every phrase');
    for (let i = 0; i < chunks.length; i += 40) assertSame(chunks.slice(i, i + 40).join(''), `phrases ${i}`);
  });

  it('keep write-good’s quirks: merged reasons, its sort of equal indexes, "too many", sentence starts', () => {
    const cases = [
      'It was very very clearly done.',
      'too many cases; too few; Too many; many cases',
      'So it goes. so what? Also, so. \n  So there.',
      ' There is a cat. There are dogs; there  is none.   there is.',
      'The the cat. THE the. a a. 1 1. -- --',
      'Indeed, it is indeed true that they were indeed seen.',
      'It is extremely early and we are currently quite busy.',
      'few were made by many',
      'cease will wonders never cease? will wonders never ceas',
      "you're the boss  now",
      'café very naïve; über many ÉTÉ',
      '\u212aind words: \u017fo \u0130s',
      'many things, me too ',
      'Aé very good, xé many',
      'It is authorized to successfully complete various different tasks; few and far between.',
      'a\bchip off the old block, a\u200cclean slate, I\u2003beg to differ, achip off the old block',
      '',
      '   ',
    ];
    for (const text of cases) assertSame(text, 'quirk');
  });
});
