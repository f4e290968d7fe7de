/**
 * On AWS the HMAC key behind pseudonymous index keys (ID numbers never appear in table keys, docs/data-model.md) lives
 * in Secrets Manager; the function gets its ARN. Every handler that touches the table awaits this once at cold start,
 * before the repositories are built, so `lookupSecretFromEnv()` finds the key in `INTAKE_LOOKUP_KEY_SECRET`.
 * Locally and in tests no ARN is set and nothing is fetched (the development key is used).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export class LookupSecretUnavailableError extends Error {
  constructor(secretArn: string, options?: { cause?: unknown }) {
    super(`the lookup-key secret ${secretArn} has no string value or could not be read`, options);
    this.name = 'LookupSecretUnavailableError';
  }
}

/**
 * Puts the lookup key into `env.INTAKE_LOOKUP_KEY_SECRET` when only its secret's ARN is configured.
 *
 * @example
 * await resolveLookupSecret(); // at module scope of a handler
 */
export async function resolveLookupSecret(
  env: NodeJS.ProcessEnv = process.env,
  client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
): Promise<void> {
  const secretArn = env.INTAKE_LOOKUP_KEY_SECRET_ARN;
  if (env.INTAKE_LOOKUP_KEY_SECRET || !secretArn) return;
  let value: string | undefined;
  try {
    value = (await client.send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString;
  } catch (error) {
    throw new LookupSecretUnavailableError(secretArn, { cause: error });
  }
  // Failing the cold start is right: with the development key the person index would be reversible and inconsistent.
  if (!value) throw new LookupSecretUnavailableError(secretArn);
  env.INTAKE_LOOKUP_KEY_SECRET = value;
}
