import personCentered from '../data/person-centered.json';
import plainLanguage from '../data/plain-language.json';
import { ParsedFile } from '../model/dataset';
import { ProseText } from '../model/prose';
import { proseFieldsInSteps } from './prose-fields';
import { CheckSteps, Pauses, PROSE_STEP_CHARS, RuleContext } from './rule';
import { possessiveAt, TermMatch, TermMatcher, WordList, WordListEntry, WordListForm } from './word-list';

/** The word lists of plain-language and person-centered, by their index in the shared matcher. */
export const PLAIN_LANGUAGE = 0;
export const PERSON_CENTERED = 1;

/**
 * Both lists in one matcher: one pass over a text finds the matches of both, splitting the text
 * into words once. The rules run one after the other over every field, so the pass made for the
 * first rule keeps the other list's matches for that text until the second rule asks for them.
 */
const WORD_LISTS = [plainLanguage as WordList, personCentered as WordList];
const matcher = new TermMatcher(WORD_LISTS);

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
 * neither list, so only the fields with matches keep their places; for the others a bit says
 * that their pass was made and found nothing (a catalog has tens of thousands of fields).
 */
interface Unclaimed {
  allow: readonly string[];
  /** By field, a bit per list whose matches a pass found and no rule has asked for yet. */
  pending: Uint8Array;
  /**
   * By list, those matches as numbers, field after field: a count, then three numbers a match
   * (start, end, the form's index in FORMS), rather than a match object each (a large dictionary
   * has tens of thousands, held from one rule's walk to the other's); the match is made again
   * when its rule asks.
   */
  kept: Array<Int32Array | undefined>;
  /** By list, how many numbers of `kept` are used. */
  keptLength: Int32Array;
  /** By list and field, where the field's count stands in `kept`, plus one; 0 for none. */
  keptAt: Array<Int32Array | undefined>;
}

/** Every form of the matcher's lists, with its entry, by an index a kept match holds. */
const FORMS: Array<{ entry: WordListEntry; form: WordListForm }> = [];
const FORM_INDEX = new Map<WordListForm, number>();
for (const list of WORD_LISTS) {
  for (const entry of list.entries) {
    for (const form of entry.forms) {
      FORM_INDEX.set(form, FORMS.length);
      FORMS.push({ entry, form });
    }
  }
}

/** Held by the file, so a file that is let go takes what was not asked for with it. */
const unclaimedByFile = new WeakMap<ParsedFile, Unclaimed>();

/** Calls `each` with every match of one list in the file's prose fields, in file order, in steps (see CheckSteps). */
export function* eachTermMatch({ file, config, memo }: RuleContext, list: number, each: (prose: ProseText, match: TermMatch) => void): CheckSteps {
  const fields = yield* proseFieldsInSteps(file);
  const allow = config.terms.allow;
  let unclaimed = unclaimedByFile.get(file);
  if (!unclaimed || unclaimed.allow !== allow || unclaimed.pending.length !== fields.length) {
    unclaimedByFile.set(file, (unclaimed = { allow, pending: new Uint8Array(fields.length), kept: [], keptLength: new Int32Array(WORD_LISTS.length), keptAt: [] }));
  }
  const found = unclaimed;
  const keep = list === PLAIN_LANGUAGE;
  const fieldStarts = keep ? new Int32Array(fields.length + 1) : NO_SPANS;
  let spans: Int32Array = NO_SPANS;
  let length = 0;
  const pauses = new Pauses(fields.length, PROSE_STEP_CHARS);
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
    const share = pauses.after(f, prose.text.length);
    if (share !== undefined) yield share;
  }
  if (keep) plainLanguageByFile.set(file, { allow, fieldStarts, spans });
  forgetKept(found, list);
}

/**
 * Lets go of what the other rule's passes kept for list `list`, once its rule has walked the
 * file: what it did not ask for (a field its memo answered) is asked for again by a pass.
 */
function forgetKept(unclaimed: Unclaimed, list: number): void {
  if (unclaimed.kept[list] === undefined) return;
  const bit = 1 << list;
  for (let f = 0; f < unclaimed.pending.length; f++) unclaimed.pending[f] &= ~bit;
  unclaimed.kept[list] = undefined;
  unclaimed.keptAt[list] = undefined;
  unclaimed.keptLength[list] = 0;
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
    const at = unclaimed.keptAt[list]?.[f] ?? 0;
    return at === 0 ? NONE : keptMatches(unclaimed.kept[list]!, at - 1, prose.text);
  }
  const matches = matcher.findAll(prose.text, unclaimed.allow, prose);
  let others = 0;
  for (let l = 0; l < matches.length; l++) {
    if (l === list) continue;
    others |= 1 << l;
    if (matches[l].length > 0) keep(unclaimed, l, f, matches[l]);
  }
  unclaimed.pending[f] = others;
  return matches[list];
}

/** Keeps list `list`'s matches in field `f` for its rule, as numbers (see Unclaimed.kept). */
function keep(unclaimed: Unclaimed, list: number, f: number, matches: readonly TermMatch[]): void {
  const keptAt = (unclaimed.keptAt[list] ??= new Int32Array(unclaimed.pending.length));
  let length = unclaimed.keptLength[list];
  let kept = unclaimed.kept[list] ?? NO_SPANS;
  const needed = length + 1 + 3 * matches.length;
  if (needed > kept.length) kept = unclaimed.kept[list] = grown(kept, needed);
  keptAt[f] = length + 1;
  kept[length++] = matches.length;
  for (let m = 0; m < matches.length; m++) {
    kept[length++] = matches[m].start;
    kept[length++] = matches[m].end;
    kept[length++] = FORM_INDEX.get(matches[m].form)!;
  }
  unclaimed.keptLength[list] = length;
}

/** The matches kept at `at` in `kept`, made again as the pass made them in `text`. */
function keptMatches(kept: Int32Array, at: number, text: string): TermMatch[] {
  const count = kept[at];
  const matches: TermMatch[] = new Array(count);
  for (let m = 0, k = at + 1; m < count; m++, k += 3) {
    const start = kept[k];
    const end = kept[k + 1];
    const { entry, form } = FORMS[kept[k + 2]];
    const match: TermMatch = { start, end, text: text.slice(start, end), entry, form };
    const possessive = possessiveAt(text, end);
    if (possessive) match.possessive = { start: end, end: end + possessive };
    matches[m] = match;
  }
  return matches;
}
