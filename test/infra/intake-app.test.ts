import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { deploymentEnvironment } from '../../infra/intake-app.js';
import { cdkJsonContext } from './support/intake-app.js';

describe('deploymentEnvironment', () => {
  it('takes the region from cdk.json and leaves the account unresolved, so synth needs no credentials', () => {
    const env = deploymentEnvironment(new App({ context: cdkJsonContext() }));
    expect(env).toEqual({ region: cdkJsonContext().region });
  });

  it('pins an account and region given on the command line', () => {
    const app = new App({ context: { ...cdkJsonContext(), region: 'ap-east-1', account: '123456789012' } });
    expect(deploymentEnvironment(app)).toEqual({ region: 'ap-east-1', account: '123456789012' });
  });

  it('refuses to guess a region', () => {
    expect(() => deploymentEnvironment(new App({ context: {} }))).toThrow(/region/);
  });
});
