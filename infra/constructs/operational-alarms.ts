import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { METRIC_NAMESPACE, MetricName } from '../../functions/compose/metrics.js';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperationalAlarmsProps {
  readonly topic: ITopic;
}

/**
 * The alarms an operator acts on, all notifying one SNS topic: a document that failed for good (the metric the
 * dead-letter and process functions record: the process DLQ is drained in seconds, so its depth says nothing), a
 * message in a DLQ nothing drains, errors, throttles and near-timeouts of any function, API 5xx, DynamoDB and
 * Textract throttling, and a work queue that stops draining.
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
    return this.whenAtLeast({
      alarmId: `${id}Errors`,
      alarmDescription: `${id} function errors`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      atLeast: 1,
    });
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

  /**
   * Alarms on any document marked `failed` after its retries (metric `FailedDocuments`, any function).
   *
   * @example
   * alarms.onFailedDocuments();
   */
  onFailedDocuments(): Alarm {
    return this.whenAtLeast({
      alarmId: 'FailedDocuments',
      alarmDescription: 'A document failed for good; clerks see it as failed. See docs/deployment.md#failed-documents',
      metric: new MathExpression({
        expression: `SUM(SEARCH('{${METRIC_NAMESPACE},Function} MetricName="${MetricName.failedDocuments}"', 'Sum', 300))`,
        label: 'failed documents',
        period: Duration.minutes(5),
      }),
      atLeast: 1,
    });
  }

  /**
   * Alarms when Lambda throttled any invocation of the function (reserved concurrency or the account's limit).
   *
   * @example
   * alarms.onThrottles('Api', apiFunction);
   */
  onThrottles(id: string, fn: IFunction): Alarm {
    return this.whenAtLeast({
      alarmId: `${id}Throttles`,
      alarmDescription: `${id} invocations throttled: raise its reserved concurrency or the account quota (docs/capacity.md)`,
      metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
      atLeast: 1,
    });
  }

  /**
   * Alarms when the function's longest run in five minutes came within 20% of its timeout.
   *
   * @example
   * alarms.onNearTimeout('Process', processFunction, Duration.minutes(15));
   */
  onNearTimeout(id: string, fn: IFunction, timeout: Duration): Alarm {
    return this.withAction(
      new Alarm(this, `${id}NearTimeout`, {
        alarmDescription: `${id} ran longer than 80% of its ${timeout.toHumanString()} timeout`,
        metric: fn.metricDuration({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: Math.round(timeout.toMilliseconds() * 0.8),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * Alarms on server errors of the HTTP API (5 or more in five minutes).
   *
   * @example
   * alarms.onApiServerErrors(httpApi);
   */
  onApiServerErrors(api: IHttpApi): Alarm {
    return this.whenAtLeast({
      alarmId: 'ApiServerErrors',
      alarmDescription: 'Review API answered 5xx',
      metric: api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      atLeast: 5,
    });
  }

  /**
   * Alarms when DynamoDB throttled reads or writes on the table (on-demand tables throttle on hot partitions and
   * above twice the previous peak).
   *
   * @example
   * alarms.onTableThrottles(table.tableName);
   */
  onTableThrottles(tableName: string): Alarm {
    const events = (metricName: string) =>
      new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: tableName }, statistic: 'Sum', period: Duration.minutes(5) });
    return this.whenAtLeast({
      alarmId: 'TableThrottles',
      alarmDescription: 'DynamoDB throttled the intake table (hot partition or a burst above the on-demand peak)',
      metric: new MathExpression({
        expression: 'r + w',
        usingMetrics: { r: events('ReadThrottleEvents'), w: events('WriteThrottleEvents') },
        label: 'throttle events',
        period: Duration.minutes(5),
      }),
      atLeast: 1,
    });
  }

  /**
   * Alarms when Textract throttled the intake's calls (its TPS quotas are per account and region).
   *
   * @example
   * alarms.onTextractThrottles();
   */
  onTextractThrottles(): Alarm {
    const throttled = (operation: string) =>
      new Metric({
        namespace: 'AWS/Textract',
        metricName: 'ThrottledCount',
        dimensionsMap: { Operation: operation },
        statistic: 'Sum',
        period: Duration.minutes(5),
      });
    return this.whenAtLeast({
      alarmId: 'TextractThrottles',
      alarmDescription: 'Textract throttled OCR calls: request a higher TPS quota (docs/capacity.md)',
      metric: new MathExpression({
        expression: 'd + s + g',
        usingMetrics: {
          d: throttled('DetectDocumentText'),
          s: throttled('StartDocumentTextDetection'),
          g: throttled('GetDocumentTextDetection'),
        },
        label: 'Textract throttles',
        period: Duration.minutes(5),
      }),
      atLeast: 1,
    });
  }

  /**
   * An alarm on `metric` reaching `atLeast` within one period (no data: no alarm), notifying the topic. Errors,
   * throttles, failed documents and API 5xx are all alarms of this kind.
   */
  private whenAtLeast(alarm: { alarmId: string; alarmDescription: string; metric: IMetric; atLeast: number }): Alarm {
    return this.withAction(
      new Alarm(this, alarm.alarmId, {
        alarmDescription: alarm.alarmDescription,
        metric: alarm.metric,
        threshold: alarm.atLeast,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  private withAction(alarm: Alarm): Alarm {
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
