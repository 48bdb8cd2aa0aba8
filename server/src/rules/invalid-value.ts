import { hasText } from './chars';
import { Fix, Rule } from './rule';
import { checkValue, VOCABULARY_FIELDS, vocabularyFor } from './vocabulary';

export const invalidValue: Rule = {
  meta: {
    id: 'invalid-value',
    description: 'Update frequency, license, category or access level outside its vocabulary.',
    defaultSeverity: 'error',
    reads: ['update_frequency', 'license', 'category', 'access_level'],
    fixable: true,
    scope: 'field',
    tags: ['vocabulary'],
    messages: {
      invalid: '"{{value}}" is not an allowed {{label}}; did you mean {{suggestions}}?',
      unknown: '"{{value}}" is not an allowed {{label}}.',
    },
    rationale: {
      quote: 'It is crucial that agencies update their data on a regular basis and at a predictable frequency.',
      source: 'Connecticut Open Data Publication Guidelines, Step 3',
    },
  },
  check({ file, config, report }) {
    for (const dataset of file.datasets) {
      for (const concept of VOCABULARY_FIELDS) {
        const vocabulary = vocabularyFor(concept, config.profile);
        const field = dataset.fields[concept];
        if (!vocabulary) continue;
        if (!field || field.value === null || !hasText(field.value)) continue;
        const verdict = checkValue(vocabulary, field.value);
        if (verdict.ok) continue;
        const near = verdict.suggestions.length < vocabulary.values.length;
        const fixes: Fix[] = [];
        for (const suggestion of verdict.suggestions) {
          const edit = field.replaceValue(suggestion);
          if (edit) fixes.push({ title: `Replace with "${suggestion}"`, edits: [edit], safe: verdict.sure });
        }
        report({
          span: field.valueSpan,
          messageId: near ? 'invalid' : 'unknown',
          data: { field: concept, label: concept.replace(/_/g, ' '), value: field.value.trim(), suggestions: verdict.suggestions },
          fixes,
        });
      }
    }
  },
};
