import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClaimKey } from '../policy/decision.js';
import { ClaimKeyTakenError } from '../ports/case-repository.js';
import { pseudonymKey } from './dynamodb-items.js';
import type { TransactionCancelled, TransactItem } from './dynamodb-transactions.js';

/**
 * Claim-key items: the transactional form of the cross-claim rule `claimKeyTaken` (shared/policy/rules/cross-claim.ts)
 * — one claim per certificate, one per person, a quota per key. A case write takes the keys its decision holds and
 * releases those it no longer holds in the same transaction as the case; a key found taken becomes the finding
 * `withClaimKeyTaken` makes, the same one `evaluateClaim` makes from `claimsHeld` facts.
 *
 * @example
 * const claimKeys = new DynamoDbClaimKeys(db, tableName, secret);
 * const { take, release } = claimKeyChanges(held, wanted);
 * items.push(...take.map((key) => claimKeys.take(key, caseId)), ...release.map((key) => claimKeys.release(key, caseId)));
 */
export class DynamoDbClaimKeys {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly secret: string,
  ) {}

  /** The partition key of a claim key's item: keyed-hashed, since once-per-person keys hold an ID number. */
  itemKey(key: ClaimKey): { PK: string; SK: string } {
    return { PK: `CLAIM#${pseudonymKey(`${key.kind}\u0000${key.key}`, this.secret)}`, SK: key.kind === 'unique' ? 'UNIQUE' : 'QUOTA' };
  }

  /** Takes the key for the case: a unique key unless another case holds it, a quota key while under its limit. */
  take(key: ClaimKey, caseId: string): TransactItem {
    const itemKey = this.itemKey(key);
    if (key.kind === 'unique') {
      return {
        Put: {
          TableName: this.tableName,
          Item: { ...itemKey, entity: 'claim-key', holder: caseId, ruleId: key.ruleId },
          ConditionExpression: 'attribute_not_exists(PK) OR holder = :caseId',
          ExpressionAttributeValues: { ':caseId': caseId },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
    }
    return {
      Update: {
        TableName: this.tableName,
        Key: itemKey,
        UpdateExpression: 'ADD #count :one SET entity = :entity, ruleId = :ruleId, #limit = :limit',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count', '#limit': 'limit' },
        ExpressionAttributeValues: { ':one': 1, ':limit': key.limit, ':entity': 'claim-quota', ':ruleId': key.ruleId },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  /** Gives the key back: a unique key only if the case holds it, a quota key one count down. */
  release(key: ClaimKey, caseId: string): TransactItem {
    const itemKey = this.itemKey(key);
    if (key.kind === 'unique') {
      return {
        Delete: { TableName: this.tableName, Key: itemKey, ConditionExpression: 'holder = :caseId', ExpressionAttributeValues: { ':caseId': caseId } },
      };
    }
    return {
      Update: {
        TableName: this.tableName,
        Key: itemKey,
        UpdateExpression: 'ADD #count :minusOne',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':minusOne': -1 },
      },
    };
  }

  /** The error a failed take means: the key, and the case holding it when the cancellation (or a read) says so. */
  async takenError(error: TransactionCancelled, index: number, key: ClaimKey): Promise<ClaimKeyTakenError> {
    let holder = error.reasons[index]?.item?.holder as string | undefined;
    if (!holder && key.kind === 'unique') holder = await this.holderOf(key);
    return Object.assign(new ClaimKeyTakenError(key, holder), { cause: error });
  }

  private async holderOf(key: ClaimKey): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.itemKey(key), ConsistentRead: true }));
    return Item?.holder as string | undefined;
  }
}

/**
 * The keys a write takes and releases to go from the held keys to the wanted ones.
 *
 * @example
 * claimKeyChanges([a], [a, b]); // { take: [b], release: [] }
 */
export function claimKeyChanges(held: ClaimKey[], wanted: ClaimKey[]): { take: ClaimKey[]; release: ClaimKey[] } {
  const heldIds = new Set(held.map(claimKeyId));
  const wantedIds = new Set(wanted.map(claimKeyId));
  return { take: wanted.filter((k) => !heldIds.has(claimKeyId(k))), release: held.filter((k) => !wantedIds.has(claimKeyId(k))) };
}

/**
 * The keys once each (the last of equal keys wins).
 *
 * @example
 * dedupeClaimKeys([a, a, b]); // [a, b]
 */
export function dedupeClaimKeys(keys: ClaimKey[]): ClaimKey[] {
  const seen = new Map<string, ClaimKey>();
  for (const key of keys) seen.set(claimKeyId(key), key);
  return [...seen.values()];
}

function claimKeyId(key: ClaimKey): string {
  return `${key.kind}\u0000${key.key}`;
}
