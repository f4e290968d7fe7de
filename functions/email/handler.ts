/**
 * **email** — S3 ObjectCreated events of the intake bucket's `email/` prefix, where SES's receipt rule (or
 * `intake email`, locally) stores raw messages. Reads each message, stores its usable files under `incoming/` (which
 * ingest picks up) and records the message (shared/email/take-in-email.ts). A record that fails for a reason other
 * than the message itself fails the invocation, so S3's asynchronous invocation retries it, then the e-mail DLQ.
 */
import { takeInEmail, type EmailIntakeDeps } from '../../shared/email/index.js';
import { createdObjectsHandler } from '../compose/created-objects.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { once } from '../compose/root-options.js';
import { composeEmail } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('email');

/**
 * An e-mail handler over the given dependencies (the exported `handler` uses the environment's).
 *
 * @example
 * const email = createEmailHandler(() => ({ blobs, emails, clock, maxFileBytes: 50 * 1024 * 1024 }));
 * await email(s3Event);
 */
export function createEmailHandler(resolve: () => EmailIntakeDeps) {
  return createdObjectsHandler(logger, resolve, takeInEmail, {
    failed: 'e-mail intake failed; the event will be retried',
    notTaken: 'message(s) could not be taken in',
  });
}

export const handler = createEmailHandler(once(() => composeEmail({ logger: asPipelineLogger(logger) })));
