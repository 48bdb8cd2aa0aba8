import { Concept } from '../model/dataset';
import { hasText } from './chars';
import { Fix, Rule } from './rule';
import { vocabularyFor } from './vocabulary';

/** Always required, whatever the profile: the guidelines ask for both on every dataset. */
const ALWAYS: readonly Concept[] = ['license', 'update_frequency'];

export const requiredField: Rule = {
  meta: {
    id: 'required-field',
    description: 'A dataset is missing a required field: license and update frequency always, others per profile.',
    defaultSeverity: 'error',
    reads: ['all dataset fields'],
    fixable: true,
    scope: 'file',
    tags: ['completeness'],
    messages: {
      missing: 'Required field "{{field}}" is missing.',
      empty: 'Required field "{{field}}" is empty.',
    },
    rationale: {
      quote: 'Explicitly identify the license of your data. … It is crucial that agencies update their data on a regular basis and at a predictable frequency.',
      source: 'Connecticut Open Data Publication Guidelines, Step 4 and Step 3',
    },
  },
  check({ file, config, report }) {
    const required = [...new Set<Concept>([...config.required, ...ALWAYS])];
    for (const dataset of file.datasets) {
      if (!dataset.describesDataset) continue;
      for (const concept of required) {
        const field = dataset.fields[concept];
        const present = field && field.value !== null && hasText(field.value);
        if (present) continue;
        const allowed = vocabularyFor(concept, config.profile)?.values ?? [];
        const fixes: Fix[] = [];
        for (const value of allowed) {
          const edit = field ? field.replaceValue(value) : dataset.insertField(concept, value);
          // Choosing a license or a schedule is the publisher's decision, never automatic.
          if (edit) fixes.push({ title: `Add ${concept}: ${value}`, edits: [edit], safe: false });
        }
        report({
          span: field ? field.keySpan : dataset.anchor,
          messageId: field ? 'empty' : 'missing',
          data: { field: concept },
          fixes,
        });
      }
    }
  },
};
