import { COUNTED_ONLY, Fix, Rule } from './rule';
import { eachTermMatch, PLAIN_LANGUAGE } from './term-lists';
import { FUNCTION_WORDS, matchCase, replacementEdit, TermMatch, wordAfter, wordBefore } from './word-list';

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
    return eachTermMatch(context, PLAIN_LANGUAGE, (prose, match) => {
      // Past the cap only the place counts: nothing else is made for the thousands of these in a large file.
      if (full()) return report({ span: prose.sourceSpan(match.start, match.end), messageId: 'replace', data: COUNTED_ONLY });
      const suggestions = match.form.replace.map((r) => matchCase(match.text, r, prose.text));
      const omit = suggestions.length === 1 && suggestions[0] === '';
      const modifier = modifies(prose.text, match) ? match.entry.modifier : undefined;
      const offered = modifier ? modifier.map((r) => matchCase(match.text, r, prose.text)) : suggestions;
      const fixes: Fix[] = [];
      for (let k = 0; k < offered.length; k++) {
        const suggestion = offered[k];
        const edit = replacementEdit(prose, match.start, match.end, suggestion);
        if (!edit) continue;
        fixes.push({
          title: suggestion === '' ? `Remove "${match.text}"` : `Replace with "${suggestion}"`,
          edits: [edit],
          // One plainer word is a drop-in; a choice among several, or a deletion, needs a person.
          safe: offered.length === 1 && !omit,
        });
      }
      report({
        span: prose.sourceSpan(match.start, match.end),
        messageId: omit ? 'omit' : 'replace',
        // What the fixes offer; where none fits the place, the list's plainer words, for a person to reword with.
        data: { term: match.text, suggestions: offered.length > 0 ? offered : suggestions, source: match.entry.source.name },
        fixes,
      });
    });
  },
};

/**
 * Words that open a noun phrase, so a match between one of these and another word modifies that
 * word ("that" and "her" are left out: more often a conjunction or a pronoun before a match).
 */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'each', 'every', 'any', 'no', 'its', 'their', 'our', 'your', 'his']);

/**
 * Whether the match stands between a determiner and a word it modifies: "the per annum cost", "an
 * approximately 5 percent error"; not before a word that starts the next phrase ("… per annum the").
 */
function modifies(text: string, match: TermMatch): boolean {
  const before = wordBefore(text, match.start);
  if (!before || !DETERMINERS.has(before.word.toLowerCase())) return false;
  const after = wordAfter(text, match.end)?.toLowerCase();
  return after !== undefined && !FUNCTION_WORDS.has(after) && !DETERMINERS.has(after);
}
