import { ProseText } from '../model/prose';
import { nonProseSpansIn, overlaps, proseFieldsInSteps } from './prose-fields';
import { isWhitespace } from './chars';
import { COUNTED_ONLY, Fix, Pauses, PROSE_STEP_CHARS, Rule } from './rule';
import { checkOf, explanationOf, packedStyleFindings } from './style-checks';
import { forgetPlainLanguageSpans, NO_SPANS, plainLanguageSpans } from './term-lists';

export const style: Rule = {
  meta: {
    id: 'style',
    description: "write-good's checks on prose: passive voice, weasel words, wordiness, clichés, repeated words.",
    defaultSeverity: 'hint',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    scope: 'field',
    tags: ['prose', 'style'],
    messages: {
      style: '"{{text}}" {{explanation}}.',
    },
    rationale: {
      quote: 'Metadata should be as simple as possible—the goal of the Open Data Portal is to make data accessible and understandable to all, regardless of technical knowledge.',
      source: 'Connecticut Open Data Publication Guidelines, Appendix',
    },
  },
  *check(context) {
    const { file, config, memo, report, full } = context;
    const fields = yield* proseFieldsInSteps(file);
    const pauses = new Pauses(fields.length, PROSE_STEP_CHARS);
    // Words plain-language reports are left to it, when it runs: one finding for "utilize", with a source and a fix.
    const plainLanguageOn = config.rules['plain-language']?.severity !== 'off';
    // Indexed loops: a catalog has thousands of short fields, and this runs once per field and finding.
    for (let f = 0; f < fields.length; f++) {
      const prose = fields[f].prose;
      const found = memo(prose.text, () => findings(prose, plainLanguageOn ? () => plainLanguageSpans(context, f, prose) : undefined));
      // Three numbers a finding: start, end, and the checks that found it (see packedStyleFindings).
      for (let k = 0; k < found.length; k += 3) {
        const start = found[k];
        const end = found[k + 1];
        if (full()) {
          // Past the cap only the place counts: nothing else is made for the thousands of these in a large file.
          report({ span: prose.sourceSpan(start, end), messageId: 'style', data: COUNTED_ONLY });
          continue;
        }
        const check = checkOf(found[k + 2]);
        const explanation = explanationOf(found[k + 2]);
        const fixes: Fix[] = [];
        if (check === 'illusion') {
          // write-good marks the second of two equal words; remove it with the space before it.
          let from = start;
          while (from > 0 && isWhitespace(prose.text.charCodeAt(from - 1))) from--;
          const edit = prose.replace(from, end, '');
          const word = prose.text.slice(start, end);
          // "that that" and "had had" are often meant ("found that that count was wrong"), so a person decides.
          if (edit) fixes.push({ title: `Remove the repeated "${word}"`, edits: [edit], safe: !/^(?:that|had)$/i.test(word) });
        }
        report({ span: prose.sourceSpan(start, end), messageId: 'style', data: { check, text: prose.text.slice(start, end), explanation }, fixes });
      }
      const share = pauses.after(f, prose.text.length);
      if (share !== undefined) yield share;
    }
    forgetPlainLanguageSpans(file);
  },
};

/**
 * write-good's suggestions on one text, outside URLs and templating, packed as packedStyleFindings
 * gives them; given plain-language's matches in the text, none inside them.
 */
function findings(prose: ProseText, plainLanguage: (() => Int32Array) | undefined): readonly number[] {
  const all = packedStyleFindings(prose.text);
  if (all.length === 0) return all;
  const skip = nonProseSpansIn(prose);
  const plain = plainLanguage === undefined ? NO_SPANS : plainLanguage();
  if (skip.length === 0 && plain.length === 0) return all;
  const kept: number[] = [];
  for (let k = 0; k < all.length; k += 3) {
    const start = all[k];
    const end = all[k + 1];
    if (!overlaps(skip, start, end) && !within(plain, start, end)) kept.push(start, end, all[k + 2]);
  }
  return kept;
}

/**
 * Whether start–end lies inside one of the matches, two numbers a match (start, end), in text
 * order and not overlapping (a binary search: a long text has thousands).
 */
function within(matches: Int32Array, start: number, end: number): boolean {
  if (matches.length === 0) return false;
  let low = 0;
  let high = (matches.length >> 1) - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (matches[2 * middle] <= start) low = middle;
    else high = middle - 1;
  }
  return matches[2 * low] <= start && end <= matches[2 * low + 1];
}
