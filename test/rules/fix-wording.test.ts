import * as assert from 'assert';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/config/config';
import { finishCheck, parseSafely } from '../../server/src/engine/lint';
import { detectFormat } from '../../server/src/formats';
import { style } from '../../server/src/rules/style';
import { articleFor } from '../../server/src/rules/word-list';
import { applyAndCheck, brief, lint, only, Options } from '../helpers';

/** The one finding of a rule in a description (or the given field), its fixes' titles, and the text each fix gives. */
function fixed(rule: string, sentence: string, field = 'description', options: Options = {}): { suggestions: unknown; fixes: Array<[string, boolean, string]> } {
  const text = `${field}: ${sentence}\n`;
  const found = only(lint(text, options), rule);
  assert.strictEqual(found.length, 1, `${sentence}: ${found.map((f) => f.message).join('; ')}`);
  const [f] = found;
  const fixes = f.fixes.map((x): [string, boolean, string] => [x.title, x.safe, applyAndCheck(text, f, x, options).slice(field.length + 2, -1)]);
  return { suggestions: f.data.suggestions, fixes };
}

/** A description's text after the acronym rule's "Expand" fix for an acronym of the project's glossary. */
function expanded(acronym: string, expansion: string, sentence: string): string {
  const config = resolveConfig({ acronyms: { glossary: { [acronym]: expansion } } });
  const text = `description: ${sentence}\n`;
  const [f] = only(lint(text, { config }), 'acronym');
  const expand = f.fixes.find((x) => x.title.startsWith('Expand'))!;
  return applyAndCheck(text, f, expand, { config }).slice('description: '.length, -1);
}

describe('quick fixes that read in their place', () => {
  describe('person-centered: a label with no noun after it', () => {
    it('"Services for mentally ill." names people: "Services for people with mental illness."', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Services for mentally ill.'), {
        suggestions: ['people with mental illness'],
        fixes: [['Replace with "people with mental illness"', false, 'Services for people with mental illness.']],
      });
      assert.deepStrictEqual(fixed('person-centered', 'Mentally ill were counted.').fixes, [['Replace with "People with mental illness"', false, 'People with mental illness were counted.']]);
      assert.deepStrictEqual(fixed('person-centered', 'Data are final. Severely retarded were housed apart.').fixes[0][2], 'Data are final. People with a severe intellectual disability were housed apart.');
      assert.deepStrictEqual(fixed('person-centered', 'Mentally Ill', 'title').fixes, [['Replace with "People with Mental Illness"', false, 'People with Mental Illness']]);
      // After a noun the phrase follows it, as before.
      assert.deepStrictEqual(fixed('person-centered', 'Students, emotionally disturbed or not.').fixes[0][2], 'Students, with a mental health condition or not.');
    });

    it('a degree adverb before a bare label becomes the condition\'s adjective: "severely retarded" → "with a severe intellectual disability"', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Counts of severely retarded.'), {
        suggestions: ['people with a severe intellectual disability'],
        fixes: [['Replace "severely retarded" with "people with a severe intellectual disability"', false, 'Counts of people with a severe intellectual disability.']],
      });
      assert.deepStrictEqual(fixed('person-centered', 'Severely disabled veterans.').fixes, [
        ['Replace "Severely disabled veterans" with "Veterans with severe disabilities"', false, 'Veterans with severe disabilities.'],
      ]);
      // "accessible" (for places) takes no degree: only the replacement that does is offered.
      assert.deepStrictEqual(fixed('person-centered', 'A child who is severely handicapped.').fixes, [
        ['Replace "is severely handicapped" with "has a severe disability"', false, 'A child who has a severe disability.'],
      ]);
    });

    it('after a form of "be", the phrase takes "have": "who are severely retarded" → "who have a severe intellectual disability"', () => {
      const { suggestions, fixes } = fixed('person-centered', 'Students who are severely retarded.');
      assert.deepStrictEqual(suggestions, ['have a severe intellectual disability']);
      assert.deepStrictEqual(fixes, [['Replace "are severely retarded" with "have a severe intellectual disability"', false, 'Students who have a severe intellectual disability.']]);
      assert.strictEqual(fixed('person-centered', 'Patients who were mentally ill.').fixes[0][2], 'Patients who had mental illness.');
    });

    it('before a relative clause, the replacement without one of its own comes first: "incarcerated people who were released"', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Counts of inmates who were released.'), {
        suggestions: ['incarcerated people', 'people who are incarcerated'],
        fixes: [
          ['Replace with "incarcerated people"', false, 'Counts of incarcerated people who were released.'],
          ['Replace with "people who are incarcerated"', false, 'Counts of people who are incarcerated who were released.'],
        ],
      });
    });
  });

  describe('plain-language: a replacement between a determiner and the word it modifies', () => {
    it('"The per annum cost" → "The annual cost", and "a per annum fee" → "an annual fee"', () => {
      assert.deepStrictEqual(fixed('plain-language', 'The per annum cost rose.'), {
        suggestions: ['annual'],
        fixes: [['Replace with "annual"', true, 'The annual cost rose.']],
      });
      assert.deepStrictEqual(fixed('plain-language', 'A per annum fee applies.').fixes, [['Replace with "annual"', true, 'An annual fee applies.']]);
      // Elsewhere the list's replacements, as before.
      assert.deepStrictEqual(fixed('plain-language', 'It costs $5 per annum.').fixes.map((x) => x[2]), ['It costs $5 per year.', 'It costs $5 a year.']);
    });

    it('"An approximately 5 percent error" → "A roughly 5 percent error"', () => {
      assert.deepStrictEqual(fixed('plain-language', 'An approximately 5 percent error.'), {
        suggestions: ['roughly'],
        fixes: [['Replace with "roughly"', true, 'A roughly 5 percent error.']],
      });
      assert.deepStrictEqual(fixed('plain-language', 'Approximately 5 percent were late.').fixes[0][2], 'About 5 percent were late.');
    });

    it('"A sufficient sample" has no automatic rewrite ("an enough sample" is wrong); the finding stays, without a fix', () => {
      const text = 'description: A sufficient sample was drawn.\n';
      const [f] = only(lint(text), 'plain-language');
      assert.deepStrictEqual(brief(f), { rule: 'plain-language', range: [0, 15, 0, 25], message: '"sufficient" has a plainer alternative: "enough".' });
      assert.deepStrictEqual(f.fixes, []);
      assert.deepStrictEqual(fixed('plain-language', 'Counts are sufficient.').fixes, [['Replace with "enough"', true, 'Counts are enough.']]);
    });
  });

  describe('title case', () => {
    it('"Going Forward Counts" → "From Now On Counts": the adverb ending the replacement is capitalized', () => {
      assert.deepStrictEqual(fixed('plain-language', 'Going Forward Counts', 'title').fixes[0], ['Replace with "From Now On"', false, 'From Now On Counts']);
    });

    it('a multi-word replacement for one word of a title-cased text is title-cased too', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Children of Inmates', 'title').fixes.map((x) => x[2]), ['Children of People Who Are Incarcerated', 'Children of Incarcerated People']);
      // A sentence is not a title: only the first letter follows the word's.
      assert.deepStrictEqual(fixed('person-centered', 'Children of Inmates were counted.').fixes.map((x) => x[2]), ['Children of People who are incarcerated were counted.', 'Children of Incarcerated people were counted.']);
    });
  });

  describe('"a" or "an" by sound', () => {
    it('reads acronyms letter by letter, numbers as said, and the common exceptions of spelling', () => {
      const cases: Array<[string, 'a' | 'an']> = [
        ['FBI report', 'an'], ['NCES table', 'an'], ['HIV test', 'an'], ['UCR code', 'a'], ['U.S. agency', 'a'], ['SNAP benefit', 'a'], ['NASA grant', 'a'],
        ['X-ray', 'an'], ['T-test', 'a'], ['8-hour shift', 'an'], ['11-person team', 'an'], ['18 percent', 'an'], ['110 towns', 'a'], ['5 percent', 'a'],
        ['one-time payment', 'a'], ['once-a-year count', 'a'], ['university', 'a'], ['unit', 'a'], ['user', 'a'], ['usual', 'a'], ['utility', 'a'], ['European', 'a'],
        ['uninsured adult', 'an'], ['unidentified person', 'an'], ['umbrella', 'an'], ['hour', 'an'], ['hourly wage', 'an'], ['honest', 'an'], ['honor roll', 'an'], ['heir', 'an'],
        ['house', 'a'], ['older adult', 'an'], ['person', 'a'], ['PERSON WHO IS INCARCERATED', 'a'], ['OLDER ADULT', 'an'],
      ];
      assert.deepStrictEqual(cases.map(([words]) => [words, articleFor(words)]), cases);
    });

    it('corrects the article before an acronym expansion that starts with an acronym: "a XYZ" → "an FBI …"', () => {
      assert.strictEqual(expanded('JTF', 'FBI Joint Terrorism Task Force', 'Counts from a JTF report.'), 'Counts from an FBI Joint Terrorism Task Force report.');
    });
  });

  describe('style leaves the words plain-language reports to it', () => {
    it('"utilize" is one finding, plain-language\'s, with its source and fix', () => {
      const text = 'description: Agencies utilize the data.\n';
      assert.deepStrictEqual(lint(text).filter((f) => f.rule === 'plain-language' || f.rule === 'style').map(brief), [
        { rule: 'plain-language', range: [0, 22, 0, 29], message: '"utilize" has a plainer alternative: "use".' },
      ]);
    });

    it('also inside a longer phrase plain-language flags ("sufficient" in "a sufficient number of"), and not elsewhere', () => {
      const text = 'description: A sufficient number of rows were really counted.\n';
      assert.deepStrictEqual(lint(text).filter((f) => f.rule === 'plain-language' || f.rule === 'style').map((f) => [f.rule, f.data.term ?? f.data.text]), [
        ['plain-language', 'A sufficient number of'],
        ['style', 'really'],
      ]);
    });

    it('each field keeps its own: a word left in one field is reported by style in the next, which plain-language does not match', () => {
      // Fields with matches, without, and with two, so each field's matches are told apart from its neighbours'.
      const text = 'title: Really utilize it\ndescription: Agencies utilize the data.\nlimitations: Utilize, really.\ncollection_method: Counts really utilize and commence in order to report.\n';
      assert.deepStrictEqual(lint(text).filter((f) => f.rule === 'plain-language' || f.rule === 'style').map((f) => [f.rule, f.range.start.line, f.data.term ?? f.data.text]), [
        ['style', 0, 'Really'],
        ['plain-language', 0, 'utilize'],
        ['plain-language', 1, 'utilize'],
        ['plain-language', 2, 'Utilize'],
        ['style', 2, 'really'],
        ['style', 3, 'really'],
        ['plain-language', 3, 'utilize'],
        ['plain-language', 3, 'commence'],
        ['plain-language', 3, 'in order to'],
      ]);
    });

    it('leaves them to plain-language also when that rule has not walked the file first', () => {
      const text = 'description: Agencies utilize the data, really.\n';
      const file = parseSafely(detectFormat('test.metadata.yaml', text, DEFAULT_CONFIG)!, text);
      const reported: string[] = [];
      finishCheck(style.check({ file, config: DEFAULT_CONFIG, options: {}, memo: (_text, compute) => compute(), full: () => false, report: (f) => reported.push(String(f.data?.text)) }));
      assert.deepStrictEqual(reported, ['really']);
    });

    it('reports them itself where plain-language is off or the project allows the word', () => {
      for (const config of [resolveConfig({ rules: { 'plain-language': 'off' } }), resolveConfig({ terms: { allow: ['utilize'] } })]) {
        assert.deepStrictEqual(only(lint('description: Agencies utilize the data.\n', { config }), 'style').map(brief), [
          { rule: 'style', range: [0, 22, 0, 29], message: '"utilize" is wordy or unneeded.' },
        ]);
      }
    });
  });

  describe('words of the text are looked up as words, not as properties every object has', () => {
    it('"constructor" before a label is no degree and no form of "be"', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Every constructor disabled veterans hired.').fixes, [
        ['Replace with "veterans with disabilities"', false, 'Every constructor veterans with disabilities hired.'],
      ]);
      // Before the fix this was a rule-error; the verb "retarded" is not told from the label (a separate matter).
      assert.deepStrictEqual(fixed('person-centered', 'A constructor retarded the work.').fixes, [
        ['Replace with "with an intellectual disability"', false, 'A constructor with an intellectual disability the work.'],
      ]);
    });

    it('a vocabulary value "constructor" or "toString" is no synonym', () => {
      for (const [field, value] of [['update_frequency', 'constructor'], ['license', 'constructor'], ['license', 'toString'], ['update_frequency', '__proto__']]) {
        const [found, ...more] = only(lint(`${field}: ${value}\n`), 'invalid-value');
        assert.strictEqual(more.length, 0);
        // Not one sure fix to "function Object() { [native code] }": the whole vocabulary, none of it sure.
        assert.ok(found.fixes.length >= 8 && found.fixes.every((f) => !f.safe && !f.title.includes('function')), `${field}: ${value}`);
      }
    });
  });

  describe('person-centered: a verb or noun shared with the words after a conjunction', () => {
    it('is not rewritten: "who were mentally ill and homeless", "mentally ill or disabled veterans" get no rewrite', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Adults who were mentally ill and homeless.'), { suggestions: ['with mental illness'], fixes: [] });
      assert.deepStrictEqual(fixed('person-centered', 'Students who were handicapped or gifted.').fixes, []);
      const services = only(lint('description: Services for mentally ill or disabled veterans.\n'), 'person-centered');
      assert.deepStrictEqual(services.map((f) => [f.data.term, f.fixes.map((x) => x.title)]), [
        ['mentally ill', []],
        ['disabled veterans', ['Replace with "veterans with disabilities"']],
      ]);
      const adults = only(lint('description: Mentally ill and homeless adults.\n'), 'person-centered');
      assert.deepStrictEqual(adults.map((f) => [f.data.term, f.fixes.map((x) => x.title)]), [
        ['Mentally ill', []],
        ['homeless adults', ['Replace with "adults experiencing homelessness"']],
      ]);
    });

    it('is not rewritten where a word stands between the verb and the label: "who are not mentally ill", "who are currently mentally ill"', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Clients who are not mentally ill.'), { suggestions: ['with mental illness'], fixes: [] });
      assert.deepStrictEqual(fixed('person-centered', 'Adults who are currently mentally ill.').fixes, []);
      assert.deepStrictEqual(fixed('person-centered', 'Youth who were never emotionally disturbed.').fixes, []);
    });

    it('is rewritten where a determiner or pronoun opens a phrase of its own after the conjunction', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Adults who were mentally ill and their families.').fixes, [
        ['Replace "were mentally ill" with "had mental illness"', false, 'Adults who had mental illness and their families.'],
      ]);
      assert.deepStrictEqual(fixed('person-centered', 'Services for mentally ill or their families.').fixes, [
        ['Replace with "people with mental illness"', false, 'Services for people with mental illness or their families.'],
      ]);
    });
  });

  describe('person-centered: the message quotes what the fixes replace', () => {
    it('"are severely retarded", not "retarded", where the fix replaces the words before the label too', () => {
      assert.deepStrictEqual(only(lint('description: Students who are severely retarded.\n'), 'person-centered').map(brief), [
        { rule: 'person-centered', range: [0, 39, 0, 47], message: '"are severely retarded" labels people by their circumstance; prefer "have a severe intellectual disability".' },
      ]);
      assert.deepStrictEqual(only(lint('description: Severely disabled veterans.\n'), 'person-centered').map((f) => f.message), [
        '"Severely disabled veterans" labels people by their circumstance; prefer "Veterans with severe disabilities".',
      ]);
      // Where the fix replaces the label alone, the label alone.
      assert.deepStrictEqual(only(lint('description: Services for mentally ill.\n'), 'person-centered').map((f) => f.message), [
        '"mentally ill" labels people by their circumstance; prefer "people with mental illness".',
      ]);
    });
  });

  describe('person-centered: where a label names people, only a phrase about people replaces it', () => {
    it('"who are wheelchair-bound" gets no "wheelchair user"; "for handicapped" no "accessible"', () => {
      assert.deepStrictEqual(fixed('person-centered', 'Persons who are wheelchair-bound.'), { suggestions: ['who uses a wheelchair', 'wheelchair user'], fixes: [] });
      assert.deepStrictEqual(fixed('person-centered', 'A program for handicapped.'), {
        suggestions: ['people with a disability'],
        fixes: [['Replace with "people with a disability"', false, 'A program for people with a disability.']],
      });
      assert.deepStrictEqual(fixed('person-centered', 'Students who are handicapped.').fixes, [['Replace "are handicapped" with "have a disability"', false, 'Students who have a disability.']]);
      // A noun replaced by a noun reads in the same places: "Counts of inmates." → "Counts of incarcerated people."
      assert.deepStrictEqual(fixed('person-centered', 'Counts of inmates.').fixes.map((x) => x[2]), ['Counts of people who are incarcerated.', 'Counts of incarcerated people.']);
    });
  });

  describe('person-centered: one wording after every form of "be"', () => {
    it('"is mentally ill" and "was mentally ill" take "have" alike, as the rule words it', () => {
      const after = (sentence: string) => fixed('person-centered', sentence).fixes.map((x) => x[2]);
      assert.deepStrictEqual(after('Respondent is mentally ill.'), ['Respondent has mental illness.']);
      assert.deepStrictEqual(after('Respondent was mentally ill.'), ['Respondent had mental illness.']);
      assert.deepStrictEqual(after('Respondents are severely mentally ill.'), ['Respondents have severe mental illness.']);
      assert.deepStrictEqual(after('Respondents were severely mentally ill.'), ['Respondents had severe mental illness.']);
      assert.deepStrictEqual(after('A child who is emotionally disturbed.'), ['A child who has a mental health condition.']);
      assert.deepStrictEqual(after('A child who was emotionally disturbed.'), ['A child who had a mental health condition.']);
    });
  });

  describe('"a" or "an" by sound: the "you" of U and letters before a hyphen', () => {
    it('"a Ukrainian", "a UConn", "an x-axis", "an UNINSURED", "a USDA"', () => {
      const cases: Array<[string, 'a' | 'an']> = [
        ['Ukrainian', 'a'], ['unanimous vote', 'a'], ['ubiquitous', 'a'], ['utopia', 'a'], ['utensil', 'a'], ['UConn study', 'a'], ['UMass campus', 'a'],
        ['x-axis', 'an'], ['f-test', 'an'], ['t-test', 'a'], ['u-turn', 'a'],
        ['UNINSURED', 'an'], ['UNINSURED adult', 'an'], ['UN agency', 'a'], ['USA', 'a'], ['UCR code', 'a'], ['USDA grant', 'a'], ['UCLA study', 'a'], ['UCONN study', 'a'],
        // Unchanged: "un-" before n, m or d is the prefix; a sentence in capitals is read as words.
        ['uninsured adult', 'an'], ['umbrella', 'an'], ['UNINSURED ADULT', 'an'], ['UNIVERSITY', 'a'],
      ];
      assert.deepStrictEqual(cases.map(([words]) => [words, articleFor(words)]), cases);
    });

    it('corrects the article in a fix: "an HCP report" → "a Ukrainian Heritage Center Program report"', () => {
      assert.strictEqual(expanded('HCP', 'Ukrainian Heritage Center Program', 'Counts from an HCP report.'), 'Counts from a Ukrainian Heritage Center Program report.');
    });
  });
});
