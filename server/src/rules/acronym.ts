import builtin from '../data/acronyms.json';
import { ProseText } from '../model/prose';
import { nonProseSpans, overlaps, proseFields } from './prose-fields';
import { Fix, Rule } from './rule';

const BUILTIN_ALLOW = new Set(builtin.allow);
const BUILTIN_GLOSSARY = new Map(Object.entries(builtin.glossary as Record<string, string>));

/** Words an expansion may carry that no letter of the acronym stands for. */
const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'by', '&', 'with']);
/** A well-formed Roman numeral ("II", "XIV"); "CDC" is made of numeral letters but is not one. */
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Acronym-shaped words: two or more capitals ("DCF", "CTData", "GEOIDs"), or a capital with
 * digits ("M49"). A trailing plural "s" is not part of the acronym; a decimal part after a digit
 * is ("PM2.5", not "PM2").
 */
const WORD = /[A-Za-z0-9][A-Za-z0-9&]*(?:(?<=[0-9])\.[0-9]+)?(?:-[A-Za-z0-9]+)*/g;

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

/** Cheap first test, true for every word acronymIn could accept: two capitals, or a digit. */
function mayHoldAcronym(word: string): boolean {
  let capitals = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c >= 65 && c <= 90 && ++capitals === 2) return true;
  }
  return false;
}

/** Acronyms in a text, with hyphenated words split ("DCF-funded" holds "DCF"). */
function occurrences(text: string, allow: (a: string) => boolean): Occurrence[] {
  const skip = nonProseSpans(text);
  const out: Occurrence[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (!mayHoldAcronym(m[0])) continue;
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

interface Word {
  word: string;
  start: number;
  end: number;
}

/** Words as definitions compare them (lower case, split at hyphens and slashes, no punctuation), with where they are. */
function wordsOf(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[^\s\-‐–/]+/g)) {
    const word = m[0].toLowerCase().replace(/[^\p{L}\p{N}&]/gu, '');
    if (word) out.push({ word, start: offset + m.index!, end: offset + m.index! + m[0].length });
  }
  return out;
}

const normalizeWords = (s: string) => wordsOf(s).map((w) => w.word);

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

/**
 * How many of the words (ending just before "(ACR)", or inside "ACR (…)") spell out the acronym;
 * 0 when they do not define it.
 */
function definingWords(acronym: string, words: string[], expansion: string | undefined, fromEnd: boolean): number {
  if (expansion) {
    const target = normalizeWords(expansion);
    const slice = fromEnd ? words.slice(-target.length) : words.slice(0, target.length);
    if (slice.join(' ') === target.join(' ') && (fromEnd || words.length === target.length)) return target.length;
  }
  if (!fromEnd) return spells(acronym, words) ? words.length : 0;
  const max = Math.min(words.length, acronym.length * 3 + 2);
  for (let n = 1; n <= max; n++) if (spells(acronym, words.slice(-n))) return n;
  return 0;
}

/**
 * When this occurrence is itself a definition, "Full Name (ACR)" or "ACR (Full Name)", the span of
 * the full name; words there are the expansion ("DCF (DEPARTMENT OF …)"), not acronyms.
 */
/** Whether only blanks stand between an opening parenthesis and `end`, as /\(\s*$/ on the text before it. */
function opensParenthesis(text: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 && text[i] === '(';
}

function definitionOf(text: string, occ: Occurrence, expansion: string | undefined): { start: number; end: number } | undefined {
  const after = text.slice(occ.end);
  const inParens = opensParenthesis(text, occ.start) && /^s?\s*\)/.test(after);
  if (inParens) {
    // Searched back from the acronym: a pattern anchored at the end would rescan the whole text each time.
    const from = occ.start - 1;
    const leadStart = Math.max(text.lastIndexOf('.', from), text.lastIndexOf(';', from), text.lastIndexOf('\n', from)) + 1;
    const words = wordsOf(text.slice(leadStart, occ.start).replace(/\(\s*$/, ''), leadStart);
    const n = definingWords(occ.acronym, words.map((w) => w.word), expansion, true);
    return n ? { start: words[words.length - n].start, end: words[words.length - 1].end } : undefined;
  }
  const following = /^s?\s*\(([^()]*)\)/.exec(after);
  if (!following) return undefined;
  const start = occ.end + following[0].indexOf('(') + 1;
  const n = definingWords(occ.acronym, normalizeWords(following[1]), expansion, false);
  return n ? { start, end: start + following[1].length } : undefined;
}

/**
 * Whether a value is written all in capitals ("ARRESTS BY TOWN", common in legacy titles), where
 * every word looks like an acronym: three or more words of letters, none with a lower-case letter.
 */
function isShouted(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  return words.length >= 3 && words.every((w) => w === w.toUpperCase());
}

/** Glossary acronyms that are also everyday words: in capitals they read as the word ("PERSON WHO IS"). */
const SHOUTED_WORDS = new Set(['WHO', 'IT', 'US', 'AID', 'ACT', 'CAP', 'SAFE', 'HOME', 'CARE', 'HEAT', 'STEP', 'DEEP', 'ARC', 'WIC', 'SNAP', 'HEAD']);

export const acronym: Rule = {
  meta: {
    id: 'acronym',
    description: 'Acronyms not defined earlier in the file and not on the allow list.',
    defaultSeverity: 'warning',
    reads: ['title', 'description', 'row_label', 'collection_method', 'limitations', 'columns[].title', 'columns[].description'],
    fixable: true,
    scope: 'file',
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
  check({ file, config, memo, report, full }) {
    const allow = (a: string) => BUILTIN_ALLOW.has(a) || config.acronyms.allow.has(a);
    const expansionOf = (a: string) => config.acronyms.glossary.get(a) ?? BUILTIN_GLOSSARY.get(a);
    // Per text (memoised per config while a document stays open): each acronym, its expansion,
    // whether it defines itself there, and whether it stands inside another acronym's expansion.
    const analyse = (text: string) => {
      const found = occurrences(text, allow).map((occ) => {
        const expansion = expansionOf(occ.acronym);
        return { ...occ, expansion, definition: definitionOf(text, occ, expansion) };
      });
      const expansions = found.flatMap(({ definition }) => (definition ? [[definition.start, definition.end] as [number, number]] : []));
      const shouted = isShouted(text);
      return found
        // In a value written all in capitals only known acronyms stand out from the words.
        .filter((occ) => occ.definition || !(shouted && (!occ.expansion || SHOUTED_WORDS.has(occ.acronym))))
        .map((occ) => ({ ...occ, insideExpansion: !occ.definition && overlaps(expansions, occ.start, occ.end) }));
    };
    const defined = new Set<string>();
    /** Acronyms already reported in the singular: only the first singular use is safe to define. */
    const reported = new Set<string>();
    for (const { prose } of proseFields(file)) {
      for (const occ of memo(prose.text, () => analyse(prose.text))) {
        const expansion = occ.expansion;
        if (occ.definition) {
          defined.add(occ.acronym);
          continue;
        }
        if (defined.has(occ.acronym) || occ.insideExpansion) continue;
        const plural = prose.text[occ.end] === 's';
        const first = !plural && !reported.has(occ.acronym);
        if (!plural) reported.add(occ.acronym);
        report({
          span: prose.sourceSpan(occ.start, occ.end),
          messageId: expansion ? 'withExpansion' : 'withoutExpansion',
          data: expansion ? { acronym: occ.acronym, expansion } : { acronym: occ.acronym },
          fixes: !expansion || full() ? [] : plural ? pluralFixes(prose, occ, expansion) : acronymFixes(prose, occ, expansion, first),
        });
      }
    }
  },

};

/**
 * A plural ("Two DCFs") has no spelled-out form that reads right in its place: "Department of
 * Children and Families (DCFs)" defines the acronym but leaves the name singular, so a person
 * words it. The safe define goes on the first singular use instead, when there is one.
 */
function pluralFixes(prose: ProseText, occ: Occurrence, expansion: string): Fix[] {
  const define = prose.replace(occ.start, occ.end + 1, `${expansion} (${occ.acronym}s)`);
  return define ? [{ title: `Define on first use: "${expansion} (${occ.acronym}s)"`, edits: [define], safe: false }] : [];
}

function acronymFixes(prose: ProseText, occ: Occurrence, expansion: string, first: boolean): Fix[] {
  const fixes: Fix[] = [];
  const define = prose.replace(occ.start, occ.end, `${expansion} (${occ.acronym})`);
  // Defining the first use covers the later ones, so only that one is safe to apply unattended.
  if (define) fixes.push({ title: `Define on first use: "${expansion} (${occ.acronym})"`, edits: [define], safe: first });
  const expand = prose.replace(occ.start, occ.end, expansion);
  if (expand) fixes.push({ title: `Expand to "${expansion}"`, edits: [expand], safe: false });
  return fixes;
}
