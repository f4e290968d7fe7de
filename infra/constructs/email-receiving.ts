import { Aws, CfnOutput } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { S3 } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { BucketPrefix } from '../../shared/storage/layout.js';

export interface EmailReceivingProps {
  readonly receivingDomain: string;
  readonly intakeBucket: IBucket;
  readonly dataKey: IKey;
}

/**
 * SES receives mail for the bureau's intake domain and stores each raw message under `email/` in the intake bucket,
 * where the object-created notification hands it to the e-mail function. Spam and virus scanning is on; the verdicts
 * travel in the stored message's headers and the handler rejects a FAIL with a stored reason.
 *
 * SES cannot activate a rule set from CloudFormation: run `aws ses set-active-receipt-rule-set` once (docs/deployment.md).
 */
export class EmailReceiving extends Construct {
  readonly ruleSet: ReceiptRuleSet;

  constructor(scope: Construct, id: string, props: EmailReceivingProps) {
    super(scope, id);

    // The bucket encrypts with the data key by default, so SES's PutObject needs to generate data keys under it.
    props.dataKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesToStoreReceivedMail',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Encrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` },
        },
      }),
    );

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', {
      rules: [
        {
          recipients: [props.receivingDomain],
          scanEnabled: true,
          tlsPolicy: TlsPolicy.REQUIRE,
          actions: [new S3({ bucket: props.intakeBucket, objectKeyPrefix: BucketPrefix.email })],
        },
      ],
    });

    new CfnOutput(this, 'ReceiptRuleSetName', {
      value: this.ruleSet.receiptRuleSetName,
      description: 'Activate once: aws ses set-active-receipt-rule-set --rule-set-name <this>',
    });
  }
}
