import { Column } from '../model/dataset';
import { columnLabel, columnWordLists, PhraseTable } from './column-names';
import { COLUMN_STEP, columnCount, Pauses, Rule } from './rule';

/**
 * Direct identifiers: each names one person. Bare "name" and "address" are left out: a list of
 * agencies or facilities has those too, and they identify no one.
 */
const DIRECT = new PhraseTable({
  name: ['first name', 'last name', 'middle name', 'full name', 'surname', 'given name', 'maiden name', 'firstname', 'lastname', 'fullname',
    ...['patient', 'client', 'person', 'student', 'child', 'parent', 'employee', 'resident', 'applicant', 'victim', 'suspect', 'defendant', 'customer', 'member', 'recipient', 'beneficiary', 'owner', 'inmate', 'offender', 'driver'].map((p) => `${p} name`)],
  'Social Security number': ['ssn', 'social security', 'social security number', 'ss number'],
  'date of birth': ['dob', 'date of birth', 'birth date', 'birthdate', 'birthday'],
  'street address': ['street address', 'home address', 'residential address', 'residence address', 'mailing address', 'address line', 'address1', 'address 1', 'street'],
  'phone number': ['phone', 'telephone', 'phone number', 'cell phone', 'mobile phone', 'mobile number'],
  'email address': ['email', 'e mail', 'email address'],
});

/** Quasi-identifiers from the guidelines: harmless alone, identifying together or in small counts. */
const QUASI = new PhraseTable({
  'birth date': ['birth year', 'year of birth', 'birth month', 'month of birth'],
  'ZIP code': ['zip', 'zip code', 'zipcode', 'postal code', 'postcode'],
  'sex or gender': ['sex', 'gender'],
  race: ['race'],
  ethnicity: ['ethnicity', 'hispanic', 'latino'],
  age: ['age', 'age group', 'age range', 'age years'],
});

/** How many kinds of quasi-identifier together make a finding. */
const QUASI_THRESHOLD = 3;

const quoteList = (items: string[]) => items.map((i) => `"${i}"`).join(', ');

export const privacyIdentifier: Rule = {
  meta: {
    id: 'privacy-identifier',
    description: 'Columns that look like direct identifiers, or several quasi-identifiers together, which call for a privacy review.',
    defaultSeverity: 'info',
    reads: ['columns[].name', 'columns[].title'],
    fixable: false,
    scope: 'file',
    tags: ['privacy', 'columns'],
    messages: {
      direct: 'Column "{{column}}" looks like a direct identifier ({{identifier}}); review the publication guidelines\' Privacy Considerations before publishing it.',
      quasi: 'Columns {{columnList}} are quasi-identifiers ({{identifierList}}); together, or in small counts, they can identify people. Review the publication guidelines\' Privacy Considerations.',
    },
    rationale: {
      quote: 'If the dataset has one or more of the following identifiers, your agency should consider modifying it to ensure that the privacy of the individuals represented in the data is protected: Unique identifiers (e.g., name, SSN) which can identify individuals with relative ease; Quasi-identifiers (e.g., birth date, ZIP code, gender/sex, race, ethnicity, age) which can identify people when taken in combination with other available data, or when the sample size is small enough.',
      source: 'Connecticut Open Data Publication Guidelines, Privacy Considerations',
    },
  },
  *check({ file, report }) {
    const pauses = new Pauses(columnCount(file), COLUMN_STEP);
    let checked = 0;
    for (const dataset of file.datasets) {
      const quasi: Array<{ column: Column; kind: string }> = [];
      for (const column of dataset.columns ?? []) {
        const words = columnWordLists(column);
        const direct = DIRECT.kindOf(words);
        const kind = direct ? undefined : QUASI.kindOf(words);
        if (direct) report({ span: column.fields.name?.valueSpan ?? column.fields.title?.valueSpan ?? column.span, messageId: 'direct', data: { column: columnLabel(column), identifier: direct } });
        else if (kind) quasi.push({ column, kind });
        const share = pauses.after(checked++, 1);
        if (share !== undefined) yield share;
      }
      const kinds = [...new Set(quasi.map((q) => q.kind))];
      if (kinds.length < QUASI_THRESHOLD) continue;
      const first = quasi[0].column;
      const columns = quasi.map((q) => columnLabel(q.column));
      report({
        span: first.fields.name?.valueSpan ?? first.fields.title?.valueSpan ?? first.span,
        messageId: 'quasi',
        data: { columns, identifiers: kinds, columnList: quoteList(columns), identifierList: kinds.join(', ') },
      });
    }
  },
};
