import { Logger } from '@aws-lambda-powertools/logger';
import { maskLogValue } from './mask.js';

export interface IntakeLoggerOptions {
  serviceName?: string;
  /** Defaults to `POWERTOOLS_LOG_LEVEL` / `LOG_LEVEL`, else INFO. */
  logLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | 'CRITICAL';
  persistentKeys?: Record<string, string>;
}

/**
 * A Powertools Logger whose every record passes through the PII mask. The mask is the logger's JSON replacer, which
 * Powertools calls for every key at every depth (the message, extra attributes, nested objects and the fields of
 * formatted errors alike), so no call site can forget it.
 *
 * @example
 * const logger = createLogger({ serviceName: 'ingest' });
 * logger.info('registered', { holderName: '王晓明' }); // … "holderName":"王*明" …
 */
export function createLogger(options: IntakeLoggerOptions = {}): Logger {
  return new Logger({
    serviceName: options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'skill-subsidy-intake',
    logLevel: options.logLevel ?? (process.env.POWERTOOLS_LOG_LEVEL as IntakeLoggerOptions['logLevel']) ?? 'INFO',
    persistentKeys: options.persistentKeys,
    jsonReplacerFn: (key: string, value: unknown) => maskLogValue(key, value),
  });
}
