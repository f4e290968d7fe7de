import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES, FILE_CHECK_MODULES } from '../../infra/function-entries.js';
import { actionsOf, allowedActionsOn, statementsOf } from './support/iam.js';
import { type SynthesisedIntake, synthesiseIntake } from './support/intake-app.js';

let paddle: SynthesisedIntake;
let textract: SynthesisedIntake;
beforeAll(() => {
  paddle = synthesiseIntake();
  textract = synthesiseIntake({ ocrEngine: 'textract', textractSweepAfterMinutes: 45, textractGiveUpAfterHours: 12 });
});

const ref = (intake: SynthesisedIntake, construct: IConstruct) => intake.processing.getLogicalId(construct.node.defaultChild as CfnElement);
const sweeperId = (intake: SynthesisedIntake) => ref(intake, intake.processing.functions.textractSweeper);
const queueIdOf = (intake: SynthesisedIntake, suffix: string) =>
  Object.keys(intake.processingTemplate.findResources('AWS::SQS::Queue')).find((id) => id.startsWith(suffix))!;

describe('textract-sweeper wiring', () => {
  it('runs the sweeper every 15 minutes from an EventBridge rule whose undeliverable events go to a dead-letter queue', () => {
    const dlq = queueIdOf(textract, 'TextractSweeperDeadLetterQueue');
    expect(dlq).toBeDefined();
    textract.processingTemplate.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [sweeperId(textract), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        }),
      ],
    });
    // A sweep that fails after Lambda's own retry lands in the same queue, which has an alarm.
    textract.processingTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Description: FUNCTION_ENTRIES.textractSweeper.description,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
      ReservedConcurrentExecutions: 1,
      Environment: { Variables: Match.objectLike({ TEXTRACT_SWEEP_AFTER_MINUTES: '45', TEXTRACT_GIVE_UP_AFTER_HOURS: '12' }) },
    });
    textract.processingTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
    });
  });

  it('lets the sweeper ask Textract about jobs only when the textract engine is selected, and start none', () => {
    const textractActions = (intake: SynthesisedIntake) =>
      statementsOf(intake.processingTemplate, intake.processing.functions.textractSweeper)
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('textract:'));
    expect(textractActions(paddle)).toEqual([]);
    expect(textractActions(textract)).toEqual(['textract:GetDocumentTextDetection']);
  });

  it('grants the sweeper what the completion path uses and the failed-documents queue, nothing that deletes or reads e-mail', () => {
    const statements = statementsOf(textract.processingTemplate, textract.processing.functions.textractSweeper);
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/derived/*')).toContain('s3:PutObject');
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/incoming/*')).toContain('s3:GetObject*');
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/incoming/*').filter((action) => action.startsWith('s3:Put'))).toEqual([]);
    expect(allowedActionsOn(statements, 'IntakeBucketArn', '/email/*')).toEqual([]);
    expect(statements.flatMap(actionsOf).filter((action) => action.startsWith('s3:Delete'))).toEqual([]);
    expect(allowedActionsOn(statements, 'IntakeTableArn')).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
    expect(allowedActionsOn(statements, ref(textract, textract.processing.failedDocumentsQueue))).toContain('sqs:SendMessage');
    expect(allowedActionsOn(statements, ref(textract, textract.processing.processQueue))).toContain('sqs:SendMessage');
  });

  it('ships the file-check modules and no OCR runtime', () => {
    expect(FUNCTION_ENTRIES.textractSweeper.nodeModules).toEqual(FILE_CHECK_MODULES);
    expect(FUNCTION_ENTRIES.textractSweeper.nodeModules).not.toContain('onnxruntime-node');
  });
});
