import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { toStoreError } from './dynamodb-errors.js';

type Item = Record<string, NativeAttributeValue>;

/**
 * Drains a lib-dynamodb paginator (`paginateQuery` / `paginateScan`) into mapped items, turning SDK failures into
 * the adapters' store errors named after `operation`.
 *
 * @example
 * const cases = await collectPages('query cases', paginateQuery({ client }, input), caseFromItem);
 */
export async function collectPages<T>(operation: string, pages: AsyncIterable<{ Items?: Item[] }>, map: (item: Item) => T): Promise<T[]> {
  const results: T[] = [];
  try {
    for await (const page of pages) for (const item of page.Items ?? []) results.push(map(item));
  } catch (error) {
    throw toStoreError(error, operation);
  }
  return results;
}

/**
 * Runs a query page after page until it has `limit` items (all of them when `limit` is undefined), each page asking
 * only for what is still missing; SDK failures become the adapters' store errors named after `operation`.
 *
 * @example
 * const jobs = await queryUpTo(db, 'list Textract jobs', { TableName, IndexName, KeyConditionExpression, ExpressionAttributeValues }, 50, parseJob);
 */
export async function queryUpTo<T>(
  db: DynamoDBDocumentClient,
  operation: string,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  limit: number | undefined,
  map: (item: Item) => T,
): Promise<T[]> {
  const results: T[] = [];
  let startKey: Record<string, NativeAttributeValue> | undefined;
  try {
    do {
      const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey, Limit: limit === undefined ? undefined : limit - results.length }));
      for (const item of page.Items ?? []) results.push(map(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey && (limit === undefined || results.length < limit));
  } catch (error) {
    throw toStoreError(error, operation);
  }
  return results;
}
