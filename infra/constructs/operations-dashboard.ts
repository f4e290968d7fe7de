import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Dashboard, GraphWidget, MathExpression, Metric, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC_NAMESPACE, MetricName } from '../../functions/compose/metrics.js';

export interface OperationsDashboardProps {
  readonly processQueue: IQueue;
  readonly functions: Record<string, IFunction>;
  readonly api: IHttpApi;
}

const perMinute = Duration.minutes(1);

const intakeMetric = (metricName: string, statistic: string, dimensionsMap: Record<string, string>, label: string): Metric =>
  new Metric({ namespace: METRIC_NAMESPACE, metricName, dimensionsMap, statistic, period: perMinute, label });

/**
 * One CloudWatch dashboard for the intake: documents and pages per minute, time per stage, the process queue's
 * depth and age, cases written, and errors (failed documents, function errors and throttles, API 5xx).
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const stages = ['sniff', 'render', 'textLayer', 'ocr', 'extract'] as const;
    const functionMetrics = (metric: (fn: IFunction) => IMetric) => Object.values(props.functions).map(metric);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(6),
      widgets: [
        [
          new GraphWidget({
            title: 'Documents and pages per minute',
            left: [intakeMetric(MetricName.documentsProcessed, 'Sum', { Function: 'process' }, 'documents')],
            right: [intakeMetric(MetricName.pagesRead, 'Sum', { Function: 'process' }, 'pages')],
            width: 12,
          }),
          new GraphWidget({
            title: 'Time per stage (p90, ms per document)',
            left: stages.map((stage) => intakeMetric(MetricName.stageTime, 'p90', { Function: 'process', Stage: stage }, stage)),
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Process queue: waiting and oldest (s)',
            left: [props.processQueue.metricApproximateNumberOfMessagesVisible({ period: perMinute, label: 'waiting' })],
            right: [props.processQueue.metricApproximateAgeOfOldestMessage({ period: perMinute, label: 'oldest (s)' })],
            width: 12,
          }),
          new GraphWidget({
            title: 'Cases waiting per review queue',
            left: [
              new MathExpression({
                expression: `SEARCH('{${METRIC_NAMESPACE},Queue} MetricName="CasesWaiting"', 'Maximum', 300)`,
                label: 'cases waiting',
                period: Duration.minutes(5),
              }),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Errors',
            left: [
              new MathExpression({
                expression: `SUM(SEARCH('{${METRIC_NAMESPACE},Function} MetricName="${MetricName.failedDocuments}"', 'Sum', 60))`,
                label: 'failed documents',
                period: perMinute,
              }),
              props.api.metricServerError({ period: perMinute, label: 'API 5xx' }),
              ...functionMetrics((fn) => fn.metricErrors({ period: perMinute })),
            ],
            right: functionMetrics((fn) => fn.metricThrottles({ period: perMinute })),
            width: 24,
          }),
        ],
      ],
    });
  }
}
