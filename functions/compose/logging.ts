/**
 * The logger of a function and its adaptation to the domain's logger port. Imports nothing native, so every
 * function's root can use it without pulling another function's runtime into its bundle.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';
import { createLogger } from '../../shared/logging/index.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';

/**
 * The logger of one function, PII-masked.
 *
 * @example
 * const logger = functionLogger('ingest');
 */
export function functionLogger(name: string, env: NodeJS.ProcessEnv = process.env): Logger {
  return createLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'skill-subsidy-intake', persistentKeys: { stage: name } });
}

/**
 * The domain's logger port over a Powertools Logger (records stay PII-masked by the logger itself).
 *
 * @example
 * const log = asPipelineLogger(functionLogger('process'));
 */
export function asPipelineLogger(logger: Logger): PipelineLogger {
  return {
    info: (message, attributes) => logger.info(message, (attributes ?? {}) as LogAttributes),
    warn: (message, attributes) => logger.warn(message, (attributes ?? {}) as LogAttributes),
    error: (message, attributes) => logger.error(message, (attributes ?? {}) as LogAttributes),
  };
}
