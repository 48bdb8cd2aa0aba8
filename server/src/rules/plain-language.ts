import { COUNTED_ONLY, Fix, Rule } from './rule';
import { eachTermMatch, PLAIN_LANGUAGE } from './term-lists';
import { matchCase, replacementEdit } from './word-list';

export const plainLanguage: Rule = {
  meta: {
    id: 'plain-language',
    description: 'Complex words and phrases that have plainer alternatives.',
    defaultSeverity: 'warning',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    scope: 'field',
    tags: ['prose', 'plain-language'],
    messages: {
      replace: '"{{term}}" has a plainer alternative: {{suggestions}}.',
      omit: '"{{term}}" adds nothing a reader needs; omit it.',
    },
    rationale: {
      quote: 'Use plain language--avoid confusing acronyms, titles, or other language, and provide context in the description areas.',
      source: 'Connecticut Open Data Publication Guidelines, Step 3',
    },
  },
  check(context) {
    const { report, full } = context;
    eachTermMatch(context, PLAIN_LANGUAGE, (prose, match) => {
      // Past the cap only the place counts: nothing else is made for the thousands of these in a large file.
      if (full()) return report({ span: prose.sourceSpan(match.start, match.end), messageId: 'replace', data: COUNTED_ONLY });
      const suggestions = match.form.replace.map((r) => matchCase(match.text, r));
      const omit = suggestions.length === 1 && suggestions[0] === '';
      const fixes: Fix[] = [];
      for (let k = 0; k < suggestions.length; k++) {
        const suggestion = suggestions[k];
        const edit = replacementEdit(prose, match.start, match.end, suggestion);
        if (!edit) continue;
        fixes.push({
          title: suggestion === '' ? `Remove "${match.text}"` : `Replace with "${suggestion}"`,
          edits: [edit],
          // One plainer word is a drop-in; a choice among several, or a deletion, needs a person.
          safe: suggestions.length === 1 && !omit,
        });
      }
      report({
        span: prose.sourceSpan(match.start, match.end),
        messageId: omit ? 'omit' : 'replace',
        data: { term: match.text, suggestions, source: match.entry.source.name },
        fixes,
      });
    });
  },
};
