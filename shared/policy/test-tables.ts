import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { amountStatusSchema, decisionOutcomeSchema, type Decision } from './decision.js';
import { evaluateClaim } from './evaluate-claim.js';
import { InvalidFactsError, PolicyError } from './errors.js';
import { factsSchema } from './facts.js';
import type { ParameterSet } from './parameters.js';

/**
 * What a case expects of the decision. Only what is written is checked: `reasons` lists sentences (or parts of
 * sentences) that must appear among the decision's reasons, in Chinese or English; `reasonsAbsent` lists parts that
 * must not appear in any reason; `missingDocuments` is the exact list of codes.
 */
export const tableExpectationSchema = z
  .object({
    outcome: decisionOutcomeSchema,
    amount: z.number().int().nonnegative().optional(),
    amountStatus: amountStatusSchema.optional(),
    reasons: z.array(z.string()).optional(),
    reasonsAbsent: z.array(z.string()).optional(),
    missingDocuments: z.array(z.string()).optional(),
    duplicateOf: z.string().optional(),
    evaluatedOn: z.string().optional(),
    awaitingConfirmation: z.array(z.string()).optional(),
    interpretationsApplied: z.array(z.string()).optional(),
  })
  .strict();

/** One row: a name, the sentence of the text it pins, the facts (over the table's base), the expected decision. */
export const tableCaseSchema = z
  .object({
    name: z.string().min(1),
    /** The sentence of 西人社〔2020〕36号 this case pins (quoted in Chinese). */
    text: z.string().min(1).optional(),
    facts: z.record(z.string(), z.unknown()).default({}),
    /** Parameter values replaced for this case (readings switched, figures tried): `name: value`. */
    parameters: z.record(z.string(), z.unknown()).optional(),
    expect: tableExpectationSchema,
  })
  .strict();

/**
 * A policy test table (docs/policy-tests.md): OpenFisca-style, facts in, expected outcome, amount and reasons out.
 */
export const policyTestTableSchema = z
  .object({
    title: z.string().min(1),
    /** The clause the table is about (`XH36-3.1`). */
    clause: z.string().min(1),
    /** The sentence(s) of the text the whole table pins; a case may quote its own. */
    text: z.string().min(1),
    /** Facts every case starts from; a case's `facts` are merged over them (objects merged, lists replaced, `null` removes). */
    base: z.record(z.string(), z.unknown()).default({}),
    cases: z.array(tableCaseSchema).min(1),
  })
  .strict();
export type PolicyTestTable = z.infer<typeof policyTestTableSchema>;
export type TableCase = z.infer<typeof tableCaseSchema>;

/** The result of one case: passed, or the differences found, with the decision for a person to read. */
export interface TableCaseResult {
  name: string;
  text: string;
  passed: boolean;
  failures: string[];
  decision?: Decision;
}

/** A table that does not parse or whose facts do not fit the schema. */
export class PolicyTestTableError extends PolicyError {
  constructor(
    readonly file: string,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super('policy_test_table_invalid', `${file}: ${detail}`, options);
  }
}

/**
 * Reads a table from its YAML text; throws `PolicyTestTableError` naming the file and the path of each problem.
 *
 * @example
 * const table = parsePolicyTestTable(readFileSync('test/policy/tables/apprenticeship.yaml', 'utf8'), 'apprenticeship.yaml');
 */
export function parsePolicyTestTable(text: string, file: string): PolicyTestTable {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new PolicyTestTableError(file, `not readable YAML: ${(error as Error).message}`, { cause: error });
  }
  const parsed = policyTestTableSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PolicyTestTableError(file, parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; '), {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * The facts of a case: the table's base with the case's facts merged over it.
 *
 * @example
 * caseFacts({ base: { claimDate: '2021-01-01' } } as PolicyTestTable, { facts: { claimDate: '2021-02-01' } } as TableCase);
 */
export function caseFacts(table: Pick<PolicyTestTable, 'base'>, row: Pick<TableCase, 'facts'>): Record<string, unknown> {
  return merge(table.base, row.facts) as Record<string, unknown>;
}

/**
 * Runs every case of a table against the rules with `parameters` (a row's own values replace them) and compares.
 *
 * @example
 * runPolicyTestTable(table, { parameters }).filter((r) => !r.passed); // []
 */
export function runPolicyTestTable(table: PolicyTestTable, options: { parameters: ParameterSet }): TableCaseResult[] {
  const base = options.parameters;
  return table.cases.map((row) => runCase(table, row, base));
}

function runCase(table: PolicyTestTable, row: TableCase, base: ParameterSet): TableCaseResult {
  const text = row.text ?? table.text;
  const result = (failures: string[], decision?: Decision): TableCaseResult => ({ name: row.name, text, passed: failures.length === 0, failures, decision });
  const facts = factsSchema.safeParse(caseFacts(table, row));
  if (!facts.success) {
    return result(facts.error.issues.map((i) => `facts ${i.path.map(String).join('.') || '(root)'}: ${i.message}`));
  }
  let parameters = base;
  if (row.parameters) {
    try {
      parameters = base.withValues(row.parameters as Parameters<ParameterSet['withValues']>[0]);
    } catch (error) {
      return result([`parameters: ${(error as Error).message}`]);
    }
  }
  let decision: Decision;
  try {
    decision = evaluateClaim(facts.data, { parameters });
  } catch (error) {
    if (error instanceof InvalidFactsError) return result([`facts: ${error.message}`]);
    throw error;
  }
  return result(compare(row.expect, decision), decision);
}

function compare(expect: TableCase['expect'], decision: Decision): string[] {
  const failures: string[] = [];
  const differs = (what: string, expected: unknown, actual: unknown) =>
    failures.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  if (decision.outcome !== expect.outcome) differs('outcome', expect.outcome, decision.outcome);
  if (expect.amount !== undefined && decision.amountYuan !== expect.amount) differs('amount', expect.amount, decision.amountYuan);
  if (expect.amountStatus !== undefined && decision.amountStatus !== expect.amountStatus) differs('amountStatus', expect.amountStatus, decision.amountStatus);
  if (expect.duplicateOf !== undefined && decision.duplicateOf !== expect.duplicateOf) differs('duplicateOf', expect.duplicateOf, decision.duplicateOf);
  if (expect.evaluatedOn !== undefined && decision.evaluatedOn !== expect.evaluatedOn) differs('evaluatedOn', expect.evaluatedOn, decision.evaluatedOn);
  if (expect.missingDocuments !== undefined && !sameList(expect.missingDocuments, decision.missingDocuments)) {
    differs('missingDocuments', expect.missingDocuments, decision.missingDocuments);
  }
  const awaiting = (decision.awaitingConfirmation ?? []).map((a) => a.parameter);
  if (expect.awaitingConfirmation !== undefined && !sameList(expect.awaitingConfirmation, awaiting))
    differs('awaitingConfirmation', expect.awaitingConfirmation, awaiting);
  for (const label of expect.interpretationsApplied ?? []) {
    if (!(decision.interpretationsApplied ?? []).includes(label)) differs('interpretationsApplied includes', label, decision.interpretationsApplied);
  }
  const sentences = decision.reasons.flatMap((r) => [r.zh, r.en]);
  for (const wanted of expect.reasons ?? []) {
    if (!sentences.some((s) => s.includes(wanted)))
      failures.push(`reasons: no reason contains ${JSON.stringify(wanted)}; reasons are ${JSON.stringify(decision.reasons.map((r) => r.zh))}`);
  }
  for (const unwanted of expect.reasonsAbsent ?? []) {
    const found = sentences.find((s) => s.includes(unwanted));
    if (found) failures.push(`reasons: ${JSON.stringify(unwanted)} must not appear, found in ${JSON.stringify(found)}`);
  }
  return failures;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// Objects merged key by key, lists and values replaced, `null` removes the key (a fact that is not known).
function merge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    else out[key] = key in base ? merge(base[key], value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
