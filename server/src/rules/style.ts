import writeGood from 'write-good';
import { nonProseSpans, overlaps, proseFields } from './prose-fields';
import { Fix, Rule } from './rule';

/** write-good's checks by the explanation it appends to each reason. */
const CHECKS: Record<string, string> = {
  'is a weasel word': 'weasel',
  'is repeated': 'illusion',
  'adds no meaning': 'so',
  'is unnecessary verbiage': 'thereIs',
  'may be passive voice': 'passive',
  'can weaken meaning': 'adverb',
  'is wordy or unneeded': 'tooWordy',
  'is a cliche': 'cliches',
};

function checkOf(reason: string): { check: string; explanation: string } {
  const rest = reason.replace(/^"[^"]*" /, '');
  for (const [explanation, check] of Object.entries(CHECKS)) {
    if (rest.startsWith(explanation)) return { check, explanation: rest };
  }
  return { check: 'unknown', explanation: rest };
}

/** write-good's checks, in the order it runs them (which is the order it joins their reasons in). */
const BEFORE_SENTENCE_CHECKS = ['weasel', 'illusion'];
const SENTENCE_CHECKS = ['so', 'thereIs'];
const AFTER_SENTENCE_CHECKS = ['passive', 'adverb', 'tooWordy', 'cliches'];
const ALL_CHECKS = [...BEFORE_SENTENCE_CHECKS, ...SENTENCE_CHECKS, ...AFTER_SENTENCE_CHECKS];
const only = (checks: string[]) => Object.fromEntries(ALL_CHECKS.map((c) => [c, checks.includes(c)]));

/**
 * write-good's suggestions for a text, in linear time. Its "so" and "there is" checks search with
 * /([^\n.;!?]+)([.;!?]+)/g, which on a long run of text with no closing punctuation rescans to
 * the end from every character: quadratic, minutes on a 100 KB description. Those two checks run
 * here on each sentence that regex would match (text up to a run of . ; ! ?, no line break),
 * which finds the same suggestions; the other checks run on the whole text as before.
 */
export function writeGoodSuggestions(text: string): writeGood.Suggestion[] {
  const groups = [
    writeGood(text, only(BEFORE_SENTENCE_CHECKS)),
    sentences(text).flatMap((sentence) => writeGood(sentence.text, only(SENTENCE_CHECKS)).map((s) => ({ ...s, index: s.index + sentence.start }))),
    writeGood(text, only(AFTER_SENTENCE_CHECKS)),
  ];
  const merged = new Map<string, writeGood.Suggestion>();
  for (const group of groups) {
    for (const s of group) {
      const key = `${s.index}:${s.offset}`;
      const seen = merged.get(key);
      // Joined as write-good joins two checks' reasons for one range: '"So" is repeated and adds no meaning'.
      if (seen) seen.reason += ` and ${s.reason.substring(s.offset + 3)}`;
      else merged.set(key, { ...s });
    }
  }
  return [...merged.values()].sort((a, b) => a.index - b.index || a.offset - b.offset);
}

/** The matches of /[^\n.;!?]+[.;!?]+/g, found in one pass. */
function sentences(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const isEnd = (c: string) => c === '.' || c === ';' || c === '!' || c === '?';
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      start = ++i;
    } else if (isEnd(c)) {
      while (i < text.length && isEnd(text[i])) i++;
      if (i - start > 0 && !isEnd(text[start])) out.push({ start, text: text.slice(start, i) });
      start = i;
    } else {
      i++;
    }
  }
  return out;
}

export const style: Rule = {
  meta: {
    id: 'style',
    description: "write-good's checks on prose: passive voice, weasel words, wordiness, clichés, repeated words.",
    defaultSeverity: 'hint',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    tags: ['prose', 'style'],
    messages: {
      style: '"{{text}}" {{explanation}}.',
    },
    rationale: {
      quote: 'Metadata should be as simple as possible—the goal of the Open Data Portal is to make data accessible and understandable to all, regardless of technical knowledge.',
      source: 'Connecticut Open Data Publication Guidelines, Appendix',
    },
  },
  check({ file, report }) {
    for (const { prose } of proseFields(file)) {
      const skip = nonProseSpans(prose.text);
      for (const suggestion of writeGoodSuggestions(prose.text)) {
        const start = suggestion.index;
        const end = suggestion.index + suggestion.offset;
        if (overlaps(skip, start, end)) continue;
        const { check, explanation } = checkOf(suggestion.reason);
        const fixes: Fix[] = [];
        if (check === 'illusion') {
          // write-good marks the second of two equal words; remove it with the space before it.
          let from = start;
          while (from > 0 && /\s/.test(prose.text[from - 1])) from--;
          const edit = prose.replace(from, end, '');
          if (edit) fixes.push({ title: `Remove the repeated "${prose.text.slice(start, end)}"`, edits: [edit], safe: true });
        }
        report({ span: prose.sourceSpan(start, end), messageId: 'style', data: { check, text: prose.text.slice(start, end), explanation }, fixes });
      }
    }
  },
};
