import { GetCommand, type DynamoDBDocumentClient, type GetCommandInput } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { toStoreError } from './dynamodb-errors.js';

/**
 * One item by its key, as `map` makes it (usually the entity's schema over `entityAttributes`); undefined when there
 * is none. SDK failures become the adapters' store errors named after `operation`.
 *
 * @example
 * const batch = await readItem(db, { TableName, Key: batchKeys.batch(id), ConsistentRead: true }, 'get batch', parseBatch);
 */
export async function readItem<T>(
  db: DynamoDBDocumentClient,
  input: GetCommandInput,
  operation: string,
  map: (item: Record<string, NativeAttributeValue>) => T,
): Promise<T | undefined> {
  try {
    const { Item } = await db.send(new GetCommand(input));
    return Item ? map(Item) : undefined;
  } catch (error) {
    throw toStoreError(error, operation);
  }
}
