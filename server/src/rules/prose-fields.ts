import { PROSE_COLUMN_CONCEPTS, PROSE_CONCEPTS, ParsedFile } from '../model/dataset';
import { ProseField } from './rule';

/**
 * Every prose value in the file, ordered by position so "defined earlier in the file" means what
 * a reader would expect. Keys, names, URLs, emails and vocabulary fields are never included.
 */
export function proseFields(file: ParsedFile): ProseField[] {
  const out: ProseField[] = [];
  for (const dataset of file.datasets) {
    for (const concept of PROSE_CONCEPTS) {
      const prose = dataset.fields[concept]?.prose;
      if (prose) out.push({ dataset, label: concept, prose });
    }
    for (const column of dataset.columns ?? []) {
      const name = column.fields.name?.value ?? '?';
      for (const concept of PROSE_COLUMN_CONCEPTS) {
        const prose = column.fields[concept]?.prose;
        if (prose) out.push({ dataset, label: `columns[${name}].${concept}`, prose });
      }
    }
  }
  return out.sort((a, b) => a.prose.nodeSpan.start - b.prose.nodeSpan.start);
}

/**
 * Spans of a prose text that are not prose even inside a description: URLs, email addresses and
 * `{{ templating }}`. Word rules skip matches that overlap them.
 */
export function nonProseSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // Most prose holds none of the characters these need; the full pattern is slow on long prose.
  if (text.indexOf(':') < 0 && text.indexOf('@') < 0 && text.indexOf('{') < 0 && text.indexOf('`') < 0 && !/www\./i.test(text)) return spans;
  const pattern = /\b(?:https?|ftp):\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|`[^`\n]*`/gi;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Whether [start, end) overlaps one of the spans, which are in order and apart as nonProseSpans gives them. */
export function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  // The first span that ends after `start` is the only one that can overlap: a binary search, since
  // long prose can hold thousands of links.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid][1] <= start) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && end > spans[low][0];
}
