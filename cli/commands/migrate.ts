/**
 * `intake migrate-indexes`: brings an existing intake table's global secondary indexes to the design in
 * shared/adapters/table-design.ts — creates a missing index, and replaces one whose projection differs (DynamoDB
 * cannot change a projection in place): delete, wait until it is gone, create, wait until DynamoDB has backfilled it
 * from the items and it is ACTIVE. One-off for tables made before the status index carried the list rows (it was
 * KEYS_ONLY; the case items already hold every attribute it projects, so no item is rewritten). Idempotent: a table
 * that matches is left alone, and a run stopped half-way is finished by the next. While the status index is being
 * replaced, lists by state fail: run it with the stack stopped, or at a quiet hour.
 *
 * Against the embedded stack it finds the table as the other commands do (`.data/endpoints.json`, or
 * INTAKE_TABLE_NAME + AWS_ENDPOINT_URL_DYNAMODB). A deployed table is CloudFormation's: see docs/data-model.md.
 */
import { DescribeTableCommand, DynamoDBClient, UpdateTableCommand, type GlobalSecondaryIndexDescription } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Command } from 'commander';
import { unpackAttribute } from '../../shared/adapters/dynamodb-items.js';
import { withOpenFindingCodes } from '../../shared/cases/findings.js';
import type { CaseDocument, ReviewCase } from '../../shared/cases/index.js';
import { resolveStackEndpoints } from '../../local/stack-endpoints.js';
import { projectionOf, tableDesign, type TableDesign } from '../../shared/adapters/table-design.js';

type DesignedIndex = TableDesign['globalSecondaryIndexes'][number];

export interface IndexMigration {
  indexName: string;
  action: 'created' | 'replaced';
}

/** True when the table's index has the design's keys and projection (non-key attributes in any order). */
export function indexMatchesDesign(actual: GlobalSecondaryIndexDescription, designed: DesignedIndex): boolean {
  const keys = (actual.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  if (keys !== `${designed.partitionKey.name}:HASH,${designed.sortKey.name}:RANGE`) return false;
  const wanted = projectionOf(designed);
  if (actual.Projection?.ProjectionType !== wanted.ProjectionType) return false;
  const have = [...(actual.Projection?.NonKeyAttributes ?? [])].sort().join(',');
  const nonKey: readonly string[] = (wanted as { NonKeyAttributes?: readonly string[] }).NonKeyAttributes ?? [];
  return have === [...nonKey].sort().join(',');
}

/**
 * Makes the table's indexes match the design; returns what it changed (empty when nothing).
 *
 * @example
 * await migrateIndexes(new DynamoDBClient({ endpoint: 'http://127.0.0.1:8000' }), 'intake'); // [{ indexName: 'status-index', action: 'replaced' }]
 */
export async function migrateIndexes(
  client: DynamoDBClient,
  tableName: string,
  options: { pollMs?: number; timeoutMs?: number; log?: (line: string) => void } = {},
): Promise<IndexMigration[]> {
  const pollMs = options.pollMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const log = options.log ?? (() => undefined);
  const describe = async () => (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.GlobalSecondaryIndexes ?? [];
  const waitFor = async (what: string, done: (indexes: GlobalSecondaryIndexDescription[]) => boolean) => {
    const started = Date.now();
    while (!done(await describe())) {
      if (Date.now() - started > timeoutMs) throw new Error(`${tableName}: ${what} took longer than ${Math.round(timeoutMs / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  const changes: IndexMigration[] = [];
  for (const designed of tableDesign.globalSecondaryIndexes) {
    const name = designed.indexName;
    const actual = (await describe()).find((index) => index.IndexName === name);
    if (actual && indexMatchesDesign(actual, designed)) {
      // Left ACTIVE by a finished run, or still backfilling from a run stopped while it waited.
      await waitFor(`${name} becoming ACTIVE`, (indexes) => indexes.find((i) => i.IndexName === name)?.IndexStatus === 'ACTIVE');
      continue;
    }
    if (actual) {
      log(`${name}: ${actual.Projection?.ProjectionType} → ${designed.projection}; deleting the old index`);
      if (actual.IndexStatus !== 'DELETING') {
        await client.send(new UpdateTableCommand({ TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: name } }] }));
      }
      await waitFor(`deleting ${name}`, (indexes) => !indexes.some((i) => i.IndexName === name));
    }
    log(`${name}: creating it (${designed.projection}); DynamoDB backfills it from the items`);
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: designed.partitionKey.name, AttributeType: designed.partitionKey.type },
          { AttributeName: designed.sortKey.name, AttributeType: designed.sortKey.type },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: name,
              KeySchema: [
                { AttributeName: designed.partitionKey.name, KeyType: 'HASH' },
                { AttributeName: designed.sortKey.name, KeyType: 'RANGE' },
              ],
              Projection: projectionOf(designed),
            },
          },
        ],
      }),
    );
    await waitFor(`${name} becoming ACTIVE`, (indexes) => indexes.find((i) => i.IndexName === name)?.IndexStatus === 'ACTIVE');
    changes.push({ indexName: name, action: actual ? 'replaced' : 'created' });
  }
  return changes;
}

/**
 * Sets `openFindingCodes` on case items written before the case store kept it (issue 16: a list row tells an open
 * finding without the documents). Reads every case item once (a Scan of `entity = case`), computes the codes from its
 * documents as the store does on each write, and writes only the items whose codes differ, on the condition that the
 * case's version is still the one read (a case written meanwhile already carries its codes). The version is not
 * raised: the codes are derived from what the case holds. Idempotent: a second run writes nothing.
 *
 * @example
 * await backfillOpenFindingCodes(db, 'intake'); // { scanned: 1200, updated: 3 }
 */
export async function backfillOpenFindingCodes(db: DynamoDBDocumentClient, tableName: string): Promise<{ scanned: number; updated: number }> {
  let scanned = 0;
  let updated = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'entity = :case',
        ExpressionAttributeValues: { ':case': 'case' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      scanned++;
      const stored = {
        documents: (unpackAttribute(item, 'documents') ?? []) as CaseDocument[],
        applicant: item.applicant as ReviewCase['applicant'],
        resolvedFindings: item.resolvedFindings as ReviewCase['resolvedFindings'],
        openFindingCodes: item.openFindingCodes as ReviewCase['openFindingCodes'],
      };
      const codes = withOpenFindingCodes(stored).openFindingCodes;
      if (JSON.stringify(codes ?? []) === JSON.stringify(stored.openFindingCodes ?? [])) continue;
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: item.PK, SK: item.SK },
            UpdateExpression: codes ? 'SET openFindingCodes = :codes' : 'REMOVE openFindingCodes',
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': item.version, ...(codes ? { ':codes': codes } : {}) },
          }),
        );
        updated++;
      } catch (error) {
        // Written since the Scan: the write that moved its version set the codes.
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { scanned, updated };
}

/**
 * Registers `intake migrate-indexes`.
 *
 * @example
 * register(new Command('intake')); // intake migrate-indexes
 */
export function register(program: Command): void {
  program
    .command('migrate-indexes')
    .description("bring the table's secondary indexes and case items to the design (one-off: list rows, open findings)")
    .action(async () => {
      const where = resolveStackEndpoints();
      const client = new DynamoDBClient({
        region: where.region,
        endpoint: where.dynamodb,
        ...(where.dynamodb && !process.env.AWS_ACCESS_KEY_ID ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
      });
      try {
        const changes = await migrateIndexes(client, where.tableName, { log: (line) => console.log(line) });
        console.log(
          changes.length === 0 ? `${where.tableName}: indexes already match the design` : changes.map((c) => `${c.indexName}: ${c.action}`).join('\n'),
        );
        const items = await backfillOpenFindingCodes(DynamoDBDocumentClient.from(client), where.tableName);
        console.log(`${where.tableName}: ${items.scanned} cases read, open findings noted on ${items.updated}`);
      } catch (error) {
        console.error(`intake migrate-indexes: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      } finally {
        client.destroy();
      }
    });
}
