/**
 * A small line logger for the embedded stack. The Lambda handlers log through Powertools; the local machinery
 * (dispatcher, queue, inbox) only needs short lines on stderr. Object keys carry file names, and file names often
 * carry a person's name or ID number, so keys are masked before they are logged.
 */
import { maskLogValue } from '../shared/logging/mask.js';

export interface LocalLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = keyof typeof LEVELS;

function configuredLevel(): Level {
  const raw = (process.env.INTAKE_LOCAL_LOG_LEVEL ?? 'info').toLowerCase();
  return raw in LEVELS ? (raw as Level) : 'info';
}

/**
 * Masks what may identify a person in an object key or file name: runs of CJK characters (names) and runs of six or
 * more digits/X (ID numbers, phone numbers). Prefixes, separators and extensions stay readable.
 *
 * @example
 * maskKey('incoming/s1/王晓明 330106199001011234.jpg'); // 'incoming/s1/*** ******.jpg'
 */
export function maskKey(key: string): string {
  return key.replace(/[\u3400-\u9fff\uf900-\ufaff]+/gu, '***').replace(/[0-9Xx]{6,}/g, '******');
}

/**
 * A logger for one component of the embedded stack; level from `INTAKE_LOCAL_LOG_LEVEL` (debug|info|warn|error|silent).
 *
 * @example
 * const log = createLocalLogger('queue');
 * log.info('redelivering', { messageId: 'm1' });
 */
export function createLocalLogger(component: string): LocalLogger {
  const write = (level: Level, message: string, context?: Record<string, unknown>) => {
    if (LEVELS[level] < LEVELS[configuredLevel()]) return;
    // The same masking as the functions' logger: names and ID numbers in ids, keys and fields never reach stderr.
    const extra = context && Object.keys(context).length > 0 ? ` ${JSON.stringify(context, (key, value) => maskLogValue(key, value))}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${component}] ${message}${extra}\n`);
  };
  return {
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}
