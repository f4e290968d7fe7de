import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Dashboard } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { SnsEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { EmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ClerkSite } from '../constructs/clerk-site.js';
import { EmailReceiving } from '../constructs/email-receiving.js';
import { IntakeFunction } from '../constructs/intake-function.js';
import { OperationalAlarms } from '../constructs/operational-alarms.js';
import { OperationsDashboard } from '../constructs/operations-dashboard.js';
import { ReviewAccess } from '../constructs/review-access.js';
import { FUNCTION_ENTRIES, type FunctionName } from '../function-entries.js';
import type { InfraSettings } from '../settings.js';
import { BucketPrefix } from './stateful-stack.js';

/** Textract calls have no resource-level permissions; these are the ones the OCR adapter makes. */
export const TEXTRACT_ACTIONS = ['textract:DetectDocumentText', 'textract:StartDocumentTextDetection', 'textract:GetDocumentTextDetection'] as const;

/**
 * What the API needs on batch upload keys: PutObject covers a single PUT and every multipart step it signs or makes
 * (create, upload part, complete); abort ends an upload an institution gives up on. Listing parts is not needed:
 * the client sends the part ETags it received.
 */
export const BATCH_UPLOAD_ACTIONS = ['s3:PutObject', 's3:AbortMultipartUpload'] as const;

/** Messages per process invocation. */
export const PROCESS_BATCH_SIZE = 1;

// AWS's guidance for SQS event sources: visibility timeout at least six times the function timeout.
const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface ProcessingStackProps extends StackProps {
  readonly intakeBucket: IBucket;
  readonly table: ITableV2;
  readonly dataKey: IKey;
  /** HMAC key for pseudonymous index keys; every function that touches the table reads it at cold start. */
  readonly lookupKeySecret: ISecret;
  readonly settings: InfraSettings;
  /** Built clerk page to upload (`web/dist`), if any. */
  readonly clerkPageDirectory?: string;
  /** Per-function entry overrides; tests use them to stand in for handlers not written yet. */
  readonly entryPaths?: Partial<Record<FunctionName, string>>;
}

/**
 * Everything that can be torn down and rebuilt from code: queues, functions, their triggers and grants, the review
 * API with its user pool, the clerk page, optional SES receiving and the alarms.
 */
export class ProcessingStack extends Stack {
  readonly processQueue: Queue;
  readonly processDeadLetterQueue: Queue;
  readonly failedDocumentsQueue: Queue;
  readonly functions: Record<FunctionName, NodejsFunction>;
  readonly alarmTopic: Topic;
  readonly textractTopic: Topic;
  readonly textractRole: Role;
  readonly access: ReviewAccess;
  readonly clerkSite: ClerkSite;
  readonly emailReceiving?: EmailReceiving;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ProcessingStackProps) {
    super(scope, id, props);
    const { intakeBucket, table, settings } = props;
    const logRetention = retentionDays(settings.logRetentionDays);

    // SNS topics that CloudWatch and Textract publish to need a customer key whose policy lets those services in.
    const messagingKey = new Key(this, 'MessagingKey', {
      description: 'Skill Subsidy Intake: alarm and Textract notification topics',
      enableKeyRotation: true,
    });
    messagingKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'Skill Subsidy Intake alarms',
      masterKey: messagingKey,
      enforceSSL: true,
    });
    if (settings.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(settings.alarmEmail));

    // Queues ---------------------------------------------------------------------------------------------------
    const processTimeout = Duration.seconds(FUNCTION_ENTRIES.process.timeoutSeconds);
    // Failed documents' messages, kept 14 days for a redrive to the process queue (docs/deployment.md#failed-documents):
    // the dead-letter function copies each message here once it marked the document failed, and messages it could
    // not handle itself land here as its DLQ (which is also what lets SQS's message-move task take them back).
    this.failedDocumentsQueue = this.queue('FailedDocumentsQueue', { retentionPeriod: Duration.days(14) });
    this.processDeadLetterQueue = this.queue('ProcessDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: this.failedDocumentsQueue, maxReceiveCount: 5 },
    });
    this.processQueue = this.queue('ProcessQueue', {
      visibilityTimeout: Duration.seconds(processTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: this.processDeadLetterQueue, maxReceiveCount: settings.processMaxReceiveCount },
    });
    // S3 invokes ingest and e-mail asynchronously; after Lambda's own retries the event lands here, not nowhere.
    const ingestDeadLetterQueue = this.queue('IngestDeadLetterQueue', { retentionPeriod: Duration.days(14) });
    const emailDeadLetterQueue = this.queue('EmailDeadLetterQueue', { retentionPeriod: Duration.days(14) });
    // Textract's completion notices: a delivery SNS could not make, or an invocation that failed after Lambda's
    // retries, lands here rather than nowhere (the document would otherwise wait in `processing`).
    const textractCompletionDeadLetterQueue = this.queue('TextractCompletionDeadLetterQueue', { retentionPeriod: Duration.days(14) });
    // Scheduled sweeps of Textract jobs whose completion never came: a sweep EventBridge could not deliver, or one
    // that failed after Lambda's retries, lands here (the next sweep redoes its work anyway; the alarm says why).
    const textractSweeperDeadLetterQueue = this.queue('TextractSweeperDeadLetterQueue', { retentionPeriod: Duration.days(14) });

    // Textract's asynchronous path (multi-page PDFs) -------------------------------------------------------------
    this.textractTopic = new Topic(this, 'TextractTopic', {
      displayName: 'Textract job completions',
      masterKey: messagingKey,
      enforceSSL: true,
    });
    this.textractRole = new Role(this, 'TextractPublishRole', {
      description: 'Assumed by Textract to publish job completions to the Textract topic',
      assumedBy: new ServicePrincipal('textract.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    this.textractTopic.grantPublish(this.textractRole);

    // Review API and user pool ----------------------------------------------------------------------------------
    this.access = new ReviewAccess(this, 'ReviewAccess', {
      logRetention,
      authDomainPrefix: settings.authDomainPrefix,
      throttle: { rateLimit: settings.apiRateLimit, burstLimit: settings.apiBurstLimit },
      // Cognito's own sender allows 50 messages a day, below a province's onboarding: mail goes through SES.
      mailDomain: settings.receivingDomain,
      apiDomain: settings.apiDomain && settings.apiCertificateArn ? { domainName: settings.apiDomain, certificateArn: settings.apiCertificateArn } : undefined,
    });

    // Functions ------------------------------------------------------------------------------------------------
    const common = {
      INTAKE_TABLE_NAME: table.tableName,
      INTAKE_BUCKET: intakeBucket.bucketName,
      PROCESS_QUEUE_URL: this.processQueue.queueUrl,
      OCR_ENGINE: settings.ocrEngine,
      INTAKE_LOOKUP_KEY_SECRET_ARN: props.lookupKeySecret.secretArn,
    };
    const textractEnv = {
      TEXTRACT_SNS_TOPIC_ARN: this.textractTopic.topicArn,
      TEXTRACT_ROLE_ARN: this.textractRole.roleArn,
    };
    const replyEnv: Record<string, string> = settings.receivingDomain
      ? { INTAKE_EMAIL_DOMAIN: settings.receivingDomain, INTAKE_REPLY_FROM: `noreply@${settings.receivingDomain}` }
      : {};
    const make = (name: FunctionName, id: string, environment: Record<string, string>, deadLetterQueue?: IQueue, reservedConcurrentExecutions?: number) =>
      new IntakeFunction(this, id, {
        name,
        logRetention,
        environment,
        deadLetterQueue,
        reservedConcurrentExecutions,
        entryPath: props.entryPaths?.[name],
      }).function;

    this.functions = {
      // A 1,000-certificate batch is 1,000 S3 events at once: capped, so it cannot take the API's executions.
      ingest: make('ingest', 'Ingest', common, ingestDeadLetterQueue, settings.ingestReservedConcurrency),
      process: make('process', 'Process', { ...common, ...textractEnv }),
      deadLetter: make('deadLetter', 'DeadLetter', { ...common, FAILED_DOCUMENTS_QUEUE_URL: this.failedDocumentsQueue.queueUrl }),
      textractCompletion: make('textractCompletion', 'TextractCompletion', { ...common, ...textractEnv }, textractCompletionDeadLetterQueue),
      textractSweeper: make(
        'textractSweeper',
        'TextractSweeper',
        {
          ...common,
          ...textractEnv,
          FAILED_DOCUMENTS_QUEUE_URL: this.failedDocumentsQueue.queueUrl,
          TEXTRACT_SWEEP_AFTER_MINUTES: String(settings.textractSweepAfterMinutes),
          TEXTRACT_GIVE_UP_AFTER_HOURS: String(settings.textractGiveUpAfterHours),
        },
        textractSweeperDeadLetterQueue,
        // One sweep at a time: two at once would ask Textract twice about the same jobs.
        1,
      ),
      // Reserved: clerks keep their executions whatever the pipeline does.
      api: make(
        'api',
        'Api',
        {
          ...common,
          USER_POOL_ID: this.access.userPool.userPoolId,
          USER_POOL_CLIENT_ID: this.access.userPoolClient.userPoolClientId,
          INTAKE_CLOSED_CASE_RETENTION_DAYS: String(settings.closedCaseRetentionDays),
        },
        undefined,
        settings.apiReservedConcurrency,
      ),
      email: make('email', 'Email', { ...common, ...replyEnv }, emailDeadLetterQueue),
    };
    const fn = this.functions;
    // Granted through a reference, so the grant lands in each role's policy and not in the stateful stack's key
    // policy (which would make stateful depend on these roles: a cycle). Decrypting with the data key comes with the
    // table grants every function already has.
    const lookupKeySecret = Secret.fromSecretCompleteArn(this, 'LookupKeySecretRef', props.lookupKeySecret.secretArn);
    for (const f of Object.values(fn)) lookupKeySecret.grantRead(f);

    // Grants: each function gets the prefixes and actions it uses, nothing more ---------------------------------
    // Ingest sniffs, registers and queues (ADR 0002: page images are made by process). It also unpacks uploaded
    // ZIPs and hands over .eml files (docs/intake-channels.md): their entries are written back under incoming/,
    // where each becomes a document of its own. Nothing outside incoming/ is writable, and nothing is deleted.
    intakeBucket.grantRead(fn.ingest, `${BucketPrefix.incoming}*`);
    intakeBucket.grantPut(fn.ingest, `${BucketPrefix.incoming}*`);
    table.grantReadWriteData(fn.ingest);
    this.processQueue.grantSendMessages(fn.ingest);

    // All three read originals and write page checkpoints and previews under derived/ (the sweeper settles an ended
    // job through the completion handler's own path).
    for (const reader of [fn.process, fn.textractCompletion, fn.textractSweeper]) {
      intakeBucket.grantRead(reader, `${BucketPrefix.incoming}*`);
      intakeBucket.grantRead(reader, `${BucketPrefix.derived}*`);
      intakeBucket.grantPut(reader, `${BucketPrefix.derived}*`);
      table.grantReadWriteData(reader);
    }
    // Once Textract is done (or failed), the document goes back to process.
    this.processQueue.grantSendMessages(fn.textractCompletion);
    this.processQueue.grantSendMessages(fn.textractSweeper);
    // A lost job's document is marked failed and its message kept for the operator's redrive.
    this.failedDocumentsQueue.grantSendMessages(fn.textractSweeper);
    if (settings.ocrEngine === 'textract') {
      fn.process.addToRolePolicy(new PolicyStatement({ actions: [...TEXTRACT_ACTIONS], resources: ['*'] }));
      this.textractRole.grantPassRole(fn.process.grantPrincipal);
      for (const reader of [fn.textractCompletion, fn.textractSweeper]) {
        reader.addToRolePolicy(new PolicyStatement({ actions: ['textract:GetDocumentTextDetection'], resources: ['*'] }));
      }
    }

    table.grantReadWriteData(fn.deadLetter);
    this.failedDocumentsQueue.grantSendMessages(fn.deadLetter);

    // The API changes cases (claims, corrections, decisions) and reads page images, to presign them. For batches it
    // presigns the institution's uploads (PUT and multipart parts, signed with its own role, so it needs the very
    // permissions the browser's request uses) of the roster under batches/ and the certificates under
    // incoming/batch-*, completes multipart uploads, and reads rosters back for the batch report. Nothing else in
    // incoming/ is writable by it, and nothing is deleted.
    table.grantReadWriteData(fn.api);
    intakeBucket.grantRead(fn.api, `${BucketPrefix.derived}*`);
    intakeBucket.grantRead(fn.api, `${BucketPrefix.batches}*`);
    // Not grantPut: that adds object tagging, legal hold and retention, none of which an upload needs.
    Grant.addToPrincipal({
      grantee: fn.api,
      actions: [...BATCH_UPLOAD_ACTIONS],
      resourceArns: [intakeBucket.arnForObjects(`${BucketPrefix.batches}*`), intakeBucket.arnForObjects(`${BucketPrefix.incoming}batch-*`)],
    });

    intakeBucket.grantRead(fn.email, `${BucketPrefix.email}*`);
    intakeBucket.grantPut(fn.email, `${BucketPrefix.incoming}*`);
    table.grantReadWriteData(fn.email);
    if (settings.receivingDomain) {
      EmailIdentity.fromEmailIdentityName(this, 'ReplyIdentity', settings.receivingDomain).grantSendEmail(fn.email);
    }

    // Triggers -------------------------------------------------------------------------------------------------
    // Notifications are attached through a reference to the bucket, so the custom resource that writes them lives
    // here: attaching them to the bucket itself would make the stateful stack reference these functions (a cycle).
    const notifiedBucket = Bucket.fromBucketAttributes(this, 'IntakeBucketRef', {
      bucketArn: intakeBucket.bucketArn,
      bucketName: intakeBucket.bucketName,
    });
    notifiedBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn.ingest), {
      prefix: BucketPrefix.incoming,
    });
    notifiedBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn.email), {
      prefix: BucketPrefix.email,
    });
    fn.ingest.configureAsyncInvoke({ retryAttempts: 2 });
    fn.email.configureAsyncInvoke({ retryAttempts: 2 });

    fn.process.addEventSource(
      new SqsEventSource(this.processQueue, {
        // A message is a whole file of up to 200 pages (ADR 0002): one per invocation keeps each file's time budget
        // whole; throughput comes from concurrency across files.
        batchSize: PROCESS_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: settings.processMaxConcurrency,
      }),
    );
    fn.deadLetter.addEventSource(new SqsEventSource(this.processDeadLetterQueue, { batchSize: 10, reportBatchItemFailures: true }));
    fn.textractCompletion.addEventSource(new SnsEventSource(this.textractTopic, { deadLetterQueue: textractCompletionDeadLetterQueue }));
    textractCompletionDeadLetterQueue.grantSendMessages(new ServicePrincipal('sns.amazonaws.com'));
    new Rule(this, 'TextractSweepSchedule', {
      description: 'Every 15 minutes: settle Textract jobs whose completion never arrived',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [
        new LambdaFunction(fn.textractSweeper, { deadLetterQueue: textractSweeperDeadLetterQueue, retryAttempts: 2, maxEventAge: Duration.minutes(15) }),
      ],
    });
    fn.textractSweeper.configureAsyncInvoke({ retryAttempts: 1, maxEventAge: Duration.minutes(15) });

    this.access.routeTo(fn.api);

    // Clerk page and e-mail --------------------------------------------------------------------------------------
    this.clerkSite = new ClerkSite(this, 'ClerkSite', {
      // The API's custom domain when there is one (its execute-api endpoint is then disabled), else execute-api.
      apiDomainName: settings.apiDomain ?? `${this.access.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
      contentDirectory: props.clerkPageDirectory,
      signIn: { domain: this.access.hostedSignInDomain, clientId: this.access.userPoolClient.userPoolClientId },
      customDomain:
        settings.clerkSiteDomain && settings.clerkSiteCertificateArn
          ? { domainName: settings.clerkSiteDomain, certificateArn: settings.clerkSiteCertificateArn }
          : undefined,
    });
    this.access.allowSignInFrom(this.clerkSite.distributionUrl);
    this.access.allowSignInFrom(this.clerkSite.pageUrl);
    if (settings.authLocalhostPort) this.access.allowSignInFrom(`http://localhost:${settings.authLocalhostPort}/`);
    if (settings.receivingDomain) {
      this.emailReceiving = new EmailReceiving(this, 'EmailReceiving', {
        receivingDomain: settings.receivingDomain,
        intakeBucket,
        dataKey: props.dataKey,
      });
    }

    // Alarms ---------------------------------------------------------------------------------------------------
    const alarms = new OperationalAlarms(this, 'Alarms', { topic: this.alarmTopic });
    // The process DLQ is drained by the dead-letter function within seconds: its depth never shows a message, so the
    // alarm reads the FailedDocuments metric that function (and process, for defects) records instead.
    alarms.onFailedDocuments();
    alarms.onDeadLetters('IngestDeadLetterQueue', ingestDeadLetterQueue);
    alarms.onDeadLetters('EmailDeadLetterQueue', emailDeadLetterQueue);
    alarms.onDeadLetters('TextractCompletionDeadLetterQueue', textractCompletionDeadLetterQueue);
    alarms.onDeadLetters('TextractSweeperDeadLetterQueue', textractSweeperDeadLetterQueue);
    alarms.onBacklogAge('ProcessQueue', this.processQueue, Duration.hours(1));
    alarms.onApiServerErrors(this.access.httpApi);
    alarms.onTableThrottles(table.tableName);
    if (settings.ocrEngine === 'textract') alarms.onTextractThrottles();
    for (const [name, handler] of Object.entries(fn) as [FunctionName, NodejsFunction][]) {
      const id = name.charAt(0).toUpperCase() + name.slice(1);
      alarms.onErrors(id, handler);
      alarms.onThrottles(id, handler);
      alarms.onNearTimeout(id, handler, Duration.seconds(FUNCTION_ENTRIES[name].timeoutSeconds));
    }
    this.dashboard = new OperationsDashboard(this, 'Operations', { processQueue: this.processQueue, functions: fn, api: this.access.httpApi }).dashboard;

    new CfnOutput(this, 'ProcessQueueUrl', { value: this.processQueue.queueUrl });
    new CfnOutput(this, 'RedriveFailedDocuments', {
      description: 'Sends kept failed documents back to process (run once the cause is fixed)',
      value: `aws sqs start-message-move-task --source-arn ${this.failedDocumentsQueue.queueArn} --destination-arn ${this.processQueue.queueArn}`,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  private queue(id: string, props: ConstructorParameters<typeof Queue>[2]): Queue {
    return new Queue(this, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, ...props });
  }
}

function retentionDays(days: number): RetentionDays {
  const allowed = Object.values(RetentionDays).filter((value): value is number => typeof value === 'number');
  if (!allowed.includes(days)) {
    throw new Error(`logRetentionDays must be one of CloudWatch's values (${allowed.join(', ')}), got ${days}`);
  }
  return days as RetentionDays;
}
