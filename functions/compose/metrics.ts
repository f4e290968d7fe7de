/**
 * CloudWatch metrics as Embedded Metric Format log lines: Lambda's log agent turns each line into a metric data
 * point, with no client, no API call and no extra dependency. Alarms and the dashboard (infra/) read them.
 */

/** The namespace every metric of the intake is recorded under (infra/constructs/operational-alarms.ts reads it). */
export const METRIC_NAMESPACE = 'SkillSubsidyIntake';

/** Metric names the functions record. */
export const MetricName = {
  /** One per document the dead-letter function marks `failed` after its retries. */
  failedDocuments: 'FailedDocuments',
  /** One per document process finished (read, extracted, judged, written). */
  documentsProcessed: 'DocumentsProcessed',
  /** Pages of the documents process finished. */
  pagesRead: 'PagesRead',
  /** Milliseconds per stage of a finished document (dimension `Stage`: sniff, render, textLayer, ocr, extract). */
  stageTime: 'StageTime',
} as const;
export type MetricName = (typeof MetricName)[keyof typeof MetricName];

/** Records counts; the dead-letter function's port to CloudWatch. */
export interface MetricSink {
  count(name: MetricName, value: number, dimensions?: Record<string, string>): void;
  milliseconds?(name: MetricName, value: number, dimensions?: Record<string, string>): void;
}

/**
 * One EMF record: a JSON object whose `_aws` member tells CloudWatch which keys are metrics.
 *
 * @example
 * emfRecord('FailedDocuments', 1, { Function: 'dead-letter' }, new Date(0));
 * // { _aws: { Timestamp: 0, CloudWatchMetrics: [{ Namespace: 'SkillSubsidyIntake', Dimensions: [['Function']], Metrics: [{ Name: 'FailedDocuments', Unit: 'Count' }] }] }, Function: 'dead-letter', FailedDocuments: 1 }
 */
export function emfRecord(
  name: MetricName,
  value: number,
  dimensions: Record<string, string>,
  at: Date,
  unit: 'Count' | 'Milliseconds' = 'Count',
): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [{ Namespace: METRIC_NAMESPACE, Dimensions: [Object.keys(dimensions)], Metrics: [{ Name: name, Unit: unit }] }],
    },
    ...dimensions,
    [name]: value,
  };
}

/**
 * A sink writing EMF lines to `write` (stdout on Lambda).
 *
 * @example
 * const metrics = emfMetrics({ Function: 'dead-letter' });
 * metrics.count(MetricName.failedDocuments, 1);
 */
export function emfMetrics(
  dimensions: Record<string, string>,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => Date = () => new Date(),
): MetricSink {
  return {
    count: (name, value, extra = {}) => write(JSON.stringify(emfRecord(name, value, { ...dimensions, ...extra }, now()))),
    milliseconds: (name, value, extra = {}) => write(JSON.stringify(emfRecord(name, value, { ...dimensions, ...extra }, now(), 'Milliseconds'))),
  };
}
