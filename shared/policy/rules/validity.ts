import type { Evaluation } from '../evaluation.js';
import { parameterTimeline, type ParameterSet } from '../parameters.js';

/**
 * XH36-end: 本方案自2020年10月22日起实施，到2021年12月31日为止. A claim is judged by the policy in force on its
 * relevant date; where none is in force, the claim is outside this policy and the reason names the window.
 * Returns whether a policy is in force on `date`.
 *
 * @example
 * if (!policyInForce(evaluation, certificate.issueDate, '证书发证日期')) return;
 */
export function policyInForce(evaluation: Evaluation, date: string, dateLabel: { zh: string; en: string }): boolean {
  const document = evaluation.parameters.find<string>('policy.document', date);
  if (document) {
    evaluation.use('policy.document', document.value);
    return true;
  }
  const described = describeWindows(evaluation.parameters);
  const sentence = {
    zh: `${dateLabel.zh}${date}不在政策有效期内（${described}），不适用本政策`,
    en: `the ${dateLabel.en} ${date} is outside the validity window (${described}); the claim falls outside this policy`,
  };
  if (evaluation.interpretation('outside_window') === 'needs_review') evaluation.review('XH36-end', sentence);
  else evaluation.ineligible('XH36-end', sentence);
  return false;
}

/**
 * A programme is judged on its relevant date: `date` as the facts give it (the completion, the competition, the end of
 * the training period…), the claim date when they give none. Sets the evaluation's date; returns whether a policy is
 * in force on it (XH36-end: when none is, `policyInForce` has recorded why).
 *
 * @example
 * if (!inForceOnRelevantDate(evaluation, competition.heldOn, { zh: '竞赛举办日期', en: 'competition date' })) return;
 */
export function inForceOnRelevantDate(evaluation: Evaluation, date: string | undefined, dateLabel: { zh: string; en: string }): boolean {
  evaluation.date = date ?? evaluation.facts.claimDate;
  return policyInForce(evaluation, evaluation.date, dateLabel);
}

const windowTexts = new WeakMap<ParameterSet, string>();

/** Every window a policy document was in force, as text for reasons (cached: parameter sets are immutable). */
function describeWindows(parameters: ParameterSet): string {
  let text = windowTexts.get(parameters);
  if (text === undefined) {
    text = parameterTimeline(parameters, 'policy.document')
      .filter((segment) => !segment.ended)
      .map((w) => `${String(w.value)} ${w.from} → ${w.until ?? '…'}`)
      .join('; ');
    windowTexts.set(parameters, text);
  }
  return text;
}
