import * as assert from 'assert';
import { brief, lint, only } from '../helpers';

/** The person-centered findings in a description, as [character, term]. */
const terms = (sentence: string) => only(lint(`description: ${sentence}\n`), 'person-centered').map((f) => [brief(f).range[1], f.data.term]);

describe('rule: person-centered, names of systems and programs', () => {
  it('leaves a label inside the capitalized name of a system, program, law or body alone', () => {
    for (const sentence of [
      'Data come from the Offender Management System.',
      'Extracted nightly from the OFFENDER MANAGEMENT SYSTEM.',
      'Counts from the Offender Based Tracking System (OBTS).',
      'Youth served by the Juvenile Offender Program.',
      'Funded by the Prisoner Reentry Act.',
      'Referrals to the Mentally Ill Offender Program.',
    ]) {
      assert.deepStrictEqual(terms(sentence), [], sentence);
    }
  });

  it('still flags the label in a title-case title, lower case, a possessive, or with a short word between', () => {
    assert.deepStrictEqual(terms('Inmates Released by Facility'), [[13, 'Inmates']]);
    assert.deepStrictEqual(terms('Inmate Counts By Unit'), [[13, 'Inmate']]);
    assert.deepStrictEqual(terms('Offenders in the Program'), [[13, 'Offenders']]);
    assert.deepStrictEqual(terms('Data come from the offender management system.'), [[32, 'offender']]);
    assert.deepStrictEqual(terms("Inmates' Children Program"), [[13, 'Inmates']]);
    // Six capitalized words before the name's last word: too far to tell a name from a title.
    assert.deepStrictEqual(terms('Offenders Released Each Month Per County Court'), [[13, 'Offenders']]);
  });
});
