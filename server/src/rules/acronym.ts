import builtin from '../data/acronyms.json';
import { ProseText } from '../model/prose';
import { nonProseSpans, overlaps, proseFields } from './prose-fields';
import { Fix, Rule } from './rule';

const BUILTIN_ALLOW = new Set(builtin.allow);
const BUILTIN_GLOSSARY = new Map(Object.entries(builtin.glossary as Record<string, string>));

/** Words an expansion may carry that no letter of the acronym stands for. */
const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'by', '&', 'with']);
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;

/**
 * Acronym-shaped words: two or more capitals ("DCF", "CTData", "GEOIDs"), or a capital with
 * digits ("M49"). A trailing plural "s" is not part of the acronym.
 */
const WORD = /[A-Za-z0-9][A-Za-z0-9&]*(?:-[A-Za-z0-9]+)*/g;

interface Occurrence {
  acronym: string;
  start: number;
  end: number;
}

function acronymIn(part: string): string | undefined {
  const core = /^[A-Z0-9&]+s$/.test(part) && part.length > 2 ? part.slice(0, -1) : part;
  const upper = (core.match(/[A-Z]/g) ?? []).length;
  const lower = (core.match(/[a-z]/g) ?? []).length;
  const digits = (core.match(/[0-9]/g) ?? []).length;
  if (!/^[A-Za-z]/.test(core) || core.length < 2) return undefined;
  if (lower === 0 && ROMAN_NUMERAL.test(core)) return undefined;
  if (upper >= 2 && (lower === 0 || /^[A-Z]{2}/.test(core) || upper > lower)) return core;
  if (upper === 1 && lower === 0 && digits > 0) return core;
  return undefined;
}

/** Acronyms in a text, with hyphenated words split ("DCF-funded" holds "DCF"). */
function occurrences(text: string, allow: (a: string) => boolean): Occurrence[] {
  const skip = nonProseSpans(text);
  const out: Occurrence[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (overlaps(skip, m.index, m.index + m[0].length) || allow(m[0])) continue;
    let offset = m.index;
    for (const part of m[0].split('-')) {
      const acronym = acronymIn(part);
      if (acronym && !allow(acronym) && !allow(part)) out.push({ acronym, start: offset, end: offset + acronym.length });
      offset += part.length + 1;
    }
  }
  return out;
}

const normalizeWords = (s: string) => s.toLowerCase().replace(/[-‐–/]/g, ' ').replace(/[^\p{L}\p{N}& ]/gu, '').split(/\s+/).filter(Boolean);

/** Whether the words spell the acronym by their first letters (or first few letters), skipping small words. */
function spells(acronym: string, words: string[]): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  const memo = new Map<string, boolean>();
  const match = (li: number, wi: number): boolean => {
    if (li === letters.length) return words.slice(wi).every((w) => STOP_WORDS.has(w));
    if (wi === words.length) return false;
    const key = `${li},${wi}`;
    if (memo.has(key)) return memo.get(key)!;
    const word = words[wi];
    let ok = STOP_WORDS.has(word) && match(li, wi + 1);
    for (let k = 1; !ok && k <= word.length && li + k <= letters.length; k++) {
      if (word.slice(0, k) !== letters.slice(li, li + k)) break;
      ok = match(li + k, wi + 1);
    }
    memo.set(key, ok);
    return ok;
  };
  return words.length > 0 && !STOP_WORDS.has(words[0]) && match(0, 0);
}

/** Whether the words (ending just before "(ACR)", or inside "ACR (…)") define the acronym. */
function defines(acronym: string, words: string[], expansion: string | undefined, fromEnd: boolean): boolean {
  if (expansion) {
    const target = normalizeWords(expansion);
    const slice = fromEnd ? words.slice(-target.length) : words.slice(0, target.length);
    if (slice.join(' ') === target.join(' ') && (fromEnd || words.length === target.length)) return true;
  }
  if (!fromEnd) return spells(acronym, words);
  const max = Math.min(words.length, acronym.length * 3 + 2);
  for (let n = 1; n <= max; n++) if (spells(acronym, words.slice(-n))) return true;
  return false;
}

/**
 * How far around an acronym a definition is looked for. Longer than any spelled-out name, and it
 * keeps each check constant-time: slicing to the start or end of a 100 KB description for each of
 * thousands of acronyms would be quadratic.
 */
const DEFINITION_WINDOW = 1000;

/** Whether this occurrence is itself a definition: "Full Name (ACR)" or "ACR (Full Name)". */
function isDefinition(text: string, occ: Occurrence, expansion: string | undefined): boolean {
  const before = text.slice(Math.max(0, occ.start - DEFINITION_WINDOW), occ.start);
  const after = text.slice(occ.end, occ.end + DEFINITION_WINDOW);
  const inParens = /\(\s*$/.exec(before) && /^s?\s*\)/.test(after);
  if (inParens) {
    const sentenceStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('\n'));
    const lead = before.slice(sentenceStart + 1).replace(/\(\s*$/, '');
    return defines(occ.acronym, normalizeWords(lead), expansion, true);
  }
  const following = /^s?\s*\(([^()]*)\)/.exec(after);
  return !!following && defines(occ.acronym, normalizeWords(following[1]), expansion, false);
}

export const acronym: Rule = {
  meta: {
    id: 'acronym',
    description: 'Acronyms not defined earlier in the file and not on the allow list.',
    defaultSeverity: 'warning',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    tags: ['prose', 'plain-language', 'acronyms'],
    messages: {
      withExpansion: '"{{acronym}}" is not defined; spell it out the first time: "{{expansion}} ({{acronym}})".',
      withoutExpansion: '"{{acronym}}" is not defined; spell it out the first time, or add it to the allow list if readers know it.',
    },
    rationale: {
      quote: 'Make sure to choose a name that is clear and easily understood by somebody who is not familiar with the data. Avoid acronyms that are not widely understood.',
      source: 'Connecticut Open Data Publication Guidelines, Step 3',
    },
  },
  check({ file, config, report }) {
    const allow = (a: string) => BUILTIN_ALLOW.has(a) || config.acronyms.allow.has(a);
    const expansionOf = (a: string) => config.acronyms.glossary.get(a) ?? BUILTIN_GLOSSARY.get(a);
    const defined = new Set<string>();
    const reported = new Set<string>();
    for (const { prose } of proseFields(file)) {
      for (const occ of occurrences(prose.text, allow)) {
        const expansion = expansionOf(occ.acronym);
        if (isDefinition(prose.text, occ, expansion)) {
          defined.add(occ.acronym);
          continue;
        }
        if (defined.has(occ.acronym)) continue;
        const first = !reported.has(occ.acronym);
        reported.add(occ.acronym);
        report({
          span: prose.sourceSpan(occ.start, occ.end),
          messageId: expansion ? 'withExpansion' : 'withoutExpansion',
          data: expansion ? { acronym: occ.acronym, expansion } : { acronym: occ.acronym },
          // A plural ("DCFs") has no clean spelled-out form to put in its place.
          fixes: expansion && prose.text[occ.end] !== 's' ? acronymFixes(prose, occ, expansion, first) : [],
        });
      }
    }
  },
};

function acronymFixes(prose: ProseText, occ: Occurrence, expansion: string, first: boolean): Fix[] {
  const fixes: Fix[] = [];
  const define = prose.replace(occ.start, occ.end, `${expansion} (${occ.acronym})`);
  // Defining the first use covers the later ones, so only that one is safe to apply unattended.
  if (define) fixes.push({ title: `Define on first use: "${expansion} (${occ.acronym})"`, edits: [define], safe: first });
  const expand = prose.replace(occ.start, occ.end, expansion);
  if (expand) fixes.push({ title: `Expand to "${expansion}"`, edits: [expand], safe: false });
  return fixes;
}
