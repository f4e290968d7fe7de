import { Annotations, type CfnResource, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { tableDesign } from '../../shared/adapters/table-design.js';
import { BucketPrefix } from '../../shared/storage/layout.js';
import type { InfraSettings } from '../settings.js';

/** Key prefixes of the intake bucket (shared/storage/layout.ts owns them). Originals (`incoming/`, `email/`) are never expired or deleted. */
export { BucketPrefix };

/**
 * Logical ids of the stateful resources. Changing one makes CloudFormation replace the resource — a new, empty table
 * or bucket — so the tests pin them.
 */
export const StatefulLogicalId = {
  dataKey: 'DataKey',
  accessLogBucket: 'AccessLogBucket',
  intakeBucket: 'IntakeBucket',
  table: 'IntakeTable',
  lookupKeySecret: 'LookupKeySecret',
} as const;

export interface StatefulStackProps extends StackProps {
  readonly settings: Pick<InfraSettings, 'derivedExpirationDays' | 'noncurrentVersionExpirationDays' | 'clerkSiteDomain' | 'clerkPageOrigin'>;
}

/**
 * What outlives every deployment: the intake bucket with the originals, the table with cases and the audit trail,
 * their KMS key and the access logs. Termination protection, no physical names, retained on delete.
 */
export class StatefulStack extends Stack {
  readonly dataKey: Key;
  readonly accessLogBucket: Bucket;
  readonly intakeBucket: Bucket;
  readonly table: TableV2;
  /** Key material of the keyed hashes that stand for ID numbers in table keys (see docs/data-model.md). */
  readonly lookupKeySecret: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    this.dataKey = new Key(this, StatefulLogicalId.dataKey, {
      description: 'Skill Subsidy Intake: documents, cases and audit trail (contains ID numbers and names)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // S3 server access logging cannot deliver to SSE-KMS buckets, hence S3-managed keys here.
    this.accessLogBucket = new Bucket(this, StatefulLogicalId.accessLogBucket, {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'archive-then-expire-access-logs',
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
          expiration: Duration.days(3 * 365),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });

    const { derivedExpirationDays, noncurrentVersionExpirationDays } = props.settings;
    const pageOrigins = clerkSiteOrigins(props.settings.clerkSiteDomain, props.settings.clerkPageOrigin);
    if (pageOrigins.includes(ANY_CLOUDFRONT_ORIGIN)) {
      Annotations.of(this).addWarning(
        'Bucket CORS allows any *.cloudfront.net origin: set -c clerkSiteDomain=… or -c clerkPageOrigin=https://dxxxx.cloudfront.net after the first deployment.',
      );
    }
    this.intakeBucket = new Bucket(this, StatefulLogicalId.intakeBucket, {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      // One data key per bucket instead of one KMS call per object: OCR pages are many small objects.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'intake-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          // Institutions upload rosters and certificates from the page with presigned URLs (multipart parts too, whose
          // ETags the page must read to complete the upload). The signature is the access control; CORS keeps other
          // sites' scripts from driving an upload with a URL they got hold of.
          allowedMethods: [HttpMethods.PUT, HttpMethods.HEAD],
          allowedOrigins: pageOrigins,
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
        {
          // The clerk page fetches a page image from `/api/…` on its own origin and follows the redirect to a
          // presigned GET here, so the browser sends the page's origin. The distribution's domain cannot be named:
          // the processing stack (which owns the distribution) depends on this one, so referring back would make a
          // cycle, and the name exists only after creation. Hence any CloudFront domain, plus the custom domain
          // when one is configured; the presigned signature remains the access control, CORS only limits which
          // pages may read the bytes.
          allowedMethods: [HttpMethods.GET],
          allowedOrigins: pageOrigins,
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          // Page images and OCR output can be derived again from the originals; the originals stay forever.
          id: 'expire-derived-files',
          prefix: BucketPrefix.derived,
          expiration: Duration.days(derivedExpirationDays),
          noncurrentVersionExpiration: Duration.days(noncurrentVersionExpirationDays),
        },
        {
          id: 'abort-incomplete-multipart-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });

    const keyAttribute = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, StatefulLogicalId.table, {
      partitionKey: keyAttribute(tableDesign.partitionKey.name),
      sortKey: keyAttribute(tableDesign.sortKey.name),
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.dataKey),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: keyAttribute(index.partitionKey.name),
        sortKey: keyAttribute(index.sortKey.name),
        projectionType: ProjectionType[index.projection],
        ...('nonKeyAttributes' in index ? { nonKeyAttributes: [...index.nonKeyAttributes] } : {}),
      })),
    });

    // Losing this value would orphan every person index key and once-per-person claim key: retained, never rotated.
    this.lookupKeySecret = new Secret(this, StatefulLogicalId.lookupKeySecret, {
      description: 'Skill Subsidy Intake: HMAC key for pseudonymous ID-number index keys',
      encryptionKey: this.dataKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Pin the logical ids to plain names so moving a construct in the tree can never replace stored data.
    for (const [construct, logicalId] of [
      [this.dataKey, StatefulLogicalId.dataKey],
      [this.accessLogBucket, StatefulLogicalId.accessLogBucket],
      [this.intakeBucket, StatefulLogicalId.intakeBucket],
      [this.table, StatefulLogicalId.table],
      [this.lookupKeySecret, StatefulLogicalId.lookupKeySecret],
    ] as const) {
      (construct.node.defaultChild as CfnResource).overrideLogicalId(logicalId);
    }
  }
}

/** What the bucket's CORS falls back to before the page's origin is known (the first deployment). */
export const ANY_CLOUDFRONT_ORIGIN = 'https://*.cloudfront.net';

/**
 * Origins allowed to upload to and read page images from the intake bucket: the clerk page's custom domain, else its
 * configured CloudFront origin; only before either is known, any CloudFront domain.
 *
 * @example
 * clerkSiteOrigins('review.example.gov.cn'); // ['https://review.example.gov.cn']
 * clerkSiteOrigins(undefined, 'https://d111.cloudfront.net'); // ['https://d111.cloudfront.net']
 */
export function clerkSiteOrigins(customDomain: string | undefined, pageOrigin?: string): string[] {
  if (customDomain) return [`https://${customDomain.toLowerCase()}`];
  if (pageOrigin) return [pageOrigin.toLowerCase()];
  return [ANY_CLOUDFRONT_ORIGIN];
}
