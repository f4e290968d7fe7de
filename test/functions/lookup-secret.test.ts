import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { LookupSecretUnavailableError, resolveLookupSecret } from '../../functions/lookup-secret.js';

describe('resolveLookupSecret', () => {
  it('puts the secret value into INTAKE_LOOKUP_KEY_SECRET when only the ARN is configured', async () => {
    const secrets = mockClient(SecretsManagerClient);
    secrets.on(GetSecretValueCommand, { SecretId: 'arn:secret' }).resolves({ SecretString: 'k3y' });
    const env: NodeJS.ProcessEnv = { INTAKE_LOOKUP_KEY_SECRET_ARN: 'arn:secret' };

    await resolveLookupSecret(env, new SecretsManagerClient({}));

    expect(env.INTAKE_LOOKUP_KEY_SECRET).toBe('k3y');
    secrets.restore();
  });

  it('fetches nothing locally, where no ARN is set', async () => {
    const secrets = mockClient(SecretsManagerClient);
    const env: NodeJS.ProcessEnv = {};

    await resolveLookupSecret(env, new SecretsManagerClient({}));

    expect(secrets.calls()).toHaveLength(0);
    expect(env.INTAKE_LOOKUP_KEY_SECRET).toBeUndefined();
    secrets.restore();
  });

  it('fails the cold start with LookupSecretUnavailableError when the secret cannot be read', async () => {
    const secrets = mockClient(SecretsManagerClient);
    secrets.on(GetSecretValueCommand).rejects(new Error('AccessDeniedException'));

    await expect(resolveLookupSecret({ INTAKE_LOOKUP_KEY_SECRET_ARN: 'arn:secret' }, new SecretsManagerClient({}))).rejects.toBeInstanceOf(
      LookupSecretUnavailableError,
    );
    secrets.restore();
  });
});
