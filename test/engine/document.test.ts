import * as assert from 'assert';
import { dictionary } from '../../bench/generate';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/config/config';
import { ProseCache } from '../../server/src/engine/cache';
import { DocumentLinter } from '../../server/src/engine/document';
import { Finding, lintText } from '../../server/src/engine/lint';
import { nonProseSpans, overlaps } from '../../server/src/rules/prose-fields';

const PATH = 'bench.dictionary.yaml';
const view = (findings: Finding[]) => findings.map((f) => ({ rule: f.rule, message: f.message, span: f.span, range: f.range, fixes: f.fixes }));

describe('DocumentLinter', () => {
  it('gives the same findings as a fresh lint after edits that move later columns', () => {
    const text = dictionary(20_000, 5);
    const linter = new DocumentLinter({ path: PATH });
    assert.deepStrictEqual(view(linter.lint(text).findings), view(lintText(text, { path: PATH }).findings));
    // Lengthen a description early in the file: every later finding moves by the inserted text.
    const at = text.indexOf('description:', 400) + 'description: '.length;
    const edited = text.slice(0, at) + 'Inmates utilize the DCF records. ' + text.slice(at);
    const again = linter.lint(edited).findings;
    assert.deepStrictEqual(view(again), view(lintText(edited, { path: PATH }).findings));
    assert.ok(again.some((f) => f.rule === 'person-centered' && edited.slice(f.span.start, f.span.end) === 'Inmates'));
  });

  it('starts afresh when the config changes', () => {
    const text = 'columns:\n  - name: a\n    description: Counts from DCF and DMHAS.\n';
    const linter = new DocumentLinter({ path: PATH });
    assert.deepStrictEqual(linter.lint(text).findings.filter((f) => f.rule === 'acronym').map((f) => f.data.acronym), ['DCF', 'DMHAS']);
    const config = resolveConfig({ acronyms: { allow: ['DCF'] } });
    assert.deepStrictEqual(linter.lint(text, { config }).findings.filter((f) => f.rule === 'acronym').map((f) => f.data.acronym), ['DMHAS']);
  });
});

describe('ProseCache', () => {
  it('computes a text once per rule and config, and forgets the least recently used first', () => {
    const cache = new ProseCache(2);
    const computed: string[] = [];
    const memo = cache.memoFor('style', DEFAULT_CONFIG);
    const get = (text: string) => memo(text, () => (computed.push(text), text.length));
    assert.strictEqual(get('one'), 3);
    get('two');
    get('one'); // now the most recent
    get('three'); // evicts "two"
    get('one');
    get('two');
    assert.deepStrictEqual(computed, ['one', 'two', 'three', 'two']);
    // Another rule or another config never sees these results.
    cache.memoFor('acronym', DEFAULT_CONFIG)('one', () => computed.push('acronym one'));
    cache.memoFor('style', resolveConfig({}))('one', () => computed.push('other config one'));
    assert.deepStrictEqual(computed.slice(4), ['acronym one', 'other config one']);
  });
});

describe('overlaps', () => {
  it('finds the one span a range can touch among many, by binary search', () => {
    const text = 'see https://a.example/1 and www.b.example then x@y.org or {{ var }} end';
    const spans = nonProseSpans(text);
    assert.deepStrictEqual(spans.map(([s, e]) => text.slice(s, e)), ['https://a.example/1', 'www.b.example', 'x@y.org', '{{ var }}']);
    const at = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;
    assert.strictEqual(overlaps(spans, ...at('see')), false);
    assert.strictEqual(overlaps(spans, ...at('and')), false);
    assert.strictEqual(overlaps(spans, ...at('then')), false);
    assert.strictEqual(overlaps(spans, ...at('end')), false);
    assert.strictEqual(overlaps(spans, ...at('example/1')), true);
    assert.strictEqual(overlaps(spans, ...at('y.org')), true);
    assert.strictEqual(overlaps(spans, ...at('var')), true);
    assert.strictEqual(overlaps(spans, at('then')[0], at('x@y')[0] + 1), true);
    assert.strictEqual(overlaps([], 0, 5), false);
  });
});
