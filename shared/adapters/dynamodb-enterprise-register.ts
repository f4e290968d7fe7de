import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { registeredEnterpriseSchema, type EnterpriseRegister, type RegisteredEnterprise } from '../ports/enterprise-register.js';
import { StoreThrottledError, toStoreError } from './dynamodb-errors.js';
import { entityAttributes, jitter } from './dynamodb-items.js';
import { queryUpTo } from './dynamodb-pages.js';
import { readItem } from './dynamodb-reads.js';
import { indexNames } from './table-design.js';

/**
 * How enterprise names are compared: NFKC (full-width brackets and letters become ASCII, as registers and scans mix
 * both) with all whitespace removed.
 *
 * @example
 * normaliseEnterpriseName('杭州某某（西湖）科技 有限公司'); // → '杭州某某(西湖)科技有限公司'
 */
export function normaliseEnterpriseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Item keys of the register; see docs/data-model.md. */
export const enterpriseKeys = {
  enterprise: (creditCode: string) => ({ PK: `ENT#${creditCode.trim().toUpperCase()}`, SK: 'ENT' }),
  name: (name: string) => `ENTNAME#${normaliseEnterpriseName(name)}`,
};

/**
 * The district's register of enterprises in the intake table: one item per 统一社会信用代码, findable by name through
 * the look-up index. `upsert` replaces whole entries (the CSV import is the source of truth).
 *
 * @example
 * const register = new DynamoDbEnterpriseRegister(createDynamoDbDocumentClient(), process.env.INTAKE_TABLE_NAME!);
 * await register.findByCreditCode('91330106MA2H0WXX1X');
 */
export class DynamoDbEnterpriseRegister implements EnterpriseRegister {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  findByCreditCode(creditCode: string): Promise<RegisteredEnterprise | undefined> {
    const input = { TableName: this.tableName, Key: enterpriseKeys.enterprise(creditCode) };
    return readItem(this.db, input, 'find enterprise by credit code', (item) => registeredEnterpriseSchema.parse(entityAttributes(item)));
  }

  async findByName(name: string): Promise<RegisteredEnterprise | undefined> {
    const query = {
      TableName: this.tableName,
      IndexName: indexNames.lookup,
      KeyConditionExpression: 'GSI3PK = :name',
      ExpressionAttributeValues: { ':name': enterpriseKeys.name(name) },
    };
    const found = await queryUpTo(this.db, 'find enterprise by name', query, undefined, (item) => registeredEnterpriseSchema.parse(entityAttributes(item)));
    // A name can outlive a deregistered enterprise and pass to a new one: prefer the one still registered.
    return found.find((e) => !e.deregisteredOn) ?? found[0];
  }

  async upsert(enterprises: RegisteredEnterprise[]): Promise<void> {
    const byCode = new Map<string, RegisteredEnterprise>();
    for (const e of enterprises) {
      const valid = registeredEnterpriseSchema.parse({ ...e, creditCode: e.creditCode.trim().toUpperCase() });
      byCode.set(valid.creditCode, valid); // BatchWrite refuses two writes to one key in a request
    }
    const requests = [...byCode.values()].map((e) => ({
      PutRequest: {
        Item: { ...enterpriseKeys.enterprise(e.creditCode), entity: 'enterprise', GSI3PK: enterpriseKeys.name(e.name), GSI3SK: `ENT#${e.creditCode}`, ...e },
      },
    }));
    for (let start = 0; start < requests.length; start += 25) {
      let pending: typeof requests = requests.slice(start, start + 25);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= 8) throw new StoreThrottledError('upsert enterprises');
        try {
          const result = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
          pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
        } catch (error) {
          throw toStoreError(error, 'upsert enterprises');
        }
        if (pending.length > 0) await jitter(attempt);
      }
    }
  }
}
