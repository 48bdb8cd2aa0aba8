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

/** Links and inline code; each alternative starts with fixed text, so the scan stays linear. */
const LINKS_AND_CODE = /\b(?:https?|ftp):\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+|`[^`\n]*`/gi;
const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_LABEL = /[\w-]/;

/**
 * Spans of a prose text that are not prose even inside a description: URLs, email addresses,
 * `{{ templating }}` and `code`, sorted and merged. Word rules skip matches that overlap them.
 * Emails and templating are found by hand: as regular expressions (/[\w.+-]+@…/, /\{\{[\s\S]*?\}\}/)
 * they rescan from every character of a long run with no "@" or no "}}", which is quadratic.
 */
export function nonProseSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(LINKS_AND_CODE)) spans.push([m.index, m.index + m[0].length]);
  spans.push(...emailSpans(text), ...delimitedSpans(text, '{{', '}}'), ...delimitedSpans(text, '{%', '%}'));
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** What /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g matches, found from each "@" outwards. */
function emailSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let previousEnd = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > previousEnd && EMAIL_LOCAL.test(text[start - 1])) start--;
    if (start === at) continue;
    let end = at + 1;
    const label = () => {
      const from = end;
      while (end < text.length && EMAIL_LABEL.test(text[end])) end++;
      return end > from;
    };
    if (!label()) continue;
    let dots = 0;
    while (text[end] === '.' && EMAIL_LABEL.test(text[end + 1] ?? '')) {
      end++;
      label();
      dots++;
    }
    if (dots === 0) continue;
    spans.push([start, end]);
    previousEnd = end;
  }
  return spans;
}

/** Each `open … close`, the first close after each open, as /open[\s\S]*?close/g matches. */
function delimitedSpans(text: string, open: string, close: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let start = text.indexOf(open); start >= 0; ) {
    const end = text.indexOf(close, start + open.length);
    if (end < 0) break; // no close anywhere after: no later open can match either
    spans.push([start, end + close.length]);
    start = text.indexOf(open, end + close.length);
  }
  return spans;
}

/** Whether [start, end) overlaps one of the sorted, disjoint spans from nonProseSpans. */
export function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid][1] <= start) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && spans[low][0] < end;
}
