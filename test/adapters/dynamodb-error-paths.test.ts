import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { StoreContentionError, StoreThrottledError } from '../../shared/adapters/dynamodb-errors.js';
import { ClaimKeyTakenError, VersionConflictError } from '../../shared/ports/index.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { StubHttpHandler } from '../support/fakes/stub-http-handler.js';

const jsonHeaders = { 'content-type': 'application/x-amz-json-1.0' };
const throttled = {
  statusCode: 400,
  headers: jsonHeaders,
  body: JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  }),
};
const storedCase = {
  statusCode: 200,
  headers: jsonHeaders,
  body: JSON.stringify({
    Item: {
      PK: { S: 'CASE#c1' },
      SK: { S: 'CASE' },
      caseId: { S: 'c1' },
      submissionId: { S: 's1' },
      queue: { S: 'XH36-3.7.c' },
      status: { S: 'needs_review' },
      documents: { L: [] },
      flaggedFieldCount: { N: '0' },
      version: { N: '2' },
      createdAt: { S: '2021-06-18T08:00:00.000Z' },
      updatedAt: { S: '2021-06-18T08:00:00.000Z' },
    },
  }),
};

function offlineRepository(handler: StubHttpHandler, maxAttempts = 3): DynamoDbCaseRepository {
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: 'http://dynamodb.test',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: handler as never,
    maxAttempts,
  });
  return new DynamoDbCaseRepository(DynamoDBDocumentClient.from(client), 'intake');
}

function mockedRepository() {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
  return { mock: mockClient(db), repository: new DynamoDbCaseRepository(db, 'intake', { lookupSecret: 'test' }) };
}

function cancelled(reasons: { Code: string; Item?: Record<string, unknown> }[]) {
  return new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: reasons as never });
}

describe('DynamoDB adapters under throttling (the SDK retry runs for real)', () => {
  it('retries a throttled read with back-off and returns the item once DynamoDB answers', async () => {
    const handler = new StubHttpHandler([throttled, throttled, storedCase]);

    const found = await offlineRepository(handler).get('c1');

    expect(found).toMatchObject({ caseId: 'c1', version: 2 });
    expect(handler.requests).toBe(3);
  });

  it('surfaces throttling that outlasts the retries as StoreThrottledError with the SDK error as cause', async () => {
    const handler = new StubHttpHandler([throttled]);

    const error = await offlineRepository(handler, 2)
      .get('c1')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreThrottledError);
    expect((error as StoreThrottledError).operation).toBe('get case');
    expect(((error as Error).cause as Error).name).toBe('ProvisionedThroughputExceededException');
    expect(handler.requests).toBe(2);
  });
});

describe('DynamoDbCaseRepository mapping of cancelled transactions', () => {
  it('names the holder of a unique claim key from the item DynamoDB returns with the cancellation', async () => {
    const { mock, repository } = mockedRepository();
    const reviewCase = aReviewCase();
    // Items: case, audit, claim key.
    mock
      .on(TransactWriteCommand)
      .rejects(
        cancelled([{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: { holder: { S: 'case-first' }, ruleId: { S: 'XH36-3.7.c' } } }]),
      );
    const key = { kind: 'unique' as const, key: 'XH36-3.7.c#330106199001011234', ruleId: 'XH36-3.7.c' };

    const error = await repository.create(reviewCase, anAuditEvent(reviewCase.caseId), [key]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ClaimKeyTakenError);
    expect(error).toMatchObject({ claimKey: key, heldBy: 'case-first' });
  });

  it('maps a failed case condition on update to VersionConflictError', async () => {
    const { mock, repository } = mockedRepository();
    const reviewCase = aReviewCase({ caseId: 'c1' });
    mock.on(GetCommand).resolves({ Item: { version: 2, heldClaimKeys: [] } });
    mock.on(TransactWriteCommand).rejects(cancelled([{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }]));

    await expect(repository.update(reviewCase, 2, anAuditEvent('c1'))).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('retries transaction conflicts and reports persistent contention as StoreContentionError', async () => {
    const { mock, repository } = mockedRepository();
    const reviewCase = aReviewCase();
    mock.on(TransactWriteCommand).rejects(cancelled([{ Code: 'TransactionConflict' }, { Code: 'None' }]));

    const error = await repository.create(reviewCase, anAuditEvent(reviewCase.caseId)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreContentionError);
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(6);
  });

  it('succeeds when a conflicting transaction clears on retry', async () => {
    const { mock, repository } = mockedRepository();
    const reviewCase = aReviewCase();
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled([{ Code: 'TransactionConflict' }, { Code: 'None' }]))
      .resolves({});

    await expect(repository.create(reviewCase, anAuditEvent(reviewCase.caseId))).resolves.toMatchObject({ created: true, reviewCase: { version: 1 } });
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });
});
