import personCentered from '../data/person-centered.json';
import plainLanguage from '../data/plain-language.json';
import { ParsedFile } from '../model/dataset';
import { ProseText } from '../model/prose';
import { proseFields } from './prose-fields';
import { RuleContext } from './rule';
import { TermMatch, TermMatcher, WordList } from './word-list';

/** The word lists of plain-language and person-centered, by their index in the shared matcher. */
export const PLAIN_LANGUAGE = 0;
export const PERSON_CENTERED = 1;

/**
 * Both lists in one matcher: one pass over a text finds the matches of both, splitting the text
 * into words once. The rules run one after the other over every field, so the pass made for the
 * first rule keeps the other list's matches for that text until the second rule asks for them.
 */
const matcher = new TermMatcher([plainLanguage as WordList, personCentered as WordList]);

const NONE: readonly TermMatch[] = [];

/**
 * Where plain-language's list matched in a file's prose fields, from that rule's walk over the
 * file (it runs before style), for the style rule: write-good flags many of the same words
 * ("utilize", "in order to"), and plain-language reports them with its source and a fix. Style
 * needs only the places, so they are kept flat, two numbers a match (start, end), in field then
 * text order: a large file has tens of thousands of matches, and an array of match objects per
 * field held them all from one rule's walk to the other's.
 */
interface PlainLanguageWalk {
  allow: readonly string[];
  /** By field, where its matches start in `spans` (counted in numbers); one more entry, where the last field's end. */
  fieldStarts: Int32Array;
  spans: Int32Array;
}

const plainLanguageByFile = new WeakMap<ParsedFile, PlainLanguageWalk>();

/** No matches, as plainLanguageSpans gives them. */
export const NO_SPANS: Int32Array = new Int32Array(0);

/**
 * Where plain-language's list matches field `f` of the file, two numbers a match (start, end) in
 * text order: as that rule's walk found it, or from a pass made now.
 */
export function plainLanguageSpans({ file, config }: RuleContext, f: number, prose: ProseText): Int32Array {
  const walked = plainLanguageByFile.get(file);
  if (walked && walked.allow === config.terms.allow && f + 1 < walked.fieldStarts.length) {
    const from = walked.fieldStarts[f];
    const to = walked.fieldStarts[f + 1];
    return from === to ? NO_SPANS : walked.spans.subarray(from, to);
  }
  const matches = matcher.findAll(prose.text, config.terms.allow, prose)[PLAIN_LANGUAGE];
  if (matches.length === 0) return NO_SPANS;
  const spans = new Int32Array(2 * matches.length);
  for (let m = 0; m < matches.length; m++) {
    spans[2 * m] = matches[m].start;
    spans[2 * m + 1] = matches[m].end;
  }
  return spans;
}

/** Lets go of what plain-language's walk kept for the style rule, once style has walked the file. */
export function forgetPlainLanguageSpans(file: ParsedFile): void {
  plainLanguageByFile.delete(file);
}

/**
 * What the passes over one file's prose found that no rule has asked for yet, by the field's
 * index in `proseFields(file)`, which both rules walk in the same order. Most fields match
 * neither list, so only the fields with matches keep an entry; for the others a bit says that
 * their pass was made and found nothing (a catalog has tens of thousands of fields).
 */
interface Unclaimed {
  allow: readonly string[];
  /** By field, a bit per list whose matches a pass found and no rule has asked for yet. */
  pending: Uint8Array;
  /** By field, those matches, where there are any. */
  kept: Map<number, Array<readonly TermMatch[] | undefined>>;
}

/** Held by the file, so a file that is let go takes what was not asked for with it. */
const unclaimedByFile = new WeakMap<ParsedFile, Unclaimed>();

/** Calls `each` with every match of one list in the file's prose fields, in file order. */
export function eachTermMatch({ file, config, memo }: RuleContext, list: number, each: (prose: ProseText, match: TermMatch) => void): void {
  const fields = proseFields(file);
  const allow = config.terms.allow;
  let unclaimed = unclaimedByFile.get(file);
  if (!unclaimed || unclaimed.allow !== allow || unclaimed.pending.length !== fields.length) {
    unclaimedByFile.set(file, (unclaimed = { allow, pending: new Uint8Array(fields.length), kept: new Map() }));
  }
  const found = unclaimed;
  const keep = list === PLAIN_LANGUAGE;
  const fieldStarts = keep ? new Int32Array(fields.length + 1) : NO_SPANS;
  let spans: Int32Array = NO_SPANS;
  let length = 0;
  // Indexed loops: a catalog has thousands of short fields.
  for (let f = 0; f < fields.length; f++) {
    const prose = fields[f].prose;
    const matches = memo(prose.text, () => termMatches(found, f, prose, list));
    if (keep) {
      if (length + 2 * matches.length > spans.length) spans = grown(spans, length + 2 * matches.length);
      for (let m = 0; m < matches.length; m++) {
        spans[length++] = matches[m].start;
        spans[length++] = matches[m].end;
      }
      fieldStarts[f + 1] = length;
    }
    for (let m = 0; m < matches.length; m++) each(prose, matches[m]);
  }
  if (keep) plainLanguageByFile.set(file, { allow, fieldStarts, spans });
}

/** A copy of `spans` with room for at least `needed` numbers, doubling so that filling it stays linear. */
function grown(spans: Int32Array, needed: number): Int32Array {
  const larger = new Int32Array(Math.max(needed, 2 * spans.length, 64));
  larger.set(spans);
  return larger;
}

/** One list's matches in field `f`: kept from the other rule's pass, or from a pass made now. */
function termMatches(unclaimed: Unclaimed, f: number, prose: ProseText, list: number): readonly TermMatch[] {
  const bit = 1 << list;
  if (unclaimed.pending[f] & bit) {
    unclaimed.pending[f] &= ~bit;
    const kept = unclaimed.kept.get(f);
    const matches = kept?.[list];
    if (!matches) return NONE;
    kept![list] = undefined;
    if (unclaimed.pending[f] === 0) unclaimed.kept.delete(f);
    return matches;
  }
  const matches: Array<readonly TermMatch[] | undefined> = matcher.findAll(prose.text, unclaimed.allow, prose);
  const asked = matches[list]!;
  matches[list] = undefined;
  let others = 0;
  let any = false;
  for (let l = 0; l < matches.length; l++) {
    if (l === list) continue;
    others |= 1 << l;
    if (matches[l]!.length > 0) any = true;
    else matches[l] = undefined;
  }
  unclaimed.pending[f] = others;
  if (any) unclaimed.kept.set(f, matches);
  return asked;
}
