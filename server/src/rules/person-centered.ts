import { Fix, Rule } from './rule';
import { eachTermMatch, PERSON_CENTERED } from './term-lists';
import { matchCase, possessiveOf, replacementEdit } from './word-list';

export const personCentered: Rule = {
  meta: {
    id: 'person-centered',
    description: 'Terms that label people by a condition or circumstance instead of putting the person first.',
    defaultSeverity: 'warning',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    scope: 'field',
    tags: ['prose', 'person-centered'],
    messages: {
      replace: '"{{term}}" labels people by their circumstance; prefer {{suggestions}}.',
    },
    rationale: {
      quote: 'Also use person-centered language (e.g., "person who is incarcerated" rather than "inmate").',
      source: 'Connecticut Open Data Publication Guidelines, Step 3',
    },
  },
  check(context) {
    const { report, full } = context;
    eachTermMatch(context, PERSON_CENTERED, (prose, match) => {
      const suggestions = match.form.replace.map((r) => matchCase(match.text, r));
      // "inmates' children": only a replacement that can itself take the possessive is offered
      // ("incarcerated people's children"); "people who are incarcerated's" never is.
      const end = match.possessive?.end ?? match.end;
      const fixes: Fix[] = [];
      if (!full()) {
        const replacements = match.possessive ? suggestions.map(possessiveOf).filter((r): r is string => r !== undefined) : suggestions;
        for (const replacement of replacements) {
          const edit = replacementEdit(prose, match.start, end, replacement);
          // The sentence around a replaced label may need rewording, so a person applies these.
          if (edit) fixes.push({ title: `Replace with "${replacement}"`, edits: [edit], safe: false });
        }
      }
      report({
        span: prose.sourceSpan(match.start, match.end),
        messageId: 'replace',
        data: {
          term: match.text,
          suggestions,
          category: match.entry.category,
          source: match.entry.source.name,
          sourceUrl: match.entry.source.url,
        },
        fixes,
      });
    });
  },
};
