import { memoizeString, memosBypassed } from './string-memo';
import { Column } from '../model/dataset';

/**
 * The words of a column's name and title, lower case: "DateOfBirth", "date_of_birth" and
 * "Date of birth" all give ["date", "of", "birth"]. Name and title are kept apart so a phrase
 * never spans the two.
 */
export function columnWordLists(column: Column): string[][] {
  return [column.fields.name?.value, column.fields.title?.value].filter((v): v is string => !!v).map(wordsOf);
}

// Several rules ask this for every column of a large dictionary after every keystroke; the
// regular expressions are the cost.
const wordsOf = memoizeString((v: string) =>
  v
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean),
);

const NO_WORDS: readonly string[] = [];

/**
 * Named lists of phrases (space-separated words), compiled once: `kindOf` gives the first name,
 * in the table's order, with a phrase that appears as consecutive words in one of the lists.
 */
export class PhraseTable {
  private readonly kinds: Array<{ kind: string; phrases: string[] }>;
  private readonly longest: number;

  constructor(table: Record<string, string[]>) {
    this.kinds = Object.entries(table).map(([kind, phrases]) => ({ kind, phrases }));
    this.longest = Math.max(...this.kinds.flatMap((k) => k.phrases.map((p) => p.split(' ').length)));
  }

  kindOf(wordLists: readonly string[][]): string | undefined {
    // A column's lists (name, title) come from wordsOf, which gives the same array for the same
    // text each time: looked up by the arrays themselves, nothing is joined or hashed. A missing
    // list is an empty one, which adds no phrase.
    // Only ever asked with a column's two lists; more would not be remembered.
    if (memosBypassed() || wordLists.length > 2) return this.find(wordLists);
    const [first = NO_WORDS, second = NO_WORDS] = wordLists;
    let bySecond = this.byLists.get(first);
    if (!bySecond) this.byLists.set(first, (bySecond = new WeakMap()));
    let found = bySecond.get(second);
    if (!found) bySecond.set(second, (found = { kind: this.find([first, second]) }));
    return found.kind;
  }

  private readonly byLists = new WeakMap<readonly string[], WeakMap<readonly string[], { kind: string | undefined }>>();

  private find(wordLists: ReadonlyArray<readonly string[]>): string | undefined {
    // Every run of up to `longest` consecutive words, then one look-up per phrase.
    const runs = new Set<string>();
    for (const words of wordLists) {
      for (let i = 0; i < words.length; i++) {
        let run = words[i];
        runs.add(run);
        for (let k = 1; k < this.longest && i + k < words.length; k++) runs.add((run += ' ' + words[i + k]));
      }
    }
    if (runs.size === 0) return undefined;
    for (const { kind, phrases } of this.kinds) if (phrases.some((p) => runs.has(p))) return kind;
    return undefined;
  }
}

/** The column's name as written, for messages. */
export function columnLabel(column: Column): string {
  return column.fields.name?.value ?? column.fields.title?.value ?? '(unnamed)';
}
