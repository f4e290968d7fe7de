import { Stack } from 'aws-cdk-lib';
import { NagSuppressions, type NagPackSuppression } from 'cdk-nag';
import type { ProcessingStack } from './stacks/processing-stack.js';
import type { StatefulStack } from './stacks/stateful-stack.js';

// cdk-nag reports a resource both as the stack sees it (`<IntakeBucket.Arn>`) and, across stacks, as the export it
// imports (`IntakeStateful:ExportsOutputFnGetAttIntakeBucketArn…`): match both spellings.
const bucketArn = String.raw`(<IntakeBucket\.Arn>|IntakeStateful:ExportsOutputFnGetAttIntakeBucketArn[0-9A-F]+)`;
const tableArn = String.raw`(<IntakeTable\.Arn>|IntakeStateful:ExportsOutputFnGetAttIntakeTableArn[0-9A-F]+)`;

/** The findings accepted for every intake function, with the reason a reviewer needs. */
const FUNCTION_ROLE_SUPPRESSIONS = [
  {
    id: 'AwsSolutions-IAM4',
    reason: 'AWSLambdaBasicExecutionRole only allows writing the function’s own CloudWatch Logs; it is the minimal policy AWS maintains for that.',
    appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
  },
  {
    id: 'AwsSolutions-IAM5',
    reason:
      'Action groups come from the CDK grant helpers (bucket.grantRead/grantPut, key grants) and are scoped to one bucket prefix or one key; no hand-written wildcard.',
    appliesTo: [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::kms:GenerateDataKey*',
      'Action::kms:ReEncrypt*',
    ],
  },
  {
    id: 'AwsSolutions-IAM5',
    reason:
      'Object-level grants are limited to the prefix the function works on (incoming/, derived/, email/, or for the API batches/ and incoming/batch-*), never the whole bucket.',
    appliesTo: [{ regex: `/^Resource::${bucketArn}\\/(incoming\\/|incoming\\/batch-|derived\\/|email\\/|batches\\/)\\*$/g` }],
  },
  {
    id: 'AwsSolutions-IAM5',
    reason: 'Queries go through the table’s own global secondary indexes (queue, submission, lookup), all under index/*.',
    appliesTo: [{ regex: `/^Resource::${tableArn}\\/index\\/\\*$/g` }],
  },
  {
    id: 'AwsSolutions-IAM5',
    reason:
      'Only X-Ray (PutTraceSegments, PutTelemetryRecords) and Textract actions use Resource "*": neither service supports resource-level permissions. test/infra pins that nothing else does.',
    appliesTo: ['Resource::*'],
  },
];

/**
 * Suppresses the cdk-nag AwsSolutions findings the design accepts, each with its reason, on the narrowest construct
 * that produces it. Anything not listed here fails `test/infra/nag.test.ts`.
 *
 * @example
 * suppressAcceptedFindings(stateful, processing);
 */
export function suppressAcceptedFindings(stateful: StatefulStack, processing: ProcessingStack): void {
  NagSuppressions.addResourceSuppressions(stateful.lookupKeySecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is the HMAC key of pseudonymous ID-number index keys; rotating it would orphan every stored person index and once-per-person claim key. It is KMS-encrypted, retained and readable only by the intake functions.',
    },
  ]);
  for (const fn of Object.values(processing.functions)) {
    NagSuppressions.addResourceSuppressions(fn, FUNCTION_ROLE_SUPPRESSIONS, true);
  }

  NagSuppressions.addResourceSuppressions(
    processing.clerkSite.distribution,
    [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Clerks and institutions sign in through Cognito; blocking countries protects nothing on a page of static assets and would lock out staff abroad.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'A CloudFront-scoped WAF web ACL must live in us-east-1 (a separate stack); the API behind /api/* already enforces Cognito JWTs and stage throttling. Listed as follow-up in docs/deployment.md.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; with a custom domain set minimumProtocolVersion TLSv1.2_2021 (docs/deployment.md).',
      },
    ],
    true,
  );

  NagSuppressions.addResourceSuppressions(
    processing.textractRole,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'topic.grantPublish on the KMS-encrypted Textract topic: data keys under the messaging key only.',
        appliesTo: ['Action::kms:GenerateDataKey*'],
      },
    ],
    true,
  );

  // CDK's singletons: the handler that writes S3 bucket notifications (see ProcessingStack for why it lives here)
  // and, when the clerk page is deployed, the one that copies it into its bucket. Both run only during deployments.
  const stack = Stack.of(processing);
  suppressOnCdkSingleton(stack, 'BucketNotificationsHandler', 'BucketNotificationsHandler', [
    {
      id: 'AwsSolutions-IAM5',
      reason: 'CDK-managed BucketNotificationsHandler: the construct grants s3:PutBucketNotification on "*"; it runs only at deployment.',
      appliesTo: ['Resource::*'],
    },
  ]);
  suppressOnCdkSingleton(stack, 'Custom::CDKBucketDeployment', 'BucketDeployment', [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'CDK-managed BucketDeployment: reads the CDK asset bucket and replaces the clerk page bucket’s content (both wildcards come from the construct), and invalidates the distribution (CloudFront has no resource-level permission for it).',
      appliesTo: [
        'Action::s3:Abort*',
        'Action::s3:DeleteObject*',
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        'Resource::*',
        { regex: String.raw`/^Resource::<ClerkSiteContentBucket[0-9A-F]+\.Arn>\/\*$/g` },
        { regex: String.raw`/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[a-z0-9-]+\/\*$/g` },
      ],
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'CDK-managed BucketDeployment: CDK pins the runtime of its own deployment handler.',
    },
  ]);
}

/**
 * Suppressions on one of CDK's own singleton handlers (the construct whose id starts with `idPrefix`), when the app
 * has it: its AWSLambdaBasicExecutionRole, which it uses for its own logs only, and the findings its construct causes.
 *
 * @example
 * suppressOnCdkSingleton(stack, 'BucketNotificationsHandler', 'BucketNotificationsHandler', [{ id: 'AwsSolutions-IAM5', reason, appliesTo }]);
 */
function suppressOnCdkSingleton(stack: Stack, idPrefix: string, name: string, findings: NagPackSuppression[]): void {
  const singleton = stack.node.findAll().find((construct) => construct.node.id.startsWith(idPrefix));
  if (!singleton) return;
  NagSuppressions.addResourceSuppressions(
    singleton,
    [
      {
        id: 'AwsSolutions-IAM4',
        reason: `CDK-managed ${name}: AWSLambdaBasicExecutionRole for its own logs only.`,
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      ...findings,
    ],
    true,
  );
}
