import { EVIDENCE_ZH, openPointsOf } from '../cases/evidence.js';
import { displayedOutcome, hasOpenFindings, shownReasons } from '../cases/displayed-outcome.js';
import { paidYuan, recoveredYuan } from '../cases/recovery.js';
import type { AuditEvent, ReviewCase } from '../cases/review-case.js';
import type { CaseViewText } from './api-schemas.js';
import { auditRows, CASE_STATUS_ZH, clerkText, documentChecklist, programmeTitleZh, unconfirmedFigures } from '../cases/labels-zh.js';
import type { Principal } from './principal.js';

const OPEN_STATES: readonly ReviewCase['status'][] = ['needs_review', 'claimed', 'awaiting_documents'];

/**
 * The case as the page shows it to `principal` (`caseViewSchema`): Chinese text only, and the actions allowed now —
 * the same conditions the service enforces (no 确认 of a case that is not 符合, no 审批通过 for the person who
 * confirmed, nothing on a case another clerk holds).
 *
 * @example
 * caseTextOf(reviewCase, audit, clerk, new Date()).actions.confirm; // false on a 待核对 case
 */
export function caseTextOf(reviewCase: ReviewCase, audit: readonly AuditEvent[], principal: Principal | undefined, now: Date): CaseViewText {
  const d = reviewCase.decision;
  const documents = reviewCase.documents;
  const staff = !!principal && (principal.roles.includes('clerk') || principal.roles.includes('supervisor'));
  const supervisor = !!principal && principal.roles.includes('supervisor');
  const leasedElsewhere =
    reviewCase.status === 'claimed' &&
    !!reviewCase.lease &&
    reviewCase.lease.holder !== principal?.userId &&
    Date.parse(reviewCase.lease.expiresAt) > now.getTime() &&
    !supervisor;
  const open = OPEN_STATES.includes(reviewCase.status);
  const shown = displayedOutcome(reviewCase);
  const findingsOpen = hasOpenFindings(reviewCase);
  const payable = d?.outcome === 'eligible' && d.amountYuan > 0;
  const points = openPointsOf(d);
  const people: Record<string, string> = {};
  for (const event of audit) if (event.actorName) people[event.actor] = event.actorName;
  if (principal?.displayName) people[principal.userId] = principal.displayName;
  return {
    statusZh: CASE_STATUS_ZH[reviewCase.status] ?? reviewCase.status,
    // An open finding (documents of different persons) holds the case short of payable: the headline says so, not 符合.
    ...(d && shown ? { outcomeZh: shown.outcomeZh, programmeTitle: programmeTitleZh(d.programme) } : {}),
    reasons: shownReasons(reviewCase)
      .filter((r) => !r.zh.startsWith('缺少材料：'))
      .map((r) => ({ ruleId: r.ruleId, zh: clerkText(r.zh, documents) })),
    missingDocuments: [...new Set((d?.missingDocumentDetails ?? []).map((m) => m.zh))],
    openPoints: points.map((p) => ({
      ruleId: p.ruleId,
      zh: clerkText(p.zh, documents),
      evidence: p.evidence.map((kind) => ({ kind, zh: EVIDENCE_ZH[kind] })),
    })),
    checklist: documentChecklist(d),
    unconfirmedFigures: unconfirmedFigures(d),
    audit: auditRows(audit, documents),
    people,
    actions: {
      confirm: staff && open && !leasedElsewhere && !findingsOpen && d?.outcome === 'eligible',
      decline: staff && (open || reviewCase.status === 'confirmed') && !leasedElsewhere && !payable,
      approve: supervisor && reviewCase.status === 'confirmed' && reviewCase.confirmedBy !== principal?.userId && payable && !findingsOpen,
      recover: supervisor && reviewCase.status === 'paid' && paidYuan(reviewCase) - recoveredYuan(reviewCase) > 0,
      recordEvidence: staff && open && !leasedElsewhere && points.some((p) => p.evidence.length > 0),
      regroupPages: staff && open && !leasedElsewhere,
      classify: staff && open && !leasedElsewhere && (!d || d.programme === 'unclassified' || reviewCase.documents.some((doc) => doc.type === 'unknown')),
    },
  };
}
