import { Column } from '../model/dataset';

/**
 * The words of a column's name and title, lower case: "DateOfBirth", "date_of_birth" and
 * "Date of birth" all give ["date", "of", "birth"]. Name and title are kept apart so a phrase
 * never spans the two.
 */
export function columnWordLists(column: Column): string[][] {
  return [column.fields.name?.value, column.fields.title?.value]
    .filter((v): v is string => !!v)
    .map((v) =>
      v
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    );
}

/** Whether `phrase` (space-separated words) appears as consecutive words in `words`. */
export function hasPhrase(words: string[], phrase: string): boolean {
  const target = phrase.split(' ');
  for (let i = 0; i + target.length <= words.length; i++) {
    if (target.every((w, k) => words[i + k] === w)) return true;
  }
  return false;
}

/** The column's name as written, for messages. */
export function columnLabel(column: Column): string {
  return column.fields.name?.value ?? column.fields.title?.value ?? '(unnamed)';
}
