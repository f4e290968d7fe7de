import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEnterpriseRegister } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { principalFromClaims } from '../../shared/review/index.js';
import { createTestBucket, createTestTable, type TestBucket, type TestTable } from '../support/local-aws.js';
import { seedClaim } from '../review/review-fixtures.js';

let table: TestTable;
let bucket: TestBucket;
let handler: typeof import('../../functions/api/handler.js').handler;

beforeAll(async () => {
  [table, bucket] = await Promise.all([createTestTable('api-fn'), createTestBucket('api-fn')]);
  Object.assign(process.env, {
    INTAKE_TABLE_NAME: table.tableName,
    INTAKE_BUCKET: bucket.bucket,
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    AWS_ENDPOINT_URL_S3: bucket.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    INTAKE_DERIVED_PREFIX: 'derived/',
  });
  ({ handler } = await import('../../functions/api/handler.js'));
});
afterAll(async () => {
  await Promise.all([table.drop(), bucket.drop()]);
});

/** An HTTP API (payload 2.0) event as API Gateway sends it after the Cognito JWT authorizer accepted the token. */
function anApiEvent(method: string, path: string, claims?: Record<string, string>, query = ''): Parameters<typeof handler>[0] {
  return {
    version: '2.0',
    routeKey: `${method} /api/{proxy+}`,
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'abc.execute-api.cn-north-1.amazonaws.com.cn' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'abc.execute-api.cn-north-1.amazonaws.com.cn',
      domainPrefix: 'abc',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '10.0.0.1', userAgent: 'test' },
      requestId: 'r-1',
      routeKey: `${method} /api/{proxy+}`,
      stage: '$default',
      time: '27/Nov/2026:01:00:00 +0000',
      timeEpoch: 1795741200000,
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
  } satisfies Partial<APIGatewayProxyEventV2> as unknown as Parameters<typeof handler>[0];
}

const lambdaContext = { callbackWaitsForEmptyEventLoop: false, functionName: 'api', awsRequestId: 'r-1' } as never;

describe('principalFromClaims', () => {
  it('reads groups as API Gateway hands them over (a bracketed string) and as the token holds them (an array)', () => {
    expect(principalFromClaims({ sub: 's-1', 'cognito:username': 'li', 'cognito:groups': '[clerk supervisor]' }).roles).toEqual(['clerk', 'supervisor']);
    expect(principalFromClaims({ sub: 's-1', 'cognito:groups': ['clerk', 'admins'] })).toEqual({ userId: 's-1', roles: ['clerk'] });
  });

  it('refuses an institution user without an institution id', () => {
    expect(() => principalFromClaims({ sub: 's-2', 'cognito:groups': ['institution'] })).toThrow(/institutionId/);
  });
});

describe('api Lambda handler', () => {
  it('answers 401 when the event carries no authorizer claims', async () => {
    const response = await handler(anApiEvent('GET', '/api/queues'), lambdaContext);
    expect(response.statusCode).toBe(401);
  });

  it('serves the routes to a Cognito clerk and 403 to an institution user on the queues', async () => {
    const clerk = await handler(anApiEvent('GET', '/api/queues', { sub: 'u-1', 'cognito:username': 'li', 'cognito:groups': '[clerk]' }), lambdaContext);
    expect(clerk.statusCode).toBe(200);
    expect(JSON.parse(clerk.body!).queues.length).toBeGreaterThan(10);
    const institution = await handler(
      anApiEvent('GET', '/api/queues', { sub: 'u-2', 'cognito:groups': '[institution]', 'custom:institutionId': 'inst-a' }),
      lambdaContext,
    );
    expect(institution.statusCode).toBe(403);
  });

  it('returns the payments workbook base64-encoded, as API Gateway needs binary bodies', async () => {
    const response = await handler(
      anApiEvent('GET', '/api/exports/payments', { sub: 'u-3', 'cognito:groups': '[supervisor]' }, 'from=2026-11-01&to=2026-11-30'),
      lambdaContext,
    );
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(Buffer.from(response.body!, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('redirects a page image to a short-lived presigned URL', async () => {
    const stores = {
      cases: new DynamoDbCaseRepository(table.db, table.tableName),
      documents: new DynamoDbDocumentRepository(table.db, table.tableName),
      blobs: new S3BlobStore(bucket.s3),
      enterprises: new DynamoDbEnterpriseRegister(table.db, table.tableName),
      bucket: bucket.bucket,
    };
    const seeded = await seedClaim(stores);
    const documentId = seeded.documents[0]!.documentId;
    const response = await handler(anApiEvent('GET', `/api/documents/${documentId}/pages/1`, { sub: 'u-1', 'cognito:groups': '[clerk]' }), lambdaContext);
    expect(response.statusCode).toBe(302);
    const location = new URL(response.headers!.location as string);
    expect(location.pathname).toBe(`/${bucket.bucket}/derived/${documentId}/pages/1`);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    const image = await fetch(location);
    expect(image.status).toBe(200);
  });
});
