import { LABEL_FORMS } from './labels.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Label forms holding brackets (`职业(工种)名称`, `企业(字号)名称`), each matched with spaces around its brackets. */
const SPACED: ReadonlyArray<{ form: string; pattern: RegExp }> = LABEL_FORMS.filter((l) => /[()]/.test(l.form)).map((l) => ({
  form: l.form,
  pattern: new RegExp([...l.form].map((ch) => (ch === '(' || ch === ')' ? `\\s*${escape(ch)}\\s*` : escape(ch))).join(''), 'g'),
}));

/**
 * A text layer spaces the brackets of a label set in Chinese type (`职业( 工种) 名称:`): the label is written whole
 * again, so it is found as one label and not as `职业(工种)` and `名称`. Only the spaces inside a known label form go.
 *
 * @example
 * withBracketLabelsClosed('职业( 工种) 名称:焊工'); // '职业(工种)名称:焊工'
 */
export function withBracketLabelsClosed(text: string): string {
  if (!/[()]\s|\s[()]/.test(text)) return text;
  let out = text;
  for (const { form, pattern } of SPACED) out = out.replace(pattern, form);
  return out;
}
