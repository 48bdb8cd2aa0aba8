import * as assert from 'assert';
import { applyAndCheck, brief, lint, only } from '../helpers';

const CDC = 'CDC, Preferred Terms for Select Population Groups & Communities';

/** The one person-centered finding in a description, and the text its first fix gives. */
function fixed(sentence: string): { range: [number, number, number, number]; message: string; after: string } {
  const text = `description: ${sentence}\n`;
  const found = only(lint(text), 'person-centered');
  assert.strictEqual(found.length, 1, `${sentence}: ${found.map((f) => f.message).join('; ')}`);
  const [f] = found;
  assert.strictEqual(f.data.source, CDC);
  return { range: brief(f).range, message: f.message, after: applyAndCheck(text, f, f.fixes[0]).slice('description: '.length, -1) };
}

describe('rule: person-centered, mental-health labels', () => {
  it('"emotionally disturbed" before a people noun moves after it, in number', () => {
    assert.deepStrictEqual(fixed('Emotionally disturbed children in residential care.'), {
      range: [0, 13, 0, 43],
      message: '"Emotionally disturbed children" labels people by their circumstance; prefer "Children with mental health conditions".',
      after: 'Children with mental health conditions in residential care.',
    });
    assert.deepStrictEqual(fixed('One row per emotionally disturbed person call.').after, 'One row per person with a mental health condition call.');
    assert.deepStrictEqual(fixed('Seriously emotionally disturbed youth served.').after, 'Youth with serious mental health conditions served.');
    assert.deepStrictEqual(fixed('Each severely emotionally disturbed student.').after, 'Each student with a serious mental health condition.');
  });

  it('a degree before "mentally ill" moves with the condition: "adults with serious mental illness"', () => {
    assert.deepStrictEqual(fixed('Seriously mentally ill adults served, by county.'), {
      range: [0, 13, 0, 42],
      message: '"Seriously mentally ill adults" labels people by their circumstance; prefer "Adults with serious mental illness".',
      after: 'Adults with serious mental illness served, by county.',
    });
    assert.strictEqual(fixed('One row per severely mentally ill person.').after, 'One row per person with a severe mental illness.');
    assert.strictEqual(fixed('Severely and persistently mentally ill clients.').after, 'Clients with severe and persistent mental illness.');
    assert.strictEqual(fixed('Beds for the seriously mentally ill.').after, 'Beds for people with serious mental illness.');
    assert.strictEqual(fixed('Adults who are seriously mentally ill.').after, 'Adults who have serious mental illness.');
    // Every form of "be" takes "have" the one way the rule words it, as "was" does.
    assert.strictEqual(fixed('A client who is chronically mentally ill.').after, 'A client who has chronic mental illness.');
    assert.strictEqual(fixed('A client who was chronically mentally ill.').after, 'A client who had chronic mental illness.');
  });

  it('"the emotionally disturbed", "are emotionally disturbed" and the adjective alone', () => {
    assert.deepStrictEqual(fixed('Beds for the emotionally disturbed.'), {
      range: [0, 22, 0, 47],
      message: '"the emotionally disturbed" labels people by their circumstance; prefer "people with mental health conditions".',
      after: 'Beds for people with mental health conditions.',
    });
    assert.strictEqual(fixed('Students who are emotionally disturbed.').after, 'Students who have a mental health condition.');
    assert.strictEqual(fixed('Students who were emotionally disturbed.').after, 'Students who had a mental health condition.');
    assert.strictEqual(fixed('A child who is emotionally disturbed.').after, 'A child who has a mental health condition.');
    assert.strictEqual(fixed('Students, emotionally disturbed or not.').after, 'Students, with a mental health condition or not.');
  });

  it('leaves "emotional disturbance", the special-education category, alone', () => {
    assert.deepStrictEqual(only(lint('description: Students with an emotional disturbance, by district.\n'), 'person-centered'), []);
  });

  it('"lunatic" and "lunatics" as nouns', () => {
    assert.deepStrictEqual(fixed('Lunatics counted by the 1850 census.'), {
      range: [0, 13, 0, 21],
      message: '"Lunatics" labels people by their circumstance; prefer "People with mental illness" or "People with mental health conditions".',
      after: 'People with mental illness counted by the 1850 census.',
    });
    assert.deepStrictEqual(fixed('Whether the lunatic was discharged.'), {
      range: [0, 25, 0, 32],
      message: '"lunatic" labels people by their circumstance; prefer "person with a mental illness" or "person with a mental health condition".',
      after: 'Whether the person with a mental illness was discharged.',
    });
  });

  it('leaves the adjective and historical names of asylums alone', () => {
    for (const sentence of ['Views of the lunatic fringe.', 'Admissions to the State Lunatic Asylum, 1868-1890.', 'Records of lunatic asylums.', 'Lunatics Asylum records.']) {
      assert.deepStrictEqual(only(lint(`description: ${sentence}\n`), 'person-centered'), [], sentence);
    }
  });
});
