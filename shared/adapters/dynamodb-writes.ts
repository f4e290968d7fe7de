import { PutCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { toStoreError } from './dynamodb-errors.js';

/**
 * Writes one item, replacing any under its key; SDK failures become the adapters' store errors named after
 * `operation`.
 *
 * @example
 * await putItem(db, { TableName, Item: { ...batchKeys.batch(id), entity: 'batch', ...batch } }, 'put batch');
 */
export async function putItem(db: DynamoDBDocumentClient, input: PutCommandInput, operation: string): Promise<void> {
  try {
    await db.send(new PutCommand(input));
  } catch (error) {
    throw toStoreError(error, operation);
  }
}

/**
 * Writes one item when its `ConditionExpression` holds: true when written, false when the condition failed (the key
 * is taken, or the item moved on); other SDK failures become store errors named after `operation`.
 *
 * @example
 * const created = await putWhen(db, { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }, 'register e-mail');
 */
export async function putWhen(db: DynamoDBDocumentClient, input: PutCommandInput & { ConditionExpression: string }, operation: string): Promise<boolean> {
  try {
    await db.send(new PutCommand(input));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw toStoreError(error, operation);
  }
}
