import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import writeGood from 'write-good';
import { dictionary, metadataWithLongDescription, prose, seededRandom } from '../../bench/generate';
import lists from '../../server/src/data/write-good.json';
import { lintText } from '../../server/src/engine/lint';
import { proseFields } from '../../server/src/rules/prose-fields';
import { PATTERN_SOURCES, styleFindings, styleSuggestions } from '../../server/src/rules/style-checks';
import { writeGoodInternals } from './write-good-internals';

const REPO = path.join(__dirname, '..', '..', '..');

/** Every prose value plainmeta would check in a file, decoded. */
function proseOf(text: string, filePath: string): string[] {
  const file = lintText(text, { path: filePath }).file;
  return file ? proseFields(file).map((f) => f.prose.text) : [];
}

/** write-good's checks by the explanation it gives, in the order it runs them. */
const CHECK_OF_EXPLANATION: Array<[string, string]> = [
  ['is a weasel word', 'weasel'],
  ['is repeated', 'illusion'],
  ['adds no meaning', 'so'],
  ['is unnecessary verbiage', 'thereIs'],
  ['may be passive voice', 'passive'],
  ['can weaken meaning', 'adverb'],
  ['is wordy or unneeded', 'tooWordy'],
  ['is a cliche', 'cliches'],
];

/** Both outputs against write-good: its suggestions exactly, and the rule's ranges with the check and explanation its reasons give. */
function assertSame(text: string, label: string): void {
  const expected = writeGood(text);
  assert.deepStrictEqual(styleSuggestions(text), expected, `${label}: ${JSON.stringify(text.slice(0, 200))}`);
  const findings = expected.map(({ index, offset, reason }) => {
    const explanation = reason.slice(offset + 3);
    return { start: index, end: index + offset, check: CHECK_OF_EXPLANATION.find(([e]) => explanation.startsWith(e))![1], explanation };
  });
  assert.deepStrictEqual(styleFindings(text), findings, `${label} (findings): ${JSON.stringify(text.slice(0, 200))}`);
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
    for (const name of Object.keys(PATTERN_SOURCES) as Array<keyof typeof PATTERN_SOURCES>) {
      assert.strictEqual(PATTERN_SOURCES[name], installed[name].pattern.source, name);
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

  it('find exactly what write-good finds where words meet other characters', () => {
    // The matcher reads words as \w and \b do (ASCII letters, digits, underscore) and folds case
    // as /i does without /u; these put every other kind of character against phrases.
    const cases = [
      "it's very clear; don't rock the boat; all's well that ends well; O'Really; 'very' very's",
      'very1 very 2very 3many many4 is 5ed was 100ed was done2 was 2done',
      '_very very_ is_done was _used was used_ _the the_ the _the',
      'éclearly clearlyé véry ﬁnally \u017fo So \u212aind kind wasé used was usedé İs is',
      'well-really -actually co-incidentally re-quickly in-order to -in order to (in order to) x-very',
      'VERY In Order To THERE IS a cat. SO, yes. WAS DONE; Is InDeEd; ARE A NUMBER',
      "you're the boss you're the boss. you're the boss  . you're the boss\u200c now you're the boss\bx you're the boss",
      'will wonders never cease; will wonders never ceas; will wonders never ceasee; will wonders never cease?',
      'was\n\tdone is indeed IS INDEED were  been be bed are ed is bed are red been been being seen am\u00a0hit',
      'many things, too ',
      'few too ',
      'too many too few too  many too\tfew xtoo many',
      'are a number are  a number is a\u00a0number is a number',
      'the\u00a0the The THE İ i̇ İx i̇x \u212aind kind ΣΑΣ σας a.a a.a -- -- _ _ 1 1 é é cafÉ CAFé café cafe caf cafés',
      "so. So, x. \tSo x! There  is. there is; There are? there isn't. There arex. \u00a0there is.",
      'in\u200corder\u200cto inorderto in  order   to in\border to in-\norder to',
    ];
    for (const text of cases) assertSame(text, 'edge');
  });

  it('find exactly what write-good finds in random mixtures of its phrases and odd characters', () => {
    const random = seededRandom(21);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const phrases = [...lists.weasel.weasels, ...lists.passive.irregulars, ...lists.adverb.adverbs.map((a) => `${a}y`), ...lists.adverb.weakens, ...lists.tooWordy.wordyWords, ...lists.cliches.cliches];
    const words = ['the', 'is', 'was', 'are', 'so', 'there', 'too', 'many', 'very', 'data', 'counted', 'in', 'a', 'of', 'seen', 'ly', 'ed'];
    const glue = [' ', ' ', ' ', '  ', '\n', '\t', '-', "'", '_', '1', 'é', '\u200c', '\b', '\u00a0', '.', ',', ';', '?', '!', '"', '', 'İ', '\u212a'];
    const piece = (): string => {
      const r = random();
      let text = r < 0.4 ? pick(phrases) : pick(words);
      if (random() < 0.2) text = text.slice(0, 1 + Math.floor(random() * text.length));
      if (random() < 0.2) text = random() < 0.5 ? text.toUpperCase() : text[0].toUpperCase() + text.slice(1);
      return text.replace(/ /g, () => (random() < 0.8 ? ' ' : pick(glue)));
    };
    for (let n = 0; n < 400; n++) {
      const parts: string[] = [];
      const count = 2 + Math.floor(random() * 20);
      for (let i = 0; i < count; i++) parts.push(piece(), pick(glue));
      assertSame(parts.join(''), `mixture ${n}`);
    }
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
