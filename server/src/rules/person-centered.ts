import { COUNTED_ONLY, Fix, Rule } from './rule';
import { eachTermMatch, PERSON_CENTERED } from './term-lists';
import { matchCase, possessiveOf, replacementEdit, TermMatch } from './word-list';

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
      if (inNameOfThing(prose.text, match)) return;
      // Past the cap only the place counts: nothing else is made for the thousands of these in a large file.
      if (full()) return report({ span: prose.sourceSpan(match.start, match.end), messageId: 'replace', data: COUNTED_ONLY });
      const suggestions = match.form.replace.map((r) => matchCase(match.text, r));
      // "inmates' children": only a replacement that can itself take the possessive is offered
      // ("incarcerated people's children"); "people who are incarcerated's" never is.
      const end = match.possessive?.end ?? match.end;
      const fixes: Fix[] = [];
      const replacements = match.possessive ? suggestions.map(possessiveOf).filter((r): r is string => r !== undefined) : suggestions;
      for (const replacement of replacements) {
        const edit = replacementEdit(prose, match.start, end, replacement);
        // The sentence around a replaced label may need rewording, so a person applies these.
        if (edit) fixes.push({ title: `Replace with "${replacement}"`, edits: [edit], safe: false });
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

/**
 * Last words of the names of systems, programs, laws and bodies ("Offender Management System",
 * "Juvenile Offender Program", "Prisoner Reentry Act"). Such a name is quoted as it is: rename the
 * system, not its metadata.
 */
const NAME_ENDS = new Set(['system', 'systems', 'registry', 'program', 'programs', 'project', 'database', 'act', 'unit', 'office', 'division', 'court', 'center', 'initiative', 'commission', 'board', 'council', 'committee', 'institute', 'network', 'agency', 'bureau', 'administration', 'fund', 'grant']);
/** Short words that end a run of capitalized words even in a title ("Inmates Served By Unit"). */
const RUN_BREAKS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const NEXT_WORD = /\s+([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)/uy;

/**
 * Whether a capitalized match starts or is inside such a name: the words after it are capitalized
 * up to one of NAME_ENDS (at most five of them). Capitals alone say nothing: a title in title case
 * ("Inmate Counts by Facility") names no system and is still checked.
 */
function inNameOfThing(text: string, match: TermMatch): boolean {
  if (match.possessive || !match.text.split(/\s+/).every((word) => /^\p{Lu}/u.test(word))) return false;
  NEXT_WORD.lastIndex = match.end;
  for (let k = 0; k < 5; k++) {
    const next = NEXT_WORD.exec(text);
    if (!next || !/^\p{Lu}/u.test(next[1]) || RUN_BREAKS.has(next[1].toLowerCase())) return false;
    if (NAME_ENDS.has(next[1].toLowerCase())) return true;
  }
  return false;
}
