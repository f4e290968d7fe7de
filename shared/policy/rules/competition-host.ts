import type { Evaluation } from '../evaluation.js';
import { checkMaterials, claimedBy, heldCompetition } from './common.js';

const RULE = 'XH36-3.7.d';

/**
 * XH36-3.7.d: 开展区域性技能竞赛，对承接我区举办技能竞赛的实际承办方，在核减其能享受市级补助资金后，不足部分由区财政给予补贴。
 * Relevant date: the day the competition was held.
 *
 * @example
 * competitionHost(evaluation);
 */
export function competitionHost(evaluation: Evaluation): void {
  checkMaterials(evaluation, RULE);
  const refusal = { zh: '竞赛补贴由竞赛实际承办方申请', en: 'the competition subsidy is claimed by the actual organiser' };
  if (!claimedBy(evaluation, RULE, ['competition_host'], refusal)) return;
  const competition = heldCompetition(evaluation, RULE);
  if (!competition) return;
  const byDistrict = evaluation.read('competition', competition, 'heldByDistrict');
  const organiser = evaluation.read('competition', competition, 'applicantIsActualOrganiser');
  if (byDistrict === false) evaluation.ineligible(RULE, { zh: '非我区举办的区域性技能竞赛', en: 'not a regional competition held by the district' });
  if (organiser === false) evaluation.ineligible(RULE, { zh: '申请人不是竞赛实际承办方', en: 'the applicant is not the actual organiser' });
  if (byDistrict === undefined || organiser === undefined) {
    evaluation.review(RULE, { zh: '未能确认为我区举办竞赛的实际承办方', en: 'not established that the applicant actually organised a district competition' });
  }
  const budget = evaluation.read('competition', competition, 'budgetYuan');
  const actual = evaluation.read('competition', competition, 'actualCostsYuan');
  const city = evaluation.read('competition', competition, 'citySubsidyYuan');
  const base = evaluation.interpretation('competition_shortfall_base') === 'actual_costs' || budget === undefined ? actual : Math.min(actual ?? 0, budget);
  if (actual === undefined || city === undefined) {
    evaluation.review(RULE, { zh: '实际费用或市级补助金额未能确认', en: 'the actual costs or the city subsidy are not established' });
    return;
  }
  const shortfall = Math.max(0, (base ?? 0) - city);
  evaluation.use('competition.shortfallYuan', shortfall);
  if (shortfall === 0) {
    evaluation.ineligible(RULE, { zh: '市级补助已覆盖竞赛费用，无不足部分', en: 'the city subsidy covers the costs: no shortfall' });
    return;
  }
  if (competition.participantsPassed !== undefined) evaluation.countTowardsTarget(competition.participantsPassed);
  evaluation.pay(shortfall);
  evaluation.payable(RULE, {
    zh: `核减市级补助${city}元后，不足部分${shortfall}元`,
    en: `shortfall after the city subsidy of ${city} yuan: ${shortfall} yuan`,
  });
}
