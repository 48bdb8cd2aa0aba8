/**
 * The rules find words, URLs and sentence ends with scanners that walk the text by char code, in
 * place of regular expressions that cost far more on long prose. Each scanner must answer exactly
 * what its expression answers; the expressions are kept here as the definitions, and both are run
 * over random text made of the pieces that matter to them (and over the benchmark prose).
 */
import * as assert from 'assert';
import { prose, seededRandom } from '../../bench/generate';
import { acronymIn, isShouted, WORD, wordEnd, wordsOf } from '../../server/src/rules/acronym';
import { isBlank, letterAt, letterOrNumberAt } from '../../server/src/rules/chars';
import { nonProseSpans } from '../../server/src/rules/prose-fields';
import { readingLevel, syllables } from '../../server/src/rules/readability';
import { possessiveAt, TOKEN, Tokens } from '../../server/src/rules/word-list';

/** `count` random texts of up to `maxPieces` pieces each, from a seeded generator. */
function randomTexts(seed: number, pieces: readonly string[], count: number, maxPieces = 30): string[] {
  const random = seededRandom(seed);
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = '';
    const length = Math.floor(random() * maxPieces);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    texts.push(text);
  }
  return texts;
}

/** Characters where the Unicode classes and case mappings hold surprises. */
const UNICODE = ['é', 'ß', 'ſ', 'K' /* Kelvin sign */, 'İ', 'Σ', 'ΑΣ', '𝒜', '😀', '\ud835' /* lone surrogate */, '\udc9c', '٣', 'Ⅷ', '²', '\u0301', '\u00a0', '\u2028', '\ufeff', '’'];

function spansOf(pattern: RegExp, text: string): Array<[number, number]> {
  return [...text.matchAll(pattern)].map((m) => [m.index!, m.index! + m[0].length]);
}

describe('rule scanners against the expressions they replace', () => {
  it('nonProseSpans finds the spans of its documented expression', () => {
    const pattern = /\b(?:https?|ftp):\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|`[^`\n]*`/gi;
    const pieces = ['a+b', 'x.y-z', '@b.c', '@ex-1.org', '.org', 'https://', 'www.a', 'http', 'HTTPS', 'ftp', 'Ftp', '://', ':', '/', 'www', 'WwW', 'wwww.', '.', '@', '{{', '}}', '{', '}', '{%', '%}', '%', '`', '\n', ' ', '\t', 'a', 'b', 'x_', 's', '1', 'co', '-', '+', '<', '>', '"', "'", ')', ']', '(', ...UNICODE];
    let spans = 0;
    for (const text of [...randomTexts(1, pieces, 40_000), prose(50_000, 7)]) {
      const expected = spansOf(pattern, text);
      assert.deepStrictEqual(nonProseSpans(text), expected, JSON.stringify(text.slice(0, 200)));
      spans += expected.length;
    }
    assert.ok(spans > 4000, `the random texts hold too few spans (${spans}) to test much`);
  });

  it('letterAt and letterOrNumberAt read each code point as \\p{L} and [\\p{L}\\p{N}] with /u do', () => {
    const points = [...Array(0x10000).keys(), 0x1d49c, 0x1f600, 0x10400, 0x1d7ce, 0x20000];
    for (const point of points) {
      const char = String.fromCodePoint(point);
      const text = `${char}x`;
      assert.strictEqual(letterAt(text, 0), /^\p{L}/u.test(text) ? char.length : 0, `U+${point.toString(16)}`);
      assert.strictEqual(letterOrNumberAt(text, 0), /^[\p{L}\p{N}]/u.test(text) ? char.length : 0, `U+${point.toString(16)}`);
    }
    assert.strictEqual(letterAt('\ud835', 0), 0, 'a lone high surrogate is no letter');
    assert.strictEqual(letterOrNumberAt('a', 1), 0, 'past the end');
  });

  it('isBlank is /^\\s+$/ on the range', () => {
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      assert.strictEqual(isBlank(`a${char}${char}b`, 1, 3), /^\s+$/.test(char + char), `U+${code.toString(16)}`);
    }
    assert.strictEqual(isBlank('a b', 1, 1), false, 'an empty range is not blank');
  });

  it('Tokens are the words TOKEN finds, with their lower case', () => {
    const pieces = ['a', 'B', 'the', 'The', 'THE', '_', '-', '--', ' ', '.', "'", '1', 'ex', 'offender', '\n', ...UNICODE];
    for (const text of [...randomTexts(2, pieces, 20_000), prose(50_000, 8)]) {
      const tokens = new Tokens(text);
      const label = JSON.stringify(text.slice(0, 200));
      assert.deepStrictEqual(
        Array.from({ length: tokens.length }, (_, i) => [tokens.starts[i], tokens.ends[i]]),
        spansOf(TOKEN, text),
        label,
      );
      for (let i = 0; i < tokens.length; i++) {
        const lower = tokens.at(i).toLowerCase();
        assert.strictEqual(tokens.lower(i), lower);
        // `is` may skip building the word, never give another answer.
        for (const word of ['the', 'ex-offender', lower, lower + 'x', 'İ'.toLowerCase()]) {
          if (tokens.is(i, word, Tokens.keyOf(word)) !== (lower === word)) assert.fail(`${label}: word ${i} is "${word}"`);
        }
      }
    }
  });

  it('possessiveAt is /^[\'’]s?(?![\\p{L}\\p{N}])/u after the match', () => {
    const pieces = ["'", '’', 's', 'S', 'x', ' ', '.', '1', '_', ...UNICODE];
    for (const text of randomTexts(3, pieces, 20_000, 5)) {
      const match = /^['’]s?(?![\p{L}\p{N}])/u.exec(text);
      assert.strictEqual(possessiveAt(`w${text}`, 1), match ? match[0].length : 0, JSON.stringify(text));
    }
  });

  it('acronym words end where WORD ends them', () => {
    const pieces = ['A', 'b', 'DCF', '2', '2.5', '.', '-', '&', ' ', 'PM', 's', '_', ...UNICODE];
    for (const text of [...randomTexts(4, pieces, 20_000), prose(50_000, 9)]) {
      const found: Array<[number, number]> = [];
      for (let i = 0; i < text.length; ) {
        if (/[A-Za-z0-9]/.test(text[i])) {
          const end = wordEnd(text, i);
          found.push([i, end]);
          i = end;
        } else i++;
      }
      assert.deepStrictEqual(found, spansOf(WORD, text), JSON.stringify(text.slice(0, 200)));
    }
  });

  it('acronymIn counts letters as the expressions did', () => {
    const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
    function reference(part: string): string | undefined {
      const core = /^[A-Z0-9&]+s$/.test(part) && part.length > 2 ? part.slice(0, -1) : part;
      const upper = (core.match(/[A-Z]/g) ?? []).length;
      const lower = (core.match(/[a-z]/g) ?? []).length;
      const digits = (core.match(/[0-9]/g) ?? []).length;
      if (!/^[A-Za-z]/.test(core) || core.length < 2) return undefined;
      if (lower === 0 && ROMAN_NUMERAL.test(core)) return undefined;
      if (upper >= 2 && (lower === 0 || /^[A-Z]{2}/.test(core) || upper > lower)) return core;
      if (upper === 1 && lower === 0 && digits > 0) return core;
      return undefined;
    }
    const pieces = ['A', 'B', 'C', 'X', 'I', 'V', 'M', 'a', 'b', 's', 'S', '1', '2', '&', '.5', 'DCF', 'Data', 'II', 'XIV', 'CDC'];
    let found = 0;
    for (const part of randomTexts(6, pieces, 40_000, 6)) {
      const expected = reference(part);
      assert.strictEqual(acronymIn(`-${part}-`, 1, part.length + 1), expected, part);
      if (expected) found++;
    }
    assert.ok(found > 10_000, `too few acronyms among the random parts (${found})`);
  });

  it('wordsOf splits and cleans words as the expressions did', () => {
    const pieces = ['Department', 'of', 'CHILDREN', ' ', '\n', '-', '‐', '–', '/', '&', '.', ',', '(', ')', "'s", 'X1', ...UNICODE];
    for (const text of randomTexts(8, pieces, 20_000, 12)) {
      const expected = [...text.matchAll(/[^\s\-‐–/]+/g)]
        .map((m) => ({ word: m[0].toLowerCase().replace(/[^\p{L}\p{N}&]/gu, ''), start: 5 + m.index!, end: 5 + m.index! + m[0].length }))
        .filter((w) => w.word);
      assert.deepStrictEqual(wordsOf(text, 5), expected, JSON.stringify(text));
    }
  });

  it('isShouted reads words as /\\p{L}{2,}/gu and capitals as toUpperCase does', () => {
    const pieces = ['ARRESTS', 'BY', 'TOWN', 'A', 'of', 'Town', ' ', '-', '2', 'ÉTÉ', 'été', 'ß', 'ΣΑ', ...UNICODE];
    for (const text of randomTexts(5, pieces, 20_000, 8)) {
      const words = text.match(/\p{L}{2,}/gu) ?? [];
      assert.strictEqual(isShouted(text), words.length >= 3 && words.every((w) => w === w.toUpperCase()), JSON.stringify(text));
    }
  });

  describe('readability', () => {
    /** The grade as first written: expressions throughout. */
    function referenceSyllables(word: string): number {
      const w = word.toLowerCase().replace(/[^a-z]/g, '');
      if (w.length <= 3) return 1;
      const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
      return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
    }
    function referenceLevel(text: string) {
      let rest = text;
      for (const [s, e] of nonProseSpans(text).reverse()) rest = rest.slice(0, s) + ' ' + rest.slice(e);
      rest = rest.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/gi, ' ');
      const words = rest.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
      const sentences = Math.max(1, (rest.match(/[.!?]+(?=\s|$)/g) ?? []).length + (/[.!?]\s*$/.test(rest.trim()) ? 0 : 1));
      const count = words.reduce((sum, w) => sum + referenceSyllables(w), 0);
      const grade = words.length === 0 ? 0 : 0.39 * (words.length / sentences) + 11.8 * (count / words.length) - 15.59;
      return { words: words.length, sentences, syllables: count, grade: Math.round(grade * 10) / 10 };
    }
    const pieces = ['the', 'Table', 'served', 'every', 'ybes', 'yes', 'tree', 'queueing', 'IDEAS', 'rhythm', 'ables', 'aled', 'Kelvin', '’', "'", '-', '.', '!', '?', '...', ' ', '\n', ',', '<', '>', '<b>', '&amp;', '&#160;', '&', ';', 'http://x.y', 'a@b.cd', '{{x}}', '`c`', '2019', 'x_y', ...UNICODE];

    it('counts syllables as the expressions do', () => {
      for (const text of randomTexts(6, pieces, 20_000, 6)) assert.strictEqual(syllables(text), referenceSyllables(text), JSON.stringify(text));
    });

    it('grades a text as the expressions do', () => {
      for (const text of [...randomTexts(7, pieces, 20_000, 40), prose(100_000, 10)]) assert.deepStrictEqual(readingLevel(text), referenceLevel(text), JSON.stringify(text.slice(0, 200)));
    });
  });
});
