export * from './decision.js';
export * from './errors.js';
export * from './facts.js';
export * from './materials.js';
export * from './programmes.js';
export {
  parameterSetFrom,
  parameterTimeline,
  ParameterSet,
  parameterFileSchema,
  parameterStatusSchema,
  legalReferenceSchema,
  type ParameterFile,
  type ParameterReading,
  type ParameterSegment,
  type ParameterStatus,
  type ParameterValue,
  type LegalReference,
} from './parameters.js';
export { evaluateClaim, parseClaimFacts, type EvaluateOptions } from './evaluate-claim.js';
export { explainRules, type RuleExplanation } from './explain-rules.js';
export { queueForDecision, withClaimKeyTaken } from './claim-keys.js';
export { factsJsonSchemaText } from './facts-json-schema.js';
export { countInsuredMonths, type InsuredMonths } from './rules/social-insurance.js';
export { personKey } from './rules/high-skilled-individual.js';
export { certificateClaimKey } from './rules/high-skilled-body-enterprise.js';
export { maskIdNumber } from './evaluation.js';
export {
  applyHeldClaims,
  claimKeyTaken,
  ledgerFromFacts,
  ledgerFromStoreConflict,
  studioQuotaKey,
  studioKey,
  certificateTrainingKey,
  type ClaimKeyLedger,
  type ClaimKeyState,
} from './rules/cross-claim.js';
export {
  parsePolicyTestTable,
  runPolicyTestTable,
  caseFacts,
  policyTestTableSchema,
  PolicyTestTableError,
  type PolicyTestTable,
  type TableCase,
  type TableCaseResult,
} from './test-tables.js';
export { yearlyTarget } from './targets.js';
