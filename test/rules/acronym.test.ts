import * as assert from 'assert';
import { resolveConfig } from '../../server/src/config/config';
import { seededRandom } from '../../bench/generate';
import { Finding } from '../../server/src/engine/lint';
import { acronymIn, occurrences, WORD } from '../../server/src/rules/acronym';
import { nonProseSpans, overlaps } from '../../server/src/rules/prose-fields';
import { applyAndCheck, brief, lint, only, Options } from '../helpers';

const DCF = 'Department of Children and Families';

function acronyms(text: string, options: Options = {}): Finding[] {
  return only(lint(text, options), 'acronym');
}

describe('rule: acronym', () => {
  it('flags an undefined acronym with a glossary expansion and offers to define or expand it', () => {
    const text = 'title: Children placed by DCF\n';
    const [f] = acronyms(text);
    assert.deepStrictEqual(brief(f), { rule: 'acronym', range: [0, 26, 0, 29], message: `"DCF" is not defined; spell it out the first time: "${DCF} (DCF)".` });
    assert.deepStrictEqual(f.data, { acronym: 'DCF', expansion: DCF });
    assert.strictEqual(f.severity, 'warning');
    assert.deepStrictEqual(f.fixes.map((x) => [x.title, x.safe]), [
      [`Define on first use: "${DCF} (DCF)"`, true],
      [`Expand to "${DCF}"`, false],
    ]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), `title: Children placed by ${DCF} (DCF)\n`);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[1]), `title: Children placed by ${DCF}\n`);
  });

  it('flags an acronym with no known expansion, without a fix', () => {
    const [f] = acronyms('description: Counts from the QRS system.\n');
    assert.deepStrictEqual(brief(f), {
      rule: 'acronym',
      range: [0, 29, 0, 32],
      message: '"QRS" is not defined; spell it out the first time, or add it to the allow list if readers know it.',
    });
    assert.deepStrictEqual(f.data, { acronym: 'QRS' });
    assert.deepStrictEqual(f.fixes, []);
  });

  const definitions: Array<[string, string]> = [
    ['expansion first', `${DCF} (DCF)`],
    ['acronym first', `DCF (${DCF})`],
    ['expansion in lower case', 'department of children and families (DCF)'],
    ['expansion hyphenated', 'Department of Children-and-Families (DCF)'],
    ['expansion in upper case, acronym first', 'DCF (DEPARTMENT OF CHILDREN AND FAMILIES)'],
    ['an expansion not in the glossary', 'Quality Rating System (QRS)'],
    ['an expansion not in the glossary, acronym first', 'QRS (quality rating system)'],
  ];
  for (const [name, definition] of definitions) {
    it(`accepts a definition: ${name}`, () => {
      const acronym = /\(([A-Z]+)\)|^([A-Z]+) /.exec(definition)!.slice(1).find(Boolean)!;
      const text = `title: Placements\ndescription: ${definition} counts. ${acronym} places children.\n`;
      assert.deepStrictEqual(acronyms(text), []);
    });
  }

  it('counts a definition in an earlier field, and in a column', () => {
    const text = [`title: ${DCF} (DCF) placements`, 'description: DCF places children.', 'columns:', '  - name: office', '    description: The DCF office.', ''].join('\n');
    assert.deepStrictEqual(acronyms(text), []);
  });

  it('flags a use before the definition; only defining that first use is safe', () => {
    const text = [`title: DCF placements`, `description: ${DCF} (DCF) places children. DCF checks them.`, ''].join('\n');
    const findings = acronyms(text);
    assert.deepStrictEqual(findings.map(brief), [{ rule: 'acronym', range: [0, 7, 0, 10], message: `"DCF" is not defined; spell it out the first time: "${DCF} (DCF)".` }]);
    const fixed = applyAndCheck(text, findings[0], findings[0].fixes[0]);
    assert.strictEqual(fixed, text.replace('title: DCF', `title: ${DCF} (DCF)`));
  });

  it('flags every use when none is defined; the later ones are not safe to fix', () => {
    const text = 'title: DCF placements\ndescription: DCF places children.\n';
    const findings = acronyms(text);
    assert.deepStrictEqual(findings.map((f) => brief(f).range), [[0, 7, 0, 10], [1, 13, 1, 16]]);
    assert.deepStrictEqual(findings.map((f) => f.fixes.map((x) => x.safe)), [[true, false], [false, false]]);
    for (const f of findings) for (const fix of f.fixes) applyAndCheck(text, f, fix);
  });

  it('accepts the built-in allow list', () => {
    assert.deepStrictEqual(acronyms('description: Each US ZIP code with GPS points, as CSV or PDF, since COVID-19.\n'), []);
  });

  it('accepts a project allow list and uses a project glossary', () => {
    const config = resolveConfig({ acronyms: { allow: ['FIPS', 'QRS'], glossary: { OEC: 'Office of Early Childhood', DCF: 'Dept. of Children and Families' } } });
    const text = 'description: FIPS and QRS codes from the OEC and DCF.\n';
    const findings = acronyms(text, { config });
    assert.deepStrictEqual(findings.map((f) => f.data), [
      { acronym: 'OEC', expansion: 'Office of Early Childhood' },
      { acronym: 'DCF', expansion: 'Dept. of Children and Families' },
    ]);
    assert.strictEqual(applyAndCheck(text, findings[0], findings[0].fixes[0], { config }), text.replace('OEC', 'Office of Early Childhood (OEC)'));
  });

  it('reads prose only: not names, keys, URLs, emails or templating', () => {
    const text = [
      'title: Placements',
      'description: See https://example.gov/DCF/DATA or DCF.data@example.gov and {{ DCF_TABLE }}.',
      'agency: DCF',
      'columns:',
      '  - name: DCF_ID',
      '    description: Identifier of the child.',
      '',
    ].join('\n');
    assert.deepStrictEqual(acronyms(text), []);
  });

  it('in a value written all in capitals, flags only acronyms it can expand', () => {
    const text = 'title: ARRESTS BY TOWN FROM DCF AND QRS\n';
    assert.deepStrictEqual(acronyms(text).map((f) => [brief(f).range, f.data.acronym]), [[[0, 28, 0, 31], 'DCF']]);
  });

  it('keeps the define fix valid inside a double-quoted title', () => {
    const text = 'title: "Placements by \\"DCF\\""\n';
    const [f] = acronyms(text);
    assert.deepStrictEqual(brief(f).range, [0, 24, 0, 27]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), `title: "Placements by \\"${DCF} (DCF)\\""\n`);
  });

  it('reads a decimal after a digit as part of the word, and allows pollutants and chemical formulas', () => {
    const text = 'description: Daily PM2.5, PM10, CO2, NO2, SO2, O3, CH4 and H2O readings, and PM4.5 and XQ2.\n';
    assert.deepStrictEqual(acronyms(text).map((f) => [f.data.acronym, brief(f).range]), [
      ['PM4.5', [0, 77, 0, 82]],
      ['XQ2', [0, 87, 0, 90]],
    ]);
  });

  it('offers an unsafe define on a plural first use, and the safe define on the first singular use', () => {
    const text = "description: Two DCFs and the DCF's data.\n";
    const [plural, singular] = acronyms(text);
    assert.deepStrictEqual([brief(plural).range, brief(singular).range], [[0, 17, 0, 20], [0, 30, 0, 33]]);
    assert.deepStrictEqual(plural.fixes.map((x) => [x.title, x.safe]), [[`Define on first use: "${DCF} (DCFs)"`, false]]);
    assert.deepStrictEqual(singular.fixes.map((x) => [x.title, x.safe]), [
      [`Define on first use: "${DCF} (DCF)"`, true],
      [`Expand to "${DCF}"`, false],
    ]);
    assert.strictEqual(applyAndCheck(text, plural, plural.fixes[0]), `description: Two ${DCF} (DCFs) and the DCF's data.\n`);
    assert.strictEqual(applyAndCheck(text, singular, singular.fixes[0]), `description: Two DCFs and the ${DCF} (DCF)'s data.\n`);
  });

  it('finds the acronyms the WORD expression and acronymIn find, word by word, though it passes over words without a capital', () => {
    const allowed = new Set(['PM2.5', 'CO2', 'ID', 'www']);
    const allow = (a: string) => allowed.has(a);
    function reference(text: string) {
      const out: Array<{ acronym: string; start: number; end: number }> = [];
      for (const match of text.matchAll(WORD)) {
        const [word, end] = [match.index!, match.index! + match[0].length];
        for (let part = word; part < end; ) {
          let partEnd = text.indexOf('-', part);
          if (partEnd < 0 || partEnd > end) partEnd = end;
          const acronym = acronymIn(text, part, partEnd);
          if (acronym) {
            if (overlaps(nonProseSpans(text), word, end) || allow(text.slice(word, end))) break;
            if (!allow(acronym) && !allow(text.slice(part, partEnd))) out.push({ acronym, start: part, end: part + acronym.length });
          }
          part = partEnd + 1;
        }
      }
      return out;
    }
    const pieces = ['A', 'B', 'DCF', 'Data', 'a', 'b', 's', '2', '2.5', 'PM2.5', 'CO2', 'ID', '.', '-', '&', ' ', '(', ')', ',', '_', 'é', 'Ü', '\u00a0', 'www.', 'x@y.org', 'https://a.b/C'];
    const random = seededRandom(7);
    let found = 0;
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      for (let i = Math.floor(random() * 24); i > 0; i--) text += pieces[Math.floor(random() * pieces.length)];
      const expected = reference(text);
      assert.deepStrictEqual(occurrences(text, allow), expected, JSON.stringify(text));
      found += expected.length;
    }
    assert.ok(found > 5_000, `too few acronyms among the random texts (${found})`);
  });

  it('corrects "an" before an acronym when the spelled-out name needs "a", and leaves a right "a" alone', () => {
    const text = 'description: An NIH grant for each study.\n';
    const [f] = acronyms(text);
    assert.deepStrictEqual(brief(f).range, [0, 16, 0, 19]);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), 'description: A National Institutes of Health (NIH) grant for each study.\n');
    assert.strictEqual(applyAndCheck(text, f, f.fixes[1]), 'description: A National Institutes of Health grant for each study.\n');
    const kept = 'description: Each row is a UCR offense.\n';
    const [g] = acronyms(kept);
    assert.strictEqual(applyAndCheck(kept, g, g.fixes[1]), 'description: Each row is a Uniform Crime Reporting offense.\n');
  });

  it('expands a possessive of a name ending in "s" with the apostrophe alone', () => {
    const text = "description: Data from the DCF's system.\n";
    const [f] = acronyms(text);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[0]), `description: Data from the ${DCF} (DCF)'s system.\n`);
    assert.strictEqual(applyAndCheck(text, f, f.fixes[1]), `description: Data from the ${DCF}' system.\n`);
    const curly = 'description: Data from the DCF’s system.\n';
    const [g] = acronyms(curly);
    assert.strictEqual(applyAndCheck(curly, g, g.fixes[1]), `description: Data from the ${DCF}’ system.\n`);
  });
});

