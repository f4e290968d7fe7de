/**
 * `intake rules evaluate FACTS.json [--json]`, `intake rules explain [--date YYYY-MM-DD]`,
 * `intake rules schema [--write]` and `intake rules test TABLE.yaml...`: the policy of 西人社〔2020〕36号 from the
 * command line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadParameterFiles, policyParametersDir } from '../../shared/adapters/parameter-files.js';
import {
  InvalidFactsError,
  PolicyTestTableError,
  evaluateClaim,
  parsePolicyTestTable,
  runPolicyTestTable,
  type TableCaseResult,
  explainRules,
  factsJsonSchemaText,
  parseClaimFacts,
  type Decision,
  type ParameterSet,
  type RuleExplanation,
} from '../../shared/policy/index.js';

const OUTCOME_ZH: Record<Decision['outcome'], string> = {
  eligible: '符合条件',
  ineligible: '不符合条件',
  needs_review: '需人工审核',
  missing_documents: '材料不全',
};

/**
 * The parameters the CLI judges by: `INTAKE_POLICY_PARAMETERS_DIR` when set, else the shipped files.
 *
 * @example
 * evaluateClaim(facts, { parameters: cliParameters() });
 */
export function cliParameters(): ParameterSet {
  return loadParameterFiles([policyParametersDir(process.env)]);
}

/** Where the committed JSON Schema of the facts lives. */
export const FACTS_SCHEMA_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'facts.schema.json');

/**
 * Registers the `rules` command group.
 *
 * @example
 * register(new Command('intake')); // intake rules evaluate facts.json --json
 */
export function register(program: Command): void {
  const rules = program.command('rules').description('the subsidy rules of 西人社〔2020〕36号 (evaluate facts, explain the rules in force)');

  rules
    .command('evaluate')
    .argument('<facts>', 'a FACTS.json file (see docs/facts.schema.json)')
    .option('--json', 'print the decision as JSON')
    .description('judge one claim from its facts and print the decision')
    .action((file: string, options: { json?: boolean }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        console.error(`cannot read ${file}: ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      try {
        const decision = evaluateClaim(parseClaimFacts(raw), { parameters: cliParameters() });
        console.log(options.json ? JSON.stringify(decision, null, 2) : formatDecision(decision));
      } catch (error) {
        if (!(error instanceof InvalidFactsError)) throw error;
        console.error(`invalid facts in ${file}:`);
        for (const issue of error.issues) console.error(`  ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
        process.exitCode = 1;
      }
    });

  rules
    .command('explain')
    .option('--date <date>', 'the date whose rules to show (YYYY-MM-DD)', new Date().toISOString().slice(0, 10))
    .option('--json', 'print as JSON')
    .description('print every rule with its clause and the parameters in force on a date')
    .action((options: { date: string; json?: boolean }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
        console.error(`--date must be YYYY-MM-DD, got ${options.date}`);
        process.exitCode = 1;
        return;
      }
      const explanations = explainRules(options.date, cliParameters());
      console.log(options.json ? JSON.stringify(explanations, null, 2) : formatExplanations(options.date, explanations));
    });

  rules
    .command('test')
    .argument('<tables...>', 'policy test tables (YAML, see docs/policy-tests.md)')
    .option('--verbose', 'print every case, not only the failures')
    .description('run policy test tables: facts in, expected outcome, amount and reasons out; exits 1 if a case fails')
    .action((files: string[], options: { verbose?: boolean }) => {
      let passed = 0;
      let failed = 0;
      for (const file of files) {
        let results: TableCaseResult[];
        try {
          const table = parsePolicyTestTable(readFileSync(file, 'utf8'), file);
          console.log(`${file}: ${table.clause} ${table.title}`);
          results = runPolicyTestTable(table, { parameters: cliParameters() });
        } catch (error) {
          if (!(error instanceof PolicyTestTableError) && (error as NodeJS.ErrnoException).code === undefined) throw error;
          console.error(`cannot run ${file}: ${(error as Error).message}`);
          failed++;
          continue;
        }
        for (const result of results) {
          if (result.passed) passed++;
          else failed++;
          if (result.passed && !options.verbose) continue;
          console.log(`  ${result.passed ? 'ok  ' : 'FAIL'} ${result.name}`);
          if (!result.passed) {
            console.log(`       ${result.text.replace(/\s+/g, ' ').slice(0, 160)}`);
            for (const failure of result.failures) console.log(`       - ${failure}`);
            if (result.decision) console.log(formatDecision(result.decision).replace(/^/gm, '       '));
          }
        }
      }
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0) process.exitCode = 1;
    });

  rules
    .command('schema')
    .option('--write', `write ${path.relative(process.cwd(), FACTS_SCHEMA_PATH)} instead of printing`)
    .description('the JSON Schema of claim facts, generated from the zod schema')
    .action((options: { write?: boolean }) => {
      if (options.write) writeFileSync(FACTS_SCHEMA_PATH, factsJsonSchemaText());
      else process.stdout.write(factsJsonSchemaText());
    });
}

/**
 * A decision as a clerk reads it: outcome and amount, then the reasons, what is missing, the figures to confirm.
 *
 * @example
 * console.log(formatDecision(evaluateClaim(facts)));
 */
export function formatDecision(decision: Decision): string {
  const lines = [
    `${decision.programme}  ${OUTCOME_ZH[decision.outcome]} (${decision.outcome})  ${decision.amountYuan} 元${decision.amountStatus === 'awaiting_confirmation' ? '（金额待区人社局确认 / awaiting confirmation）' : ''}  [rules of ${decision.evaluatedOn}]`,
    ...decision.reasons.map((r) => `  - ${r.ruleId} ${r.zh}\n      ${r.en}`),
  ];
  if (decision.missingDocuments.length > 0) {
    lines.push('  missing documents:');
    for (const detail of decision.missingDocumentDetails ?? decision.missingDocuments.map((code) => ({ code, zh: code, en: code, ruleId: '' }))) {
      lines.push(`    * ${detail.code}: ${detail.zh} (${detail.en})`);
    }
  }
  if (decision.unconfirmedParameters.length > 0) lines.push(`  unconfirmed figures used: ${decision.unconfirmedParameters.join(', ')}`);
  for (const a of decision.awaitingConfirmation ?? [])
    lines.push(
      `  awaiting confirmation: ${a.parameter} = ${JSON.stringify(a.value)} (${a.document} ${a.clause}${a.source ? `; reported by ${a.source}` : ''})`,
    );
  if (decision.claimKeys.length > 0)
    lines.push(`  claim keys: ${decision.claimKeys.map((k) => (k.kind === 'quota' ? `${k.key} (quota ${k.limit})` : k.key)).join(', ')}`);
  if (decision.duplicateOf) lines.push(`  duplicate of case ${decision.duplicateOf}`);
  return lines.join('\n');
}

function formatExplanations(date: string, explanations: RuleExplanation[]): string {
  const lines = [`Rules in force on ${date}:`];
  for (const rule of explanations) {
    lines.push(`\n${rule.ruleId}  ${rule.title.zh} — ${rule.title.en}`);
    for (const p of rule.parameters) {
      if (p.status === undefined) {
        lines.push(`  ${p.name}: (not in force on ${date})`);
        continue;
      }
      const shown = p.value === null ? '(figure unknown)' : JSON.stringify(p.value);
      const flag = p.status === 'confirmed' ? '' : ` [${p.status}]`;
      lines.push(`  ${p.name} = ${shown}${p.unit ? ` ${p.unit}` : ''}${flag}  — ${p.reference?.document} ${p.reference?.clause} (from ${p.from})`);
    }
  }
  return lines.join('\n');
}
