import type { Decision } from './decision.js';
import { InvalidFactsError, ParameterNotInForceError } from './errors.js';
import { Evaluation } from './evaluation.js';
import { factsSchema, type ClaimFacts, type ClaimFactsInput } from './facts.js';
import type { ParameterSet } from './parameters.js';
import { UNCLASSIFIED } from './programmes.js';
import { applyHeldClaims, ledgerFromFacts } from './rules/cross-claim.js';
import { PROGRAMME_RULES } from './rules/index.js';

export interface EvaluateOptions {
  /** The parameters to judge by: the composition root's (read through the `ParameterSource` port), or a test's own. */
  parameters: ParameterSet;
  /** Validate the facts with the zod schema first (off by default: callers that built facts in code skip the cost). */
  validate?: boolean;
}

/**
 * Judges one claim: pure, synchronous, no I/O (the parameters come in read). The decision says which clause
 * applied, the outcome, the integer yuan, the reasons (zh/en), what is missing, the facts used and where they came
 * from, the unconfirmed figures used and the claim keys the store must enforce.
 *
 * @example
 * const decision = evaluateClaim({ programme: 'XH36-3.7.c', claimDate: '2023-01-10', applicant: { kind: 'individual' }, ... }, { parameters });
 * decision.outcome; // 'eligible'
 * decision.amountYuan; // 5000
 */
export function evaluateClaim(input: ClaimFactsInput | ClaimFacts, options: EvaluateOptions): Decision {
  const facts = options.validate ? parseClaimFacts(input) : withDefaults(input);
  const { parameters } = options;
  if (!facts.programme) {
    const evaluation = new Evaluation(facts, UNCLASSIFIED, parameters, facts.claimDate);
    evaluation.review('XH36-3', {
      zh: '未能根据材料确定申请的补贴项目，请人工分类',
      en: 'the documents do not show which programme is claimed: a clerk must classify the claim',
    });
    return evaluation.toDecision();
  }
  const evaluation = new Evaluation(facts, facts.programme, parameters, facts.claimDate);
  try {
    PROGRAMME_RULES[facts.programme].evaluate(evaluation);
  } catch (error) {
    if (!(error instanceof ParameterNotInForceError)) throw error;
    // A policy is in force but this figure is not: the parameter data is incomplete. Say so; never pay a zero.
    const halted = new Evaluation(facts, facts.programme, parameters, error.date);
    halted.review(facts.programme, {
      zh: `参数${error.parameter}在${error.date}无有效值，无法按规则判断，请补充政策参数`,
      en: `parameter ${error.parameter} has no value in force on ${error.date}: the rules cannot judge this claim until the policy data is completed`,
    });
    return { ...halted.toDecision(), amountYuan: 0, claimKeys: [] };
  }
  const decision = evaluation.toDecision();
  // Claims already held (once per person, one claim per certificate, six studios a year): the same rule the store's
  // path applies when its transaction finds a key taken.
  return facts.claimsHeld || facts.studiosNamed ? applyHeldClaims(decision, ledgerFromFacts(facts), facts.caseId) : decision;
}

/**
 * Validates facts (from a FACTS.json file, an API body) against the schema; throws `InvalidFactsError` with zod's issues.
 *
 * @example
 * parseClaimFacts(JSON.parse(readFileSync('facts.json', 'utf8')));
 */
export function parseClaimFacts(input: unknown): ClaimFacts {
  const parsed = factsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidFactsError(parsed.error.issues, { cause: parsed.error });
  return parsed.data;
}

const EMPTY: never[] = [];

// The schema's defaults without the cost of a parse, for facts built in code (the hot path).
function withDefaults(input: ClaimFactsInput | ClaimFacts): ClaimFacts {
  const persons = input.persons ?? EMPTY;
  // One object literal of fixed shape: cheaper than a spread of whatever shape the caller built.
  return {
    programme: input.programme,
    claimDate: input.claimDate,
    applicant: input.applicant,
    persons: persons.every(hasRef) ? (persons as ClaimFacts['persons']) : persons.map((p, i) => ({ ...p, ref: p.ref ?? `p${i + 1}` })),
    certificates: input.certificates ?? EMPTY,
    labourContracts: input.labourContracts ?? EMPTY,
    engagementLetters: input.engagementLetters ?? EMPTY,
    internshipAgreements: input.internshipAgreements ?? EMPTY,
    employmentAgreements: input.employmentAgreements ?? EMPTY,
    socialInsurance: input.socialInsurance ?? EMPTY,
    apprenticeship: input.apprenticeship,
    studio: input.studio,
    competition: input.competition,
    projectTraining: input.projectTraining,
    entrepreneurshipTraining: input.entrepreneurshipTraining,
    sectorTraining: input.sectorTraining,
    materials: input.materials ?? EMPTY,
    unverifiedFields: input.unverifiedFields,
    commitment: input.commitment,
    caseId: input.caseId,
    claimsHeld: input.claimsHeld,
    studiosNamed: input.studiosNamed,
  };
}

function hasRef(person: { ref?: string }): boolean {
  return person.ref !== undefined;
}
