import list from '../data/person-centered.json';
import { proseFields } from './prose-fields';
import { Fix, Rule } from './rule';
import { matchCase, replacementEdit, TermMatcher, WordList } from './word-list';

const matcher = new TermMatcher(list as WordList);

export const personCentered: Rule = {
  meta: {
    id: 'person-centered',
    description: 'Terms that label people by a condition or circumstance instead of putting the person first.',
    defaultSeverity: 'warning',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    tags: ['prose', 'person-centered'],
    messages: {
      replace: '"{{term}}" labels people by their circumstance; prefer {{suggestions}}.',
    },
    rationale: {
      quote: 'Also use person-centered language (e.g., "person who is incarcerated" rather than "inmate").',
      source: 'Connecticut Open Data Publication Guidelines, Step 3',
    },
  },
  check({ file, config, memo, report }) {
    for (const { prose } of proseFields(file)) {
      for (const match of memo(prose.text, () => matcher.find(prose.text, config.terms.allow))) {
        const suggestions = match.form.replace.map((r) => matchCase(match.text, r));
        const fixes: Fix[] = [];
        for (const suggestion of suggestions) {
          const edit = replacementEdit(prose, match.start, match.end, suggestion);
          // The sentence around a replaced label may need rewording, so a person applies these.
          if (edit) fixes.push({ title: `Replace with "${suggestion}"`, edits: [edit], safe: false });
        }
        report({
          span: prose.sourceSpan(match.start, match.end),
          messageId: 'replace',
          data: {
            term: match.text,
            suggestions,
            source: match.entry.source.name,
            sourceUrl: match.entry.source.url,
          },
          fixes,
        });
      }
    }
  },
};
