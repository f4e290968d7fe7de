/**
 * `intake cases [--queue Q] [--submission S] [--json]`: the cases in the review queues (all queues, or one), or the
 * cases of a submission, with their fields, decision and status. Reads the store through the storage adapters.
 */
import type { Command } from 'commander';
import { createDynamoDbDocumentClient } from '../../shared/adapters/aws-clients.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import type { ReviewCase } from '../../shared/cases/review-case.js';
import type { CaseRepository } from '../../shared/ports/case-repository.js';
import { resolveStackEndpoints } from '../../local/stack-endpoints.js';

interface CasesOptions {
  queue?: string;
  submission?: string;
  json?: boolean;
  limit: string;
}

/**
 * The cases to list: one queue (oldest first), a submission's, or every queue's in queue-name order.
 *
 * @example
 * const cases = await selectCases(repository, { queue: 'XH36-3.7.c', limit: 100 });
 */
export async function selectCases(cases: CaseRepository, options: { queue?: string; submission?: string; limit: number }): Promise<ReviewCase[]> {
  if (options.submission) return cases.listBySubmission(options.submission);
  const queues = options.queue ? [options.queue] : Object.keys(await cases.countQueues()).sort();
  const out: ReviewCase[] = [];
  for (const queue of queues) {
    let cursor: string | undefined;
    do {
      const page = await cases.listQueue(queue, { limit: Math.min(100, options.limit - out.length), cursor });
      // A queue page holds list rows (no documents); the listing prints each case's fields, so read the cases.
      for (const row of page.items) out.push((await cases.get(row.caseId)) ?? row);
      cursor = page.cursor;
    } while (cursor && out.length < options.limit);
    if (out.length >= options.limit) break;
  }
  return out.slice(0, options.limit);
}

function fieldValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A case as a few readable lines: header, decision with reasons, and each document's fields (flagged ones marked `?`).
 *
 * @example
 * console.log(formatCase(reviewCase));
 */
export function formatCase(reviewCase: ReviewCase): string {
  const lines = [`${reviewCase.caseId}  [${reviewCase.queue}]  ${reviewCase.status}  submission ${reviewCase.submissionId}  created ${reviewCase.createdAt}`];
  const decision = reviewCase.decision;
  if (decision) {
    lines.push(`  decision: ${decision.programme} ${decision.outcome}, ¥${decision.amountYuan} (parameters of ${decision.evaluatedOn})`);
    for (const reason of decision.reasons) lines.push(`    ${reason.ruleId}: ${reason.zh}`);
    if (decision.missingDocuments.length > 0) lines.push(`    missing: ${decision.missingDocuments.join(', ')}`);
  } else {
    lines.push('  decision: none yet');
  }
  for (const document of reviewCase.documents) {
    lines.push(`  ${document.type} (document ${document.documentId}, pages ${document.pages.join(',')})`);
    for (const [name, field] of Object.entries(document.fields)) {
      lines.push(`    ${field.needsReview ? '?' : ' '} ${name}: ${fieldValue(field.value)}  (${field.confidence.toFixed(2)})`);
    }
  }
  return lines.join('\n');
}

async function listCases(options: CasesOptions): Promise<void> {
  const where = resolveStackEndpoints();
  const db = createDynamoDbDocumentClient({ endpoint: where.dynamodb, region: where.region });
  try {
    const cases = await selectCases(new DynamoDbCaseRepository(db, where.tableName), {
      queue: options.queue,
      submission: options.submission,
      limit: Number(options.limit),
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(cases, null, 2)}\n`);
      return;
    }
    if (cases.length === 0) {
      console.log(options.queue ? `no case waits in queue ${options.queue}` : 'no case waits in any queue');
      return;
    }
    console.log(cases.map(formatCase).join('\n\n'));
  } finally {
    db.destroy();
  }
}

/**
 * Registers `intake cases`.
 *
 * @example
 * register(new Command('intake'));
 */
export function register(program: Command): void {
  program
    .command('cases')
    .description('list cases waiting for review with their fields, decision and status')
    .option('--queue <queue>', 'one review queue (a programme id such as XH36-3.7.c, or unclassified)')
    .option('--submission <id>', 'the cases of one submission, whatever their status')
    .option('--json', 'print the cases as JSON')
    .option('--limit <n>', 'at most this many cases', '200')
    .action((options: CasesOptions) =>
      listCases(options).catch((error: unknown) => {
        // A person typed this command: one sentence, not a stack trace.
        const refused = String(error).includes('ECONNREFUSED') || (error as { name?: string }).name === 'TimeoutError';
        console.error(
          `intake cases: ${refused ? 'the stack does not answer — is `npm start` running?' : error instanceof Error ? error.message : String(error)}`,
        );
        process.exitCode = 1;
      }),
    );
}
