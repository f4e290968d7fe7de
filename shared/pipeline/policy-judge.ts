import type { CaseDocument } from '../cases/review-case.js';
import type { Decision } from '../policy/decision.js';
import { evaluateClaim, queueForDecision, withClaimKeyTaken, type ParameterSet } from '../policy/index.js';
import { buildClaimFacts } from './build-claim-facts.js';
import type { EnterpriseRegister, RegisteredEnterprise } from '../ports/enterprise-register.js';
import type { ClaimJudge } from './judge.js';

const CREDIT_CODE_FIELDS = ['employerCreditCode', 'creditCode'];
const ENTERPRISE_NAME_FIELDS = ['employerName', 'companyName', 'enterpriseName'];

/**
 * The district-register look-ups a case's documents call for, keyed as `buildClaimFacts` expects (by credit code
 * and by name as written; `null` = looked up, not registered).
 *
 * @example
 * const enterprises = await lookUpEnterprises(documents, register); // { '91330106MA2…': { name: …, district: '西湖区' } }
 */
export async function lookUpEnterprises(
  documents: readonly CaseDocument[],
  register: EnterpriseRegister,
): Promise<Record<string, RegisteredEnterprise | null>> {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const document of documents) {
    for (const name of CREDIT_CODE_FIELDS) {
      const value = document.fields[name]?.value;
      if (typeof value === 'string' && value) codes.add(value);
    }
    for (const name of ENTERPRISE_NAME_FIELDS) {
      const value = document.fields[name]?.value;
      if (typeof value === 'string' && value) names.add(value);
    }
  }
  const found: Record<string, RegisteredEnterprise | null> = {};
  await Promise.all([
    ...[...codes].map(async (code) => {
      found[code] = (await register.findByCreditCode(code)) ?? null;
    }),
    ...[...names].map(async (name) => {
      found[name] = (await register.findByName(name)) ?? null;
    }),
  ]);
  return found;
}

/**
 * The rules of shared/policy as the process stage's judge: facts built from the case's documents (with the
 * enterprise register consulted), evaluated, queued by programme.
 *
 * @example
 * const judge = createPolicyJudge({ enterprises: new DynamoDbEnterpriseRegister(db, table), parameters });
 */
export function createPolicyJudge(deps: { enterprises?: EnterpriseRegister; parameters: ParameterSet }): ClaimJudge {
  return {
    async judge(documents, context): Promise<Decision | undefined> {
      if (documents.length === 0) return undefined;
      const enterprises = deps.enterprises ? await lookUpEnterprises(documents, deps.enterprises) : undefined;
      const facts = buildClaimFacts(documents, {
        applicant: context.applicant,
        claimDate: context.claimDate,
        ...(enterprises ? { enterprises } : {}),
        ...(context.programme ? { programme: context.programme as Parameters<typeof buildClaimFacts>[1]['programme'] } : {}),
        ...(context.declared ? { declared: context.declared as Parameters<typeof buildClaimFacts>[1]['declared'] } : {}),
      });
      return evaluateClaim(facts, { parameters: deps.parameters });
    },
    queueFor: (decision) => (decision ? queueForDecision(decision) : 'unclassified'),
    withClaimKeyTaken: (decision, claimKey, heldBy) => withClaimKeyTaken(decision, claimKey, heldBy ?? 'unknown'),
  };
}
