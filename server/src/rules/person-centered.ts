import { isWhitespace } from './chars';
import { COUNTED_ONLY, Fix, Rule } from './rule';
import { eachTermMatch, PERSON_CENTERED } from './term-lists';
import { articleFor, FUNCTION_WORDS, matchCase, possessiveOf, replacementEdit, TermMatch, wordAfter, wordBefore } from './word-list';

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
    return eachTermMatch(context, PERSON_CENTERED, (prose, match) => {
      if (inNameOfThing(prose.text, match)) return;
      // Past the cap only the place counts: nothing else is made for the thousands of these in a large file.
      if (full()) return report({ span: prose.sourceSpan(match.start, match.end), messageId: 'replace', data: COUNTED_ONLY });
      // Each replacement in its place, with the words before the label it changes; the rest as the list gives them.
      const placements = inPlace(prose.text, match);
      const suggestions = placements.map(({ start, replacement }) => matchCase(prose.text.slice(start, match.end), replacement, prose.text));
      // "inmates' children": only a replacement that can itself take the possessive is offered
      // ("incarcerated people's children"); "people who are incarcerated's" never is.
      const end = match.possessive?.end ?? match.end;
      const fixes: Fix[] = [];
      placements.forEach(({ start }, k) => {
        const replacement = match.possessive ? possessiveOf(suggestions[k]) : suggestions[k];
        if (replacement === undefined) return;
        const edit = replacementEdit(prose, start, end, replacement);
        const replaced = start < match.start ? `"${prose.text.slice(start, end)}" ` : '';
        // The sentence around a replaced label may need rewording, so a person applies these.
        if (edit) fixes.push({ title: `Replace ${replaced}with "${replacement}"`, edits: [edit], safe: false });
      });
      report({
        span: prose.sourceSpan(match.start, match.end),
        messageId: 'replace',
        data: {
          // The words the fixes replace ("are severely retarded"), as their titles quote them.
          term: prose.text.slice(Math.min(match.start, ...placements.map((p) => p.start)), match.end),
          // What the fixes offer; where none reads in this place, the list's own, for a person to reword with.
          suggestions: suggestions.length > 0 ? suggestions : match.form.replace.map((r) => matchCase(match.text, r, prose.text)),
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

/** A replacement and where its edit starts: at the label, or at a word before it that the replacement rewrites. */
interface Placement {
  start: number;
  /** As the list writes it; the case of the text is matched after. */
  replacement: string;
}

/** Degree adverbs before a bare label, as the adjective its person-first phrase takes. */
const DEGREES = new Map(Object.entries({ seriously: 'serious', severely: 'severe', chronically: 'chronic', persistently: 'persistent', mildly: 'mild', moderately: 'moderate', profoundly: 'profound' }));
/** Each form of "be", as the form of "have" that takes its place before a "with" phrase. */
const HAVE = new Map(Object.entries({ am: 'have', is: 'has', are: 'have', was: 'had', were: 'had', be: 'have', been: 'had', being: 'having' }));
/** Words after which a label with no noun after it names people ("services for mentally ill"). */
const PREPOSITIONS = new Set(['for', 'of', 'to', 'among', 'by', 'with', 'from', 'serving', 'including', 'between', 'about', 'like', 'than', 'versus', 'on', 'at', 'in', 'into', 'toward', 'towards', 'within', 'without']);
/** Words that open a relative clause after a label ("inmates who were released"). */
const RELATIVES = new Set(['who', 'whom', 'whose', 'that']);

/**
 * The list's replacements for a match, each made to read in its place. A degree adverb before the
 * label becomes the adjective of the condition ("severely retarded" → "with a severe intellectual
 * disability", "severely disabled veterans" → "veterans with severe disabilities"); a replacement
 * with no condition to take it is not offered after one. A bare label's phrase ("with mental
 * illness", which follows a noun: "students, mentally ill or not") takes along the words before
 * the label that it must change: a form of "be" becomes "have" ("who were mentally ill" → "who
 * had mental illness"); and where there is no noun for it to follow, "people" leads it ("services
 * for mentally ill" → "services for people with mental illness"). A relative clause ("who uses a
 * wheelchair") or a word for places or a noun ("accessible", "wheelchair user") has no such
 * rewrite after "be" or in place of people, so it is not offered there; nor is any rewrite where
 * a conjunction shares the verb or noun with the next words ("who were ill or disabled"). Before a relative clause, the replacements without one of their own come
 * first: "incarcerated people who were released", not "people who are incarcerated who were released".
 */
function inPlace(text: string, match: TermMatch): Placement[] {
  const placements: Placement[] = [];
  for (const replacement of match.form.replace) {
    const placement = placed(text, match, replacement);
    if (placement) placements.push(placement);
  }
  const next = wordAfter(text, match.possessive?.end ?? match.end);
  if (next && RELATIVES.has(next.toLowerCase())) {
    const clause = (p: Placement) => (/\bwho\b/.test(p.replacement) ? 1 : 0);
    placements.sort((a, b) => clause(a) - clause(b));
  }
  return placements;
}

function placed(text: string, match: TermMatch, replacement: string): Placement | undefined {
  let start = match.start;
  if (match.possessive) return { start, replacement };
  let before = wordBefore(text, start);
  const degree = before && DEGREES.get(before.word.toLowerCase());
  if (before && degree) {
    // The degree is the condition's: "severely disabled veterans" → "veterans with severe
    // disabilities". A replacement with no condition to take it ("accessible") does not read after it.
    const withAt = /\bwith (?:an? )?/.exec(replacement);
    if (!withAt) return undefined;
    const article = /an? $/.test(withAt[0]) ? `${articleFor(degree)} ` : '';
    replacement = `${replacement.slice(0, withAt.index)}with ${article}${degree} ${replacement.slice(withAt.index + withAt[0].length)}`;
    start = before.start;
    before = wordBefore(text, start);
  }
  const phrase = replacement.startsWith('with ');
  // "who have" goes on with the words after the match ("suffering from asthma" → "who have asthma"):
  // it does not stand for a label, so it stays as the list has it. Nor is there anything to
  // rewrite where the list replaces a noun with a noun ("inmates" → "incarcerated people").
  if (/\s(?:with|have)$/.test(replacement) || !match.form.replace.some((r) => /^(?:with|who) /.test(r))) return { start, replacement };
  const have = before && HAVE.get(before.word.toLowerCase());
  // "who are not mentally ill", "who were never …", "who are currently …": a word between the
  // verb and the label leaves no rewrite that reads ("who are not with mental illness").
  if (!have && before && /^(?:not|never|\p{L}+ly)$/iu.test(before.word) && HAVE.has(wordBefore(text, before.start)?.word.toLowerCase() ?? '')) return undefined;
  const people = !have && namesPeople(text, start, match.end, before?.word);
  if (!have && !people) return { start, replacement };
  // "who were handicapped or gifted", "mentally ill and homeless adults": the verb or the noun the
  // rewrite would change is shared with the words after the conjunction, so no rewrite reads.
  if (sharedByConjunction(text, match.end)) return undefined;
  if (before && have) return phrase ? { start: before.start, replacement: `${have} ${replacement.slice('with '.length)}` } : undefined;
  // Where the label names people only a phrase about them reads: "for people with a disability",
  // not "for accessible" ("accessible" is for places) nor "who are wheelchair user".
  if (phrase) return { start, replacement: `people ${replacement}` };
  return /^people /.test(replacement) ? { start, replacement } : undefined;
}

const CONJUNCTIONS = new Set(['and', 'or', 'nor', 'but']);
/** Words that open a phrase of their own after a conjunction ("mentally ill and their families"). */
const PHRASE_OPENERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'each', 'every', 'any', 'some', 'all', 'no', 'my', 'our', 'your', 'his', 'her', 'its', 'their', 'i', 'we', 'you', 'he', 'she', 'it', 'they', 'them', 'who']);

/** Whether a conjunction follows the label and the words after it go on the label's phrase, not a new one. */
function sharedByConjunction(text: string, end: number): boolean {
  const conjunction = wordAfter(text, end);
  if (!conjunction || !CONJUNCTIONS.has(conjunction.toLowerCase())) return false;
  const next = wordAfter(text, text.indexOf(conjunction, end) + conjunction.length);
  return !next || !PHRASE_OPENERS.has(next.toLowerCase());
}

/**
 * Whether a label stands for people, with no noun before or after it for its phrase to follow:
 * it opens a sentence or follows a preposition, and ends one or comes before a word that starts
 * the next phrase ("Services for mentally ill.", "Mentally ill were counted").
 */
function namesPeople(text: string, start: number, end: number, previous: string | undefined): boolean {
  const after = /^\s*([\p{L}\p{N}_]+)?/u.exec(text.slice(end, end + 40))?.[1];
  if (after !== undefined && !FUNCTION_WORDS.has(after.toLowerCase())) return false;
  if (previous !== undefined) return PREPOSITIONS.has(previous.toLowerCase());
  let at = start;
  while (at > 0 && isWhitespace(text.charCodeAt(at - 1))) at--;
  return at === 0 || '.!?:;('.includes(text[at - 1]);
}
