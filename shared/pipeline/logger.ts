/**
 * The part of a logger the pipeline uses (the Powertools Logger from shared/logging satisfies it; tests pass none).
 * Attributes go through the PII mask there, so the domain may log field values.
 */
export interface PipelineLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}
