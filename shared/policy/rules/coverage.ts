import type { Evaluation } from '../evaluation.js';
import type { PersonFacts } from '../facts.js';
import { COMMITMENT_LETTER } from '../materials.js';

/**
 * XH36-2.1: 对具有本地户籍、本地常住并办有居住证、在本地就业创业或在本地办理失业登记的城乡劳动者提供普惠同等的培训补贴。
 * 可将……不具有按月领取养老金资格的人员纳入政策范围. Returns `covered`, `not_covered` (a reason was recorded) or
 * `unknown` (sent to review).
 *
 * @example
 * if (personCovered(evaluation, evaluation.person()) === 'not_covered') return;
 */
export function personCovered(
  evaluation: Evaluation,
  person: PersonFacts | undefined,
  /** Local work shown by other facts (a labour contract with a Xihu enterprise). */
  worksLocallyShown = false,
): 'covered' | 'not_covered' | 'unknown' {
  if (!person) {
    evaluation.review('XH36-2.1', { zh: '未能确定申领人员身份', en: 'the person the claim is for is not identified' });
    return 'unknown';
  }
  const path = `persons[${person.ref}]`;
  const pension = evaluation.read(path, person, 'drawsMonthlyPension');
  if (pension === true) {
    evaluation.ineligible('XH36-2.1', {
      zh: '按月领取养老金的人员不在政策范围内',
      en: 'people drawing a monthly pension are not covered',
    });
    return 'not_covered';
  }
  if (pension === undefined && pensionUnknown(evaluation) === 'not_covered') return 'not_covered';

  const local = isLocalPlace(evaluation);
  const household = evaluation.read(path, person, 'householdRegistration');
  const permit = evaluation.read(path, person, 'residencePermit');
  const works = evaluation.read(path, person, 'worksLocally');
  const unemployed = evaluation.read(path, person, 'unemploymentRegisteredLocally');
  const permitValid = permit !== undefined && local(permit) && (permit.validUntil === undefined || permit.validUntil >= evaluation.date);
  if ((household !== undefined && local(household)) || permitValid || works === true || worksLocallyShown || unemployed === true) return 'covered';

  const anyKnown = household !== undefined || permit !== undefined || works === false || unemployed === false;
  if (!anyKnown) {
    evaluation.review('XH36-2.1', {
      zh: '未能确认本地户籍、居住证、本地就业创业或本地失业登记',
      en: 'no local household registration, residence permit, local work or local unemployment registration is established',
    });
    return 'unknown';
  }
  evaluation.ineligible('XH36-2.1', {
    zh: '非本地户籍、无本地居住证、未在本地就业创业或办理失业登记，不在政策范围内',
    en: 'not covered: no local household registration, no local residence permit, no local work and no local unemployment registration',
  });
  return 'not_covered';
}

/**
 * 可将……不具有按月领取养老金资格的人员纳入政策范围, when no document says whether the person draws a pension. Under the
 * 告知承诺制 (XH36-4.1) the applicant's commitment answers it: a signed commitment declaring no pension is the fact the
 * default rests on (traced with its document). Without one, `interpretation.pension_unknown` decides:
 * `assume_not_drawing` (proceed, the decision lists the reading), `ask_for_commitment` (ask for the 告知承诺书) or
 * `needs_review`.
 */
function pensionUnknown(evaluation: Evaluation): 'covered' | 'not_covered' | 'unknown' {
  const commitment = evaluation.facts.commitment;
  if (commitment) {
    const signed = evaluation.read('commitment', commitment, 'signed');
    const declares = evaluation.read('commitment', commitment, 'declaresNoMonthlyPension');
    evaluation.read('commitment', commitment, 'signedOn');
    if (signed && declares === false) {
      evaluation.ineligible('XH36-2.1', {
        zh: '告知承诺书未承诺不具有按月领取养老金资格，不在政策范围内',
        en: 'the signed commitment does not declare that the person has no monthly pension: not covered',
      });
      return 'not_covered';
    }
    if (signed && declares === true) return 'covered';
  }
  const reading = evaluation.interpretation('pension_unknown');
  if (reading === 'needs_review') {
    evaluation.review('XH36-2.1', { zh: '未确认是否按月领取养老金', en: 'whether the person draws a monthly pension is not established' });
    return 'unknown';
  }
  if (reading === 'ask_for_commitment') {
    if (!evaluation.facts.materials.includes('commitment_letter')) evaluation.missingDocument(COMMITMENT_LETTER);
    else
      evaluation.review('XH36-4.1', { zh: '告知承诺书未能识别或未承诺不领取养老金', en: 'the commitment could not be read or does not declare the pension' });
    return 'unknown';
  }
  return 'covered';
}

/**
 * Whether a place is "local" under the chosen reading of 本地 (`interpretation.local_area`).
 *
 * @example
 * isLocalPlace(evaluation)({ city: '杭州市', district: '西湖区' }); // true
 */
export function isLocalPlace(evaluation: Evaluation): (place: { city?: string; district?: string }) => boolean {
  const area = evaluation.interpretation('local_area');
  if (area === 'xihu') return (place) => isXihu(place.district);
  return (place) => (place.city?.includes('杭州') ?? false) || isXihu(place.district);
}

/**
 * Whether a district name is Xihu (西湖区), the district the policy's "我区" means.
 *
 * @example
 * isXihu('西湖区'); // true
 */
export function isXihu(district: string | undefined): boolean {
  return district !== undefined && district.includes('西湖');
}
