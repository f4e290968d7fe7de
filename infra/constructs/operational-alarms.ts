import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperationalAlarmsProps {
  readonly topic: ITopic;
}

/**
 * The alarms an operator acts on, all notifying one SNS topic: a message in any dead-letter queue (a document the
 * clerks will not see unless someone looks), errors of any function, and a work queue that stops draining.
 */
export class OperationalAlarms extends Construct {
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(props.topic);
  }

  /**
   * Alarms as soon as one message sits in the dead-letter queue.
   *
   * @example
   * alarms.onDeadLetters('ProcessDlq', processDeadLetterQueue);
   */
  onDeadLetters(id: string, queue: IQueue): Alarm {
    return this.withAction(
      new Alarm(this, `${id}Depth`, {
        alarmDescription: `Messages in ${id}: a document failed for good; see docs/deployment.md#dead-letters`,
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * Alarms on any invocation error of the function within five minutes.
   *
   * @example
   * alarms.onErrors('Process', processFunction);
   */
  onErrors(id: string, fn: IFunction): Alarm {
    return this.withAction(
      new Alarm(this, `${id}Errors`, {
        alarmDescription: `${id} function errors`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * Alarms when the oldest message in the queue is older than `maxAge` (work stuck or OCR falling behind).
   *
   * @example
   * alarms.onBacklogAge('ProcessQueue', processQueue, Duration.hours(1));
   */
  onBacklogAge(id: string, queue: IQueue, maxAge: Duration): Alarm {
    return this.withAction(
      new Alarm(this, `${id}Age`, {
        alarmDescription: `Oldest message in ${id} older than ${maxAge.toHumanString()}`,
        metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: maxAge.toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  private withAction(alarm: Alarm): Alarm {
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
