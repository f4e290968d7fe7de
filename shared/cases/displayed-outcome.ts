import { openFindings } from './findings.js';
import type { DecisionReason } from '../policy/decision.js';
import { OUTCOME_ZH } from './labels-zh.js';
import type { ReviewCase } from './review-case.js';

/** What every view outside the case view says of a payable case while a finding is open (issue 16 item 2). */
export const OPEN_FINDING_OUTCOME_ZH = '待核对（疑点未处理）';

/** A case's outcome as people read it: the rules' outcome, and whether an open finding holds it short of payable. */
export interface DisplayedOutcome {
  /** The rules' outcome, as stored (`decision.outcome`): an open finding does not change the decision. */
  outcome: string;
  outcomeZh: string;
  /** The decision's amount; absent while a finding holds a payable case, so no view shows it as if granted. */
  amountYuan?: number;
  /** A finding (documents of different persons) is open: the case cannot be confirmed or approved until resolved. */
  findingsOpen: boolean;
}

type OutcomeSource = Pick<ReviewCase, 'decision' | 'documents' | 'applicant' | 'resolvedFindings' | 'openFindingCodes'>;

/**
 * Whether a finding is still open: read from the documents when the case carries them, else (a list row, which carries
 * none) from the codes the case store kept with its last write.
 *
 * @example
 * hasOpenFindings(listRow); // true while the row's `openFindingCodes` is not empty
 */
export function hasOpenFindings(reviewCase: Omit<OutcomeSource, 'decision'>): boolean {
  if (reviewCase.documents.length > 0) return openFindings(reviewCase).length > 0;
  return (reviewCase.openFindingCodes?.length ?? 0) > 0;
}

/**
 * The one place that turns a case's decision into the outcome shown outside the rules: case lists, the training
 * body's view and one-line outcome, the batch report. The case "cannot be eligible until a clerk resolves" a
 * `different_persons` finding (issue 16 item 2), so while one is open a 符合 decision reads 待核对（疑点未处理）and
 * carries no amount. The stored decision stays the rules' own; resolving the finding restores 符合 and the amount.
 * Undefined when the rules have not judged the case.
 *
 * @example
 * displayedOutcome(mixedPersonCase); // { outcome: 'eligible', outcomeZh: '待核对（疑点未处理）', findingsOpen: true }
 */
export function displayedOutcome(reviewCase: OutcomeSource): DisplayedOutcome | undefined {
  const d = reviewCase.decision;
  if (!d) return undefined;
  const findingsOpen = hasOpenFindings(reviewCase);
  if (findingsOpen && d.outcome === 'eligible') return { outcome: d.outcome, outcomeZh: OPEN_FINDING_OUTCOME_ZH, findingsOpen };
  return { outcome: d.outcome, outcomeZh: OUTCOME_ZH[d.outcome] ?? d.outcome, amountYuan: d.amountYuan, findingsOpen };
}

/** What a reason says in place of a sum of money while an open finding holds the case's amount back. */
export const HELD_AMOUNT_ZH = '（金额待疑点处理后显示）';

/**
 * The rules' reasons as shown beside `displayedOutcome`: while an open finding holds a payable case (no amount shown),
 * each sum of yuan in a reason ("一次性补贴5000元", a monthly rate the amount is computed from) reads
 * HELD_AMOUNT_ZH, so no reason states the amount the headline holds back. Otherwise the reasons as the rules gave them.
 *
 * @example
 * shownReasons(mixedPersonCase)[0].zh; // '二级证书，一次性补贴（金额待疑点处理后显示）'
 */
export function shownReasons(reviewCase: OutcomeSource): DecisionReason[] {
  const reasons = reviewCase.decision?.reasons ?? [];
  const shown = displayedOutcome(reviewCase);
  if (!shown || shown.amountYuan !== undefined) return reasons;
  return reasons.map((reason) => ({
    ...reason,
    zh: reason.zh.replace(/\d[\d,，.]*\s*元/g, HELD_AMOUNT_ZH),
    en: reason.en.replace(/\d[\d,.]*\s*yuan/g, '(amount held)'),
  }));
}
