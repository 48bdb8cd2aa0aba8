import { Rule } from './rule';

/**
 * Years from 1900 to 2099, alone or as a two-year span ("2019-20", "2019–2020"), which names one
 * school or fiscal year. Longer spans ("2010-2020") describe data over time and are fine.
 */
const YEAR = /(?<![\p{L}\p{N}])(?:FY\s?)?((?:19|20)\d{2})(?:\s?[-–/]\s?((?:19|20)?\d{2}))?(?![\p{L}\p{N}])/giu;
/** Words that make a year the start of an open range: "since 2015", "2015 to present". */
const OPEN_RANGE = /\b(?:since|from|through|thru|to|until|present|current|onward|onwards|and later|or later)\b/i;

interface YearMention {
  start: number;
  end: number;
  first: number;
  last: number;
}

function yearsIn(title: string): YearMention[] {
  const out: YearMention[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(title); m; m = YEAR.exec(title)) {
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2].length === 2 ? String(first).slice(0, 2) + m[2] : m[2]);
    out.push({ start: m.index, end: m.index + m[0].length, first, last });
  }
  return out;
}

export const titleYear: Rule = {
  meta: {
    id: 'title-year',
    description: 'A dataset title that names a single year, a sign of one dataset per year instead of one dataset updated every year.',
    defaultSeverity: 'info',
    reads: ['title'],
    fixable: false,
    scope: 'field',
    tags: ['titles', 'consolidation'],
    messages: {
      single: 'The title names a single year ("{{year}}"); add each year\'s data to one dataset instead of publishing a dataset per year, and keep the year in a column.',
    },
    rationale: {
      quote: 'If your agency has published the same (or similar) data in previous years, try to consolidate this new data with existing data rather than creating separate entries every year. This approach minimizes clutter on the portal and allows users to more easily track changes in the data over time.',
      source: 'Connecticut Open Data Publication Guidelines, Step 2',
    },
  },
  check({ file, report }) {
    for (const dataset of file.datasets) {
      const prose = dataset.fields.title?.prose;
      if (!prose) continue;
      const years = yearsIn(prose.text);
      if (years.length !== 1) continue;
      const [year] = years;
      if (year.last < year.first || year.last - year.first > 1) continue;
      const around = prose.text.slice(Math.max(0, year.start - 12), year.end + 16);
      if (OPEN_RANGE.test(around)) continue;
      report({ span: prose.sourceSpan(year.start, year.end), messageId: 'single', data: { year: prose.text.slice(year.start, year.end) } });
    }
  },
};
