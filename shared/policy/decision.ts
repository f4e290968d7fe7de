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
 * Whether the amount can be paid as it stands: `final` (every figure behind it is confirmed), `awaiting_confirmation`
 * (it rests on a figure the policy delegates to another document and the bureau has not confirmed: the decision says
 * so in a reason and lists the figures in `awaitingConfirmation`), `none` (nothing payable).
 */
export const amountStatusSchema = z.enum(['final', 'awaiting_confirmation', 'none']);
export type AmountStatus = z.infer<typeof amountStatusSchema>;

/** An unconfirmed figure an amount rests on, with the document the policy delegates it to. */
export const awaitingConfirmationSchema = z.object({
  parameter: z.string(),
  value: z.unknown(),
  document: z.string(),
  clause: z.string(),
  /** Where the figure was reported. */
  source: z.string().optional(),
});
export type AwaitingConfirmation = z.infer<typeof awaitingConfirmationSchema>;

/**
 * What a claim counts towards the bureau's yearly aims (XH36-1: 平均每年培训1.25万人次以上): the training person-times
 * and the certificates by kind and level (`level` absent where the certificate has none).
 */
export const targetCountsSchema = z.object({
  personTimes: z.number().int().nonnegative(),
  certificates: z.array(z.object({ kind: z.string(), level: z.string().optional(), count: z.number().int().nonnegative() })),
});
export type TargetCounts = z.infer<typeof targetCountsSchema>;

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
  missingDocumentDetails: z.array(z.object({ code: z.string(), ruleId: z.string(), zh: z.string(), en: z.string() })).optional(),
  /** Readings of the policy's open points the decision relied on (`interpretation.x=value`). Optional, additive. */
  interpretationsApplied: z.array(z.string()).optional(),
  /** Whether the amount is final or awaits the bureau's confirmation of a figure. Optional, additive (absent = older decision). */
  amountStatus: amountStatusSchema.optional(),
  /** The unconfirmed figures the amount rests on (with `amountStatus: 'awaiting_confirmation'`). Optional, additive. */
  awaitingConfirmation: z.array(awaitingConfirmationSchema).optional(),
  /** What the claim counts towards XH36-1's yearly aims (person-times, certificates). Optional, additive. */
  targetCounts: targetCountsSchema.optional(),
  /** Set when a claim key was already held: the case that holds it (the claim is a duplicate, not paid twice). */
  duplicateOf: z.string().optional(),
});
export type Decision = z.infer<typeof decisionSchema>;
