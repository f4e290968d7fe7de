import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectionOf, tableDesign } from '../../shared/adapters/table-design.js';
import { StatefulLogicalId } from '../../infra/stacks/stateful-stack.js';
import { type SynthesisedIntake, synthesiseIntake } from './support/intake-app.js';

let intake: SynthesisedIntake;
beforeAll(() => {
  intake = synthesiseIntake({ derivedExpirationDays: 30, noncurrentVersionExpirationDays: 7 });
});

describe('StatefulStack', () => {
  it('keeps the logical ids of the key, buckets and table stable, so no deployment replaces stored data', () => {
    const template = intake.statefulTemplate;
    expect(Object.keys(template.findResources('AWS::KMS::Key'))).toEqual([StatefulLogicalId.dataKey]);
    expect(Object.keys(template.findResources('AWS::S3::Bucket')).sort()).toEqual([StatefulLogicalId.accessLogBucket, StatefulLogicalId.intakeBucket].sort());
    expect(Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))).toEqual([StatefulLogicalId.table]);
    expect(StatefulLogicalId).toEqual({
      dataKey: 'DataKey',
      accessLogBucket: 'AccessLogBucket',
      intakeBucket: 'IntakeBucket',
      table: 'IntakeTable',
      lookupKeySecret: 'LookupKeySecret',
    });
    expect(Object.keys(template.findResources('AWS::SecretsManager::Secret'))).toEqual([StatefulLogicalId.lookupKeySecret]);
  });

  it('keeps the HMAC key of pseudonymous ID-number keys in a secret encrypted with the data key', () => {
    intake.statefulTemplate.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: { 'Fn::GetAtt': [StatefulLogicalId.dataKey, 'Arn'] },
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });

  it('retains every stateful resource on delete and replacement, and protects the stack from termination', () => {
    const template = intake.statefulTemplate.toJSON() as { Resources: Record<string, Record<string, unknown>> };
    for (const id of Object.values(StatefulLogicalId)) {
      expect(template.Resources[id], id).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
    expect(intake.stateful.terminationProtection).toBe(true);
  });

  it('gives no resource a physical name (renames would need replacements)', () => {
    const template = intake.statefulTemplate;
    for (const bucket of Object.values(template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties.BucketName).toBeUndefined();
    }
    expect(template.findResources('AWS::DynamoDB::GlobalTable').IntakeTable.Properties.TableName).toBeUndefined();
  });

  it('rotates the data key yearly', () => {
    intake.statefulTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('encrypts the intake bucket with the data key, blocks public access and keeps versions', () => {
    intake.statefulTemplate.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [StatefulLogicalId.dataKey, 'Arn'] },
              },
            },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: {
          DestinationBucketName: { Ref: StatefulLogicalId.accessLogBucket },
          LogFilePrefix: 'intake-bucket/',
        },
      }),
    });
  });

  it('lets only CloudFront domains PUT uploads (ETag exposed for multipart) and GET page images from the intake bucket', () => {
    intake.statefulTemplate.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: Match.objectLike({ ServerSideEncryptionConfiguration: [Match.objectLike({ BucketKeyEnabled: true })] }),
      CorsConfiguration: {
        CorsRules: [
          { AllowedMethods: ['PUT', 'HEAD'], AllowedOrigins: ['https://*.cloudfront.net'], AllowedHeaders: ['*'], ExposedHeaders: ['ETag'], MaxAge: 3000 },
          { AllowedMethods: ['GET'], AllowedOrigins: ['https://*.cloudfront.net'], MaxAge: 3000 },
        ],
      },
    });
  });

  it("lets only the clerk page's custom domain from `-c clerkSiteDomain` PUT uploads and GET page images", () => {
    const withDomain = synthesiseIntake({
      derivedExpirationDays: 30,
      noncurrentVersionExpirationDays: 7,
      clerkSiteDomain: 'Review.Example.gov.cn',
      clerkSiteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
    });
    const buckets = withDomain.statefulTemplate.findResources('AWS::S3::Bucket') as Record<
      string,
      { Properties: { CorsConfiguration?: { CorsRules: { AllowedMethods: string[]; AllowedOrigins: string[] }[] } } }
    >;
    const rules = buckets[StatefulLogicalId.intakeBucket]!.Properties.CorsConfiguration!.CorsRules;
    expect(rules.find((rule) => rule.AllowedMethods.includes('GET'))).toMatchObject({
      AllowedMethods: ['GET'],
      AllowedOrigins: ['https://review.example.gov.cn'],
    });
    expect(rules.find((rule) => rule.AllowedMethods.includes('PUT'))).toMatchObject({ AllowedOrigins: ['https://review.example.gov.cn'] });
  });

  it('lets only the configured CloudFront origin in when the page has no custom domain', () => {
    const withOrigin = synthesiseIntake({ clerkPageOrigin: 'https://d111abcdef8.cloudfront.net' });
    const buckets = withOrigin.statefulTemplate.findResources('AWS::S3::Bucket') as Record<
      string,
      { Properties: { CorsConfiguration?: { CorsRules: { AllowedOrigins: string[] }[] } } }
    >;
    const rules = buckets[StatefulLogicalId.intakeBucket]!.Properties.CorsConfiguration!.CorsRules;
    expect(rules.map((rule) => rule.AllowedOrigins)).toEqual([['https://d111abcdef8.cloudfront.net'], ['https://d111abcdef8.cloudfront.net']]);
  });

  it('refuses plain-HTTP requests to both buckets', () => {
    for (const bucket of [StatefulLogicalId.intakeBucket, StatefulLogicalId.accessLogBucket]) {
      intake.statefulTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('expires only derived files and their old versions; originals under incoming/ and email/ are never expired', () => {
    const bucket = intake.statefulTemplate.findResources('AWS::S3::Bucket')[StatefulLogicalId.intakeBucket];
    const rules = bucket.Properties.LifecycleConfiguration.Rules as Array<Record<string, unknown>>;
    const expiring = rules.filter((rule) => rule.ExpirationInDays !== undefined || rule.NoncurrentVersionExpiration !== undefined);
    expect(expiring).toEqual([
      expect.objectContaining({
        Prefix: 'derived/',
        ExpirationInDays: 30,
        NoncurrentVersionExpiration: { NoncurrentDays: 7 },
        Status: 'Enabled',
      }),
    ]);
    // The only other rule cleans up abandoned multipart uploads, which never became objects.
    expect(rules.filter((rule) => !expiring.includes(rule))).toEqual([expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } })]);
  });

  it('declares the table on demand, with point-in-time recovery, KMS encryption and the lease TTL', () => {
    intake.statefulTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [StatefulLogicalId.dataKey, 'Arn'] } },
        }),
      ],
    });
  });

  it('takes its keys and global secondary indexes from shared/adapters/table-design.ts', () => {
    const table = intake.statefulTemplate.findResources('AWS::DynamoDB::GlobalTable')[StatefulLogicalId.table];
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDesign.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDesign.sortKey.name, KeyType: 'RANGE' },
    ]);
    const indexes = (table.Properties.GlobalSecondaryIndexes as Array<Record<string, unknown>>).map((index) => ({
      name: index.IndexName,
      keys: index.KeySchema,
      projection: index.Projection,
    }));
    expect(indexes).toEqual(
      tableDesign.globalSecondaryIndexes.map((index) => ({
        name: index.indexName,
        keys: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        projection: projectionOf(index),
      })),
    );
  });
});
