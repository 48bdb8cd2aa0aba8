import { Finding } from '../../server/src/engine/lint';
import { Scalar } from 'yaml';

/**
 * The scalar-style matrix's inputs: a metadata file whose description holds a rule's term, in
 * every way YAML can write a scalar. Shared by the matrix and the source-map equivalence test.
 */

/** A prose rule's test term: its words, which of them the finding covers, and the text the first fix leaves. */
export interface RuleTerm {
  rule: string;
  words: string[];
  /** Words [from, to) covered by the finding. */
  flagged: [number, number];
  /** What the whole term reads as after the first fix. */
  fixed: string;
  /** Picks this term's finding among the rule's findings (style also flags other things). */
  pick?: (f: Finding) => boolean;
}

/** Terms for cells that keep a term on one line, and for cells that fold a term across lines. */
export const TERMS: Record<string, { single: RuleTerm; multi: RuleTerm }> = {
  acronym: {
    single: { rule: 'acronym', words: ['DCF'], flagged: [0, 1], fixed: 'Department of Children and Families (DCF)' },
    multi: { rule: 'acronym', words: ['DCF'], flagged: [0, 1], fixed: 'Department of Children and Families (DCF)' },
  },
  'plain-language': {
    single: { rule: 'plain-language', words: ['utilize'], flagged: [0, 1], fixed: 'use' },
    multi: { rule: 'plain-language', words: ['in', 'order', 'to'], flagged: [0, 3], fixed: 'to' },
  },
  'person-centered': {
    single: { rule: 'person-centered', words: ['inmates'], flagged: [0, 1], fixed: 'people who are incarcerated' },
    multi: { rule: 'person-centered', words: ['the', 'homeless'], flagged: [0, 2], fixed: 'people experiencing homelessness' },
  },
  style: {
    single: { rule: 'style', words: ['the', 'the'], flagged: [1, 2], fixed: 'the', pick: (f) => f.data.check === 'illusion' },
    multi: { rule: 'style', words: ['the', 'the'], flagged: [1, 2], fixed: 'the', pick: (f) => f.data.check === 'illusion' },
  },
};

/**
 * A cell: the description's value as written after `description: `, with `{}` where the term goes.
 * `join` is what separates the term's words in the source (a folded line break, an escaped one).
 */
export interface Cell {
  name: string;
  value: string;
  join?: string;
  /** The yaml package's scalar type the value has, and must keep after every fix. */
  type: Scalar.Type;
}

export const FOLD = '\n  ';
export const CELLS: Cell[] = [
  { name: 'plain, mid-line', value: 'We count {} by year.', type: 'PLAIN' },
  { name: 'plain, at the start of the value', value: '{} counted by year.', type: 'PLAIN' },
  { name: 'plain, followed by a comment', value: 'We count {} # a comment', type: 'PLAIN' },
  { name: 'plain multi-line, at a line start', value: 'Counts for each town,\n  {} each year.', type: 'PLAIN' },
  { name: 'plain multi-line, at a line end', value: 'Counts for each town {}\n  each year.', type: 'PLAIN' },
  { name: 'plain, across a folded line break', value: 'Counts for {} each year.', join: FOLD, type: 'PLAIN' },
  { name: "single-quoted, after ''", value: "'The agency''s count of {} by year.'", type: 'QUOTE_SINGLE' },
  { name: 'single-quoted, across a folded line break', value: "'The agency''s count of {}\n  by year.'", join: FOLD, type: 'QUOTE_SINGLE' },
  { name: 'single-quoted, followed by a comment', value: "'It''s {}' # a comment", type: 'QUOTE_SINGLE' },
  { name: 'double-quoted, after escapes', value: '"Tab\\there, \\"quoted\\", back\\\\slash, caf\\u00e9: {} by year."', type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, across a folded line break', value: '"caf\\u00e9 \\"x\\" {}\n  by year."', join: FOLD, type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, across an escaped line break', value: '"Counts for {} each year."', join: ' \\\n  ', type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, at a line start', value: '"Counts for each town,\n  {} each year."', type: 'QUOTE_DOUBLE' },
  { name: 'double-quoted, followed by a comment', value: '"We count {}" # a comment', type: 'QUOTE_DOUBLE' },
  { name: 'literal, at a line start', value: '|\n  Counts for each town.\n  {} each year.\n', type: 'BLOCK_LITERAL' },
  { name: 'literal with a header comment, at a line end', value: '| # a comment\n  We count {}\n  by year.\n', type: 'BLOCK_LITERAL' },
  { name: 'folded, at a line start', value: '>\n  Counts for each town,\n  {} each year.\n', type: 'BLOCK_FOLDED' },
  { name: 'folded, at a line end', value: '>-\n  We count {}\n  by year.\n', type: 'BLOCK_FOLDED' },
  { name: 'folded, across a folded line break', value: '>-\n  Counts for {} each year.\n', join: FOLD, type: 'BLOCK_FOLDED' },
];

const HEAD = 'title: Placements by year\n';
const TAIL = [
  'category: Health and Human Services',
  'agency: Department of Children and Families',
  'contact_email: data@example.gov',
  'update_frequency: Annually',
  'license: Public Domain',
  '',
].join('\n');

export interface Built {
  text: string;
  /** Offsets of the flagged words in `text`. */
  start: number;
  end: number;
  /** The whole file as it must read after the first fix. */
  fixed: string;
}

export function build(cell: Cell, term: RuleTerm, eol: '\n' | '\r\n'): Built {
  const [before, after] = cell.value.split('{}');
  const join = term.words.length > 1 && cell.join ? cell.join : ' ';
  let source = '';
  let start = -1;
  let end = -1;
  const prefix = HEAD + 'description: ' + before;
  term.words.forEach((word, i) => {
    if (i === term.flagged[0]) start = prefix.length + source.length;
    source += word;
    if (i === term.flagged[1] - 1) end = prefix.length + source.length;
    if (i < term.words.length - 1) source += join;
  });
  const suffix = after + (after.endsWith('\n') ? '' : '\n') + TAIL;
  const crlf = (s: string) => (eol === '\r\n' ? s.replace(/\n/g, '\r\n') : s);
  // Offsets shift by one for each line break before them once "\n" becomes "\r\n".
  const shift = (offset: number) => offset + (eol === '\r\n' ? (prefix + source).slice(0, offset).split('\n').length - 1 : 0);
  return {
    text: crlf(prefix + source + suffix),
    start: shift(start),
    end: shift(end),
    fixed: crlf(prefix + term.fixed + suffix),
  };
}
