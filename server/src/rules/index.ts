import { acronym } from './acronym';
import { dateColumn } from './date-column';
import { invalidValue } from './invalid-value';
import { missingColumn } from './missing-column';
import { personCentered } from './person-centered';
import { plainLanguage } from './plain-language';
import { privacyIdentifier } from './privacy-identifier';
import { readability } from './readability';
import { requiredField } from './required-field';
import { Rule } from './rule';
import { style } from './style';
import { titleYear } from './title-year';
import { undocumentedColumn } from './undocumented-column';

/** Every rule, in the order they run. */
export const RULES: readonly Rule[] = [
  requiredField,
  invalidValue,
  undocumentedColumn,
  missingColumn,
  acronym,
  plainLanguage,
  personCentered,
  style,
  readability,
  titleYear,
  dateColumn,
  privacyIdentifier,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

export const DOCS_BASE = 'https://github.com/plainmeta/plainmeta/blob/main/docs/rules/';

/** The docs page of a rule or engine finding, for `codeDescription.href` and SARIF `helpUri`. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
