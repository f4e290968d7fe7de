import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES, FUNCTION_NAMES, type FunctionName } from '../../infra/function-entries.js';
import { LAMBDA_RUNTIME, SERVICE_NAME } from '../../infra/constructs/intake-function.js';
import { BATCH_UPLOAD_ACTIONS, PROCESS_BATCH_SIZE, TEXTRACT_ACTIONS } from '../../infra/stacks/processing-stack.js';
import { actionsOf, allIdentityStatements, allowedActionsOn, statementsOf } from './support/iam.js';
import { type SynthesisedIntake, synthesiseIntake } from './support/intake-app.js';

let paddle: SynthesisedIntake;
let textract: SynthesisedIntake;
beforeAll(() => {
  paddle = synthesiseIntake({ processMaxReceiveCount: 4, processMaxConcurrency: 3 });
  textract = synthesiseIntake({
    ocrEngine: 'textract',
    receivingDomain: 'intake.example.gov.cn',
    alarmEmail: 'ops@example.gov.cn',
    clerkSiteDomain: 'review.example.gov.cn',
    clerkSiteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
    authDomainPrefix: 'xihu-test-intake',
    authLocalhostPort: 5173,
  });
});

const ref = (intake: SynthesisedIntake, construct: IConstruct) => intake.processing.getLogicalId(construct.node.defaultChild as CfnElement);
const fnId = (intake: SynthesisedIntake, name: FunctionName) => ref(intake, intake.processing.functions[name]);
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('ProcessingStack wiring', () => {
  it('invokes ingest for objects created under incoming/ and the e-mail function under email/', () => {
    const template = paddle.processingTemplate;
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      Managed: false,
      NotificationConfiguration: {
        LambdaFunctionConfigurations: Match.arrayWith([
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
            LambdaFunctionArn: arnOf(fnId(paddle, 'ingest')),
          },
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'email/' }] } },
            LambdaFunctionArn: arnOf(fnId(paddle, 'email')),
          },
        ]),
      },
    });
  });

  it('feeds process from the queue in batches, reporting partial failures, with bounded concurrency', () => {
    paddle.processingTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId(paddle, 'process') },
      EventSourceArn: arnOf(ref(paddle, paddle.processing.processQueue)),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: PROCESS_BATCH_SIZE,
      ScalingConfig: { MaximumConcurrency: 3 },
    });
  });

  it('moves a message to the dead-letter queue after maxReceiveCount receives, and drains that queue into dead-letter', () => {
    const template = paddle.processingTemplate;
    const dlqId = ref(paddle, paddle.processing.processDeadLetterQueue);
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: arnOf(dlqId), maxReceiveCount: 4 },
      // Six times the process function's timeout, so a slow OCR batch is not handed to a second consumer.
      VisibilityTimeout: FUNCTION_ENTRIES.process.timeoutSeconds * 6,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId(paddle, 'deadLetter') },
      EventSourceArn: arnOf(dlqId),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('encrypts every queue and refuses plain-HTTP access to it', () => {
    const template = paddle.processingTemplate;
    const queues = template.findResources('AWS::SQS::Queue');
    expect(Object.keys(queues).length).toBeGreaterThanOrEqual(4);
    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties.SqsManagedSseEnabled, id).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });

  it('sends S3 events that ingest or e-mail could not handle to their own dead-letter queues', () => {
    const template = paddle.processingTemplate;
    for (const name of ['ingest', 'email'] as const) {
      const fn = template.findResources('AWS::Lambda::Function')[fnId(paddle, name)];
      expect(fn.Properties.DeadLetterConfig?.TargetArn, name).toBeDefined();
    }
  });

  it('subscribes textract-completion to the Textract topic, which Textract publishes to through its own role', () => {
    const template = paddle.processingTemplate;
    const topicId = ref(paddle, paddle.processing.textractTopic);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: arnOf(fnId(paddle, 'textractCompletion')),
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'textract.amazonaws.com' } })],
      },
    });
    expect(allowedActionsOn(statementsOf(template, paddle.processing.textractRole), topicId)).toContain('sns:Publish');
  });
});

describe('ProcessingStack alarms', () => {
  it('alarms as soon as one message sits in a dead-letter queue nothing drains (ingest, e-mail, Textract completion and sweeper)', () => {
    const template = paddle.processingTemplate;
    const dlqAlarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS' },
    });
    expect(Object.keys(dlqAlarms)).toHaveLength(4);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestDeadLetterQueue'), 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: ref(paddle, paddle.processing.alarmTopic) }],
    });
  });

  it('alarms on the errors of every function, notifying the alarm topic', () => {
    const template = paddle.processingTemplate;
    for (const name of FUNCTION_NAMES) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId(paddle, name) } }],
        Threshold: 1,
        AlarmActions: [{ Ref: ref(paddle, paddle.processing.alarmTopic) }],
      });
    }
  });

  it('subscribes the operator address when one is configured', () => {
    textract.processingTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.gov.cn',
    });
    paddle.processingTemplate.resourcePropertiesCountIs('AWS::SNS::Subscription', { Protocol: 'email' }, 0);
  });
});

describe('ProcessingStack review API and user pool', () => {
  it('puts every API route behind the Cognito JWT authorizer', () => {
    const template = paddle.processingTemplate;
    const authorizers = template.findResources('AWS::ApiGatewayV2::Authorizer');
    const [authorizerId] = Object.keys(authorizers);
    expect(authorizers[authorizerId].Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: ref(paddle, paddle.processing.access.userPoolClient) }] },
    });
    expect(JSON.stringify(authorizers[authorizerId].Properties.JwtConfiguration.Issuer)).toContain('cognito-idp');
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    }
  });

  it('has the clerk, supervisor and institution groups, strong passwords, required MFA and no self sign-up', () => {
    const template = paddle.processingTemplate;
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties.GroupName);
    expect(groups.sort()).toEqual(['clerk', 'institution', 'supervisor']);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      UserPoolTier: 'PLUS',
    });
  });

  it('logs API access without request bodies', () => {
    const stage = Object.values(paddle.processingTemplate.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(JSON.stringify(format)).not.toMatch(/body/i);
  });
});

describe('ProcessingStack hosted sign-in', () => {
  const distributionUrl = (intake: SynthesisedIntake) => ({
    'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ref(intake, intake.processing.clerkSite.distribution), 'DomainName'] }, '/']],
  });

  it('has a Cognito prefix domain, named by the authDomainPrefix setting', () => {
    const userPool = { Ref: ref(paddle, paddle.processing.access.userPool) };
    paddle.processingTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'xihu-skill-subsidy-intake', UserPoolId: userPool });
    textract.processingTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'xihu-test-intake' });
  });

  it('gives the page a public client with the authorization-code flow only, openid/email/profile, signing in and out at the distribution URL', () => {
    const clients = paddle.processingTemplate.findResources('AWS::Cognito::UserPoolClient');
    expect(Object.keys(clients)).toEqual([ref(paddle, paddle.processing.access.userPoolClient)]);
    const client = Object.values(clients)[0]!.Properties as Record<string, unknown>;
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [distributionUrl(paddle)],
      LogoutURLs: [distributionUrl(paddle)],
    });
    expect((client.AllowedOAuthScopes as string[]).sort()).toEqual(['email', 'openid', 'profile']);
  });

  it('lets the ID token carry custom:institutionId, which no user can write', () => {
    const client = Object.values(paddle.processingTemplate.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties as {
      ReadAttributes: string[];
      WriteAttributes: string[];
    };
    expect(client.ReadAttributes).toContain('custom:institutionId');
    expect(client.WriteAttributes).not.toContain('custom:institutionId');
    expect(client.WriteAttributes).not.toContain('email');
  });

  it('also allows the custom domain and, with authLocalhostPort, one localhost port as sign-in targets', () => {
    const client = Object.values(textract.processingTemplate.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    const urls = [distributionUrl(textract), 'https://review.example.gov.cn/', 'http://localhost:5173/'];
    expect(client.CallbackURLs).toEqual(urls);
    expect(client.LogoutURLs).toEqual(urls);
  });

  it('deploys config.json next to the page with the hosted domain, the client id, the redirect URI and the API base', () => {
    const deployment = Object.values(paddle.processingTemplate.findResources('Custom::CDKBucketDeployment'))[0]!.Properties as {
      SourceMarkers: Record<string, unknown>[];
      DistributionPaths: string[];
    };
    // config.json is invalidated with every deployment: it changes whenever the client or domain does.
    expect(deployment.DistributionPaths).toContain('/config.json');
    expect(paddle.processing.clerkSite.pageConfig).toMatchObject({ auth: 'cognito', apiBase: '/api' });
    const resolved = paddle.processing.resolve(paddle.processing.clerkSite.pageConfig) as Record<string, unknown>;
    expect(resolved.clientId).toEqual({ Ref: ref(paddle, paddle.processing.access.userPoolClient) });
    expect(resolved.redirectUri).toEqual(distributionUrl(paddle));
    expect(JSON.stringify(resolved.domain)).toContain(ref(paddle, paddle.processing.access.userPoolDomain));
    expect(JSON.stringify(resolved.domain)).toContain('.amazoncognito.com');
    // The values reach the deployed file through the deployment's markers.
    expect(Object.values(deployment.SourceMarkers[0]!)).toEqual(
      expect.arrayContaining([{ Ref: ref(paddle, paddle.processing.access.userPoolClient) }, { Ref: ref(paddle, paddle.processing.access.userPoolDomain) }]),
    );
    // With a custom domain, people open the page there, so Cognito sends them back there.
    expect(textract.processing.clerkSite.pageUrl).toBe('https://review.example.gov.cn/');
    expect(textract.processing.resolve(textract.processing.clerkSite.pageConfig.redirectUri)).toBe('https://review.example.gov.cn/');
  });
});

describe('ProcessingStack clerk page', () => {
  it('serves the page over HTTPS only, from a private bucket through origin access control, with security headers', () => {
    const template = paddle.processingTemplate;
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' })],
        Logging: Match.objectLike({ Prefix: 'distribution/' }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'") }),
        }),
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: ref(paddle, paddle.processing.clerkSite.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' } })]),
      },
    });
  });
});

describe('ProcessingStack e-mail receiving', () => {
  it('creates no receipt rule without a receiving domain', () => {
    paddle.processingTemplate.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
  });

  it('stores raw mail under email/ in the intake bucket with spam and virus scanning, when a domain is set', () => {
    const template = textract.processingTemplate;
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Enabled: true,
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Recipients: ['intake.example.gov.cn'],
        Actions: [{ S3Action: Match.objectLike({ ObjectKeyPrefix: 'email/' }) }],
      }),
    });
    // SES may write under email/ only, and may use the data key only through S3 (the bucket's default encryption).
    textract.statefulTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: 'IntakeBucket' },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:PutObject',
            Principal: { Service: 'ses.amazonaws.com' },
            Resource: { 'Fn::Join': ['', [arnOf('IntakeBucket'), '/email/*']] },
          }),
        ]),
      },
    });
    textract.statefulTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowSesToStoreReceivedMail', Principal: { Service: 'ses.amazonaws.com' } })]),
      },
    });
  });
});

describe('IntakeFunction defaults', () => {
  it('gives every function the runtime, tracing, its architecture, sizing, log group and Powertools settings', () => {
    const template = paddle.processingTemplate;
    for (const name of FUNCTION_NAMES) {
      const spec = FUNCTION_ENTRIES[name];
      const fn = template.findResources('AWS::Lambda::Function')[fnId(paddle, name)];
      expect(fn.Properties, name).toMatchObject({
        Runtime: LAMBDA_RUNTIME.name,
        Architectures: [spec.architecture],
        MemorySize: spec.memorySize,
        Timeout: spec.timeoutSeconds,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
        Environment: {
          Variables: expect.objectContaining({
            POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
            POWERTOOLS_LOG_LEVEL: 'INFO',
            INTAKE_POLICY_PARAMETERS_DIR: '/var/task/policy-parameters',
            INTAKE_TABLE_NAME: expect.anything(),
            INTAKE_BUCKET: expect.anything(),
            PROCESS_QUEUE_URL: expect.anything(),
            OCR_ENGINE: 'paddle',
          }),
        },
      });
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 180 });
  });

  it('tells process where Textract publishes and which role it passes, and api which user pool to trust', () => {
    const env = (name: FunctionName) =>
      textract.processingTemplate.findResources('AWS::Lambda::Function')[fnId(textract, name)].Properties.Environment.Variables as Record<string, unknown>;
    expect(env('process')).toMatchObject({
      OCR_ENGINE: 'textract',
      TEXTRACT_SNS_TOPIC_ARN: { Ref: ref(textract, textract.processing.textractTopic) },
      TEXTRACT_ROLE_ARN: arnOf(ref(textract, textract.processing.textractRole)),
    });
    expect(env('api')).toMatchObject({
      USER_POOL_ID: { Ref: ref(textract, textract.processing.access.userPool) },
      USER_POOL_CLIENT_ID: { Ref: ref(textract, textract.processing.access.userPoolClient) },
    });
    expect(env('email')).toMatchObject({ INTAKE_REPLY_FROM: 'noreply@intake.example.gov.cn' });
  });
});

describe('ProcessingStack pseudonymous keys', () => {
  it('gives every function the lookup-key secret ARN and the right to read that secret, nothing more of Secrets Manager', () => {
    const functions = paddle.processingTemplate.findResources('AWS::Lambda::Function');
    for (const name of FUNCTION_NAMES) {
      const variables = functions[fnId(paddle, name)].Properties.Environment.Variables as Record<string, unknown>;
      expect(variables.INTAKE_LOOKUP_KEY_SECRET_ARN, name).toBeDefined();
    }
    const secretActions = allIdentityStatements(paddle.processingTemplate)
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('secretsmanager:'));
    expect(new Set(secretActions)).toEqual(new Set(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']));
  });
});

describe('ProcessingStack least privilege', () => {
  const writes = (actions: string[]) => actions.filter((action) => /^s3:(Put|Delete|Abort)/.test(action));

  it('grants nothing as broad as s3:*, dynamodb:*, kms:* or *', () => {
    for (const template of [paddle.processingTemplate, textract.processingTemplate] as Template[]) {
      const actions = allIdentityStatements(template).flatMap(actionsOf);
      expect(actions.filter((action) => ['*', 's3:*', 'dynamodb:*', 'kms:*', 'sqs:*'].includes(action))).toEqual([]);
    }
  });

  it('allows Resource "*" only for X-Ray and Textract, which have no resource-level permissions', () => {
    for (const intake of [paddle, textract]) {
      for (const fn of Object.values(intake.processing.functions)) {
        const wildcard = statementsOf(intake.processingTemplate, fn).filter((s) => s.Resource === '*');
        for (const action of wildcard.flatMap(actionsOf)) {
          expect(action, fn.node.path).toMatch(/^(xray|textract):/);
        }
      }
    }
  });

  it('lets the API read page images and rosters, and write only batch uploads (batches/, incoming/batch-*), deleting nothing', () => {
    const statements = statementsOf(paddle.processingTemplate, paddle.processing.functions.api);
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/derived/*')).toContain('s3:GetObject*');
    // The batch report reads the roster back, and batch progress lists the objects under incoming/<batch>/.
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/batches/*')).toContain('s3:GetObject*');
    // The bucket's own ARN (an import, not joined with a key pattern) is what ListObjectsV2 is authorised on.
    const isBucketItself = (resource: unknown) => String((resource as { 'Fn::ImportValue'?: unknown })['Fn::ImportValue'] ?? '').includes('IntakeBucketArn');
    const onBucketItself = statements.filter((statement) => [statement.Resource].flat().some(isBucketItself));
    expect(onBucketItself.flatMap(actionsOf)).toContain('s3:List*');
    const writing = statements.filter((statement) => writes(actionsOf(statement)).length > 0);
    expect(writing.flatMap(actionsOf).sort()).toEqual([...BATCH_UPLOAD_ACTIONS].sort());
    for (const statement of writing) {
      const resources = (statement.Resource as unknown[]).map((resource) => JSON.stringify(resource));
      expect(resources).toHaveLength(2);
      expect(resources.some((resource) => resource.includes('IntakeBucketArn') && resource.endsWith('"/batches/*"]]}'))).toBe(true);
      expect(resources.some((resource) => resource.includes('IntakeBucketArn') && resource.endsWith('"/incoming/batch-*"]]}'))).toBe(true);
    }
    // Other submissions' originals stay out of reach, and the API never deletes.
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/incoming/*')).toEqual([]);
    expect(statements.flatMap(actionsOf).filter((action) => action.startsWith('s3:Delete'))).toEqual([]);
  });

  it('lets ingest read originals under incoming/ and write unpacked ZIP entries there, nowhere else, deleting nothing', () => {
    const statements = statementsOf(paddle.processingTemplate, paddle.processing.functions.ingest);
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/incoming/*')).toContain('s3:GetObject*');
    const bucketWrites = writes(allowedActionsOn(statements, 'IntakeBucketArn'));
    expect(bucketWrites).toContain('s3:PutObject');
    expect(writes(allowedActionsOn(statements, 'IntakeBucketArn', '/incoming/*'))).toEqual(bucketWrites);
    expect(bucketWrites.filter((action) => action.startsWith('s3:Delete'))).toEqual([]);
    expect(allowedActionsOn(statements, 'IntakeTableArn')).toEqual(
      // TransactWriteItems is authorised item by item: the conditional puts and condition checks the storage adapters use.
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Query']),
    );
    expect(allowedActionsOn(statements, 'ProcessQueue')).toContain('sqs:SendMessage');
  });

  it('lets process and textract-completion write checkpoints under derived/ only, and only the latter requeue', () => {
    for (const name of ['process', 'textractCompletion'] as const) {
      const statements = statementsOf(paddle.processingTemplate, paddle.processing.functions[name]);
      expect(allowedActionsOn(statements, 'IntakeBucketArn', '/derived/*'), name).toContain('s3:PutObject');
      expect(writes(allowedActionsOn(statements, 'IntakeBucketArn', '/incoming/*')), name).toEqual([]);
    }
    const processQueue = ref(paddle, paddle.processing.processQueue);
    const sends = (name: FunctionName) =>
      statementsOf(paddle.processingTemplate, paddle.processing.functions[name])
        .filter((statement) => JSON.stringify(statement.Resource).includes(processQueue))
        .flatMap(actionsOf)
        .filter((action) => action === 'sqs:SendMessage');
    expect(sends('textractCompletion')).toHaveLength(1);
    expect(sends('process')).toEqual([]);
  });

  it('lets the e-mail function read email/ and drop attachments into incoming/, nothing else in the bucket', () => {
    const statements = statementsOf(paddle.processingTemplate, paddle.processing.functions.email);
    const bucketStatements = statements.filter((s) => JSON.stringify(s.Resource).includes('IntakeBucketArn'));
    const prefixes = bucketStatements.map((s) => JSON.stringify(s.Resource).match(/\/(\w+)\/\*/)?.[1]);
    expect(new Set(prefixes)).toEqual(new Set(['email', 'incoming']));
    expect(writes(allowedActionsOn(statements, 'IntakeBucketArn', '/email/*'))).toEqual([]);
  });

  it('grants Textract actions and PassRole on the Textract role only when the textract engine is selected', () => {
    const processActions = (intake: SynthesisedIntake) => statementsOf(intake.processingTemplate, intake.processing.functions.process).flatMap(actionsOf);
    expect(processActions(paddle).filter((action) => action.startsWith('textract:'))).toEqual([]);
    expect(processActions(paddle)).not.toContain('iam:PassRole');
    expect(processActions(textract)).toEqual(expect.arrayContaining([...TEXTRACT_ACTIONS, 'iam:PassRole']));
    const passRole = statementsOf(textract.processingTemplate, textract.processing.functions.process).find((s) => actionsOf(s).includes('iam:PassRole'));
    expect(passRole?.Resource).toEqual(arnOf(ref(textract, textract.processing.textractRole)));
  });

  it('lets only the reply path send mail, for the configured domain', () => {
    const sends = (intake: SynthesisedIntake, name: FunctionName) =>
      statementsOf(intake.processingTemplate, intake.processing.functions[name])
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('ses:'));
    expect(sends(textract, 'email')).toContain('ses:SendEmail');
    expect(sends(paddle, 'email')).toEqual([]);
    for (const name of FUNCTION_NAMES.filter((n) => n !== 'email')) expect(sends(textract, name)).toEqual([]);
  });
});

describe('stacks', () => {
  it('deploys processing after stateful and never the other way round (no reference cycle)', () => {
    expect(paddle.processing.dependencies).toContain(paddle.stateful);
    expect(paddle.stateful.dependencies).toEqual([]);
    expect(Stack.of(paddle.processing.functions.api)).toBe(paddle.processing);
  });
});

describe('ProcessingStack operations', () => {
  const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
  const REGIONAL_CERT = 'arn:aws:acm:ap-southeast-1:123456789012:certificate/66666666-2222-3333-4444-555555555555';

  it('alarms on every failed document through the metric the functions record, not on the drained DLQ’s depth', () => {
    const alarms = paddle.processingTemplate.findResources('AWS::CloudWatch::Alarm') as Record<string, { Properties: Record<string, unknown> }>;
    const failed = Object.values(alarms).find((alarm) => JSON.stringify(alarm.Properties.Metrics ?? '').includes('FailedDocuments'));
    expect(failed?.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const dlqId = ref(paddle, paddle.processing.processDeadLetterQueue);
    const onDlqDepth = Object.values(alarms).filter((alarm) => JSON.stringify(alarm.Properties.Dimensions ?? []).includes(dlqId));
    expect(onDlqDepth).toEqual([]);
  });

  it('alarms on throttles and near-timeouts of every function, API 5xx and DynamoDB throttling; Textract only when selected', () => {
    const alarms = (intake: SynthesisedIntake) =>
      Object.values(intake.processingTemplate.findResources('AWS::CloudWatch::Alarm') as Record<string, { Properties: Record<string, unknown> }>).map(
        (a) => a.Properties,
      );
    const paddleAlarms = alarms(paddle);
    for (const name of FUNCTION_NAMES) {
      const dims = (alarm: Record<string, unknown>) => JSON.stringify(alarm.Dimensions ?? []);
      const mine = paddleAlarms.filter((alarm) => dims(alarm).includes(fnId(paddle, name)));
      expect(mine.map((alarm) => alarm.MetricName).sort()).toEqual(['Duration', 'Errors', 'Throttles']);
      const nearTimeout = mine.find((alarm) => alarm.MetricName === 'Duration')!;
      expect(nearTimeout.Threshold).toBe(FUNCTION_ENTRIES[name].timeoutSeconds * 800);
    }
    expect(paddleAlarms.some((alarm) => alarm.MetricName === '5xx' && alarm.Namespace === 'AWS/ApiGateway')).toBe(true);
    expect(paddleAlarms.some((alarm) => JSON.stringify(alarm.Metrics ?? '').includes('WriteThrottleEvents'))).toBe(true);
    expect(paddleAlarms.some((alarm) => JSON.stringify(alarm.Metrics ?? '').includes('AWS/Textract'))).toBe(false);
    expect(alarms(textract).some((alarm) => JSON.stringify(alarm.Metrics ?? '').includes('AWS/Textract'))).toBe(true);
  });

  it('draws one dashboard with documents, pages, stage times, queue age and errors', () => {
    const dashboards = Object.values(paddle.processingTemplate.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]);
    for (const needle of ['DocumentsProcessed', 'PagesRead', 'StageTime', 'ApproximateAgeOfOldestMessage', 'FailedDocuments', 'CasesWaiting']) {
      expect(body).toContain(needle);
    }
  });

  it('reserves concurrency for the API and caps ingest, so a batch burst cannot starve clerks', () => {
    const template = paddle.processingTemplate;
    template.hasResourceProperties('AWS::Lambda::Function', { Description: FUNCTION_ENTRIES.api.description, ReservedConcurrentExecutions: 100 });
    template.hasResourceProperties('AWS::Lambda::Function', { Description: FUNCTION_ENTRIES.ingest.description, ReservedConcurrentExecutions: 20 });
  });

  it('sizes the API stage for a province and gives transient failures ten deliveries before the DLQ', () => {
    paddle.processingTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
    const defaults = synthesiseIntake({});
    defaults.processingTemplate.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 10 }) });
  });

  it('gives Textract completions a dead-letter queue for undelivered and failed notices', () => {
    const dlq = textract.processing.node.findChild('TextractCompletionDeadLetterQueue') as unknown as IConstruct;
    const dlqArn = arnOf(ref(textract, dlq));
    textract.processingTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', RedrivePolicy: { deadLetterTargetArn: dlqArn } });
    textract.processingTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Description: FUNCTION_ENTRIES.textractCompletion.description,
      DeadLetterConfig: { TargetArn: dlqArn },
    });
  });

  it('serves the page on its custom domain with its certificate, and sends Cognito mail through SES', () => {
    textract.processingTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Aliases: ['review.example.gov.cn'], ViewerCertificate: Match.objectLike({ AcmCertificateArn: CERT }) }),
    });
    textract.processingTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', From: Match.stringLikeRegexp('noreply@intake.example.gov.cn') }),
    });
  });

  it('disables the execute-api endpoint when CloudFront reaches the API by its own domain', () => {
    const fronted = synthesiseIntake({ apiDomain: 'api.review.example.gov.cn', apiCertificateArn: REGIONAL_CERT });
    fronted.processingTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    fronted.processingTemplate.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.review.example.gov.cn' });
    fronted.processingTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Origins: Match.arrayWith([Match.objectLike({ DomainName: 'api.review.example.gov.cn' })]) }),
    });
    const [api] = Object.values(paddle.processingTemplate.findResources('AWS::ApiGatewayV2::Api')) as { Properties: { DisableExecuteApiEndpoint?: boolean } }[];
    expect(api!.Properties.DisableExecuteApiEndpoint ?? false).toBe(false);
  });

  it("keeps failed documents' messages in a queue the operator can move back to process", () => {
    const kept = ref(paddle, paddle.processing.failedDocumentsQueue);
    paddle.processingTemplate.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: arnOf(kept), maxReceiveCount: 5 },
    });
    paddle.processingTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Description: FUNCTION_ENTRIES.deadLetter.description,
      Environment: { Variables: Match.objectLike({ FAILED_DOCUMENTS_QUEUE_URL: { Ref: kept } }) },
    });
    expect(allowedActionsOn(statementsOf(paddle.processingTemplate, paddle.processing.functions.deadLetter), kept)).toEqual(
      expect.arrayContaining(['sqs:SendMessage']),
    );
  });

  it('refuses a page domain without its certificate', () => {
    expect(() => synthesiseIntake({ clerkSiteDomain: 'review.example.gov.cn' })).toThrow(/clerkSiteCertificateArn/);
  });
});
