import { z } from 'zod';

/** Outcomes a rule evaluation can reach. */
export const decisionOutcomeSchema = z.enum(['eligible', 'ineligible', 'needs_review', 'missing_documents']);
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

/** A reason, citing the clause it comes from, in the clerk's language and in English. */
export const decisionReasonSchema = z.object({
  ruleId: z.string(), // e.g. 'XH36-3.7.c'
  zh: z.string(),
  en: z.string(),
});
export type DecisionReason = z.infer<typeof decisionReasonSchema>;

/** Which fact was used and where it came from (document and field), so a clerk can see why. */
export const factTraceSchema = z.object({
  fact: z.string(),
  value: z.unknown(),
  documentId: z.string().optional(),
  field: z.string().optional(),
});

/**
 * A constraint across claims that the store enforces when the case is written (same transaction):
 * `unique` keys may be held by one case only (once per person for XH36-3.7.c, one claim per certificate number for
 * XH36-3.7.a/b); `quota` keys count up to `limit` (six studios a year, XH36-3.6).
 */
export const claimKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unique'), key: z.string(), ruleId: z.string() }),
  z.object({ kind: z.literal('quota'), key: z.string(), limit: z.number().int().positive(), ruleId: z.string() }),
]);
export type ClaimKey = z.infer<typeof claimKeySchema>;

/**
 * The result of running the rules on a claim's facts.
 *
 * @example
 * decisionSchema.parse({ programme: 'XH36-3.7.c', outcome: 'eligible', amountYuan: 5000, reasons: [],
 *   missingDocuments: [], trace: [], unconfirmedParameters: [], claimKeys: [], evaluatedOn: '2021-06-18' });
 */
export const decisionSchema = z.object({
  programme: z.string(),
  outcome: decisionOutcomeSchema,
  amountYuan: z.number().int().nonnegative(),
  reasons: z.array(decisionReasonSchema),
  missingDocuments: z.array(z.string()),
  trace: z.array(factTraceSchema),
  /** Parameters whose figures are reported but not yet confirmed by the bureau. */
  unconfirmedParameters: z.array(z.string()),
  claimKeys: z.array(claimKeySchema),
  /** The date whose parameters were applied (YYYY-MM-DD). */
  evaluatedOn: z.string(),
  /** The missing documents as the materials list names them (same order as `missingDocuments`). Optional, additive. */
  missingDocumentDetails: z
    .array(z.object({ code: z.string(), ruleId: z.string(), zh: z.string(), en: z.string() }))
    .optional(),
  /** Readings of the policy's open points the decision relied on (`interpretation.x=value`). Optional, additive. */
  interpretationsApplied: z.array(z.string()).optional(),
  /** Set when a claim key was already held: the case that holds it (the claim is a duplicate, not paid twice). */
  duplicateOf: z.string().optional(),
});
export type Decision = z.infer<typeof decisionSchema>;
