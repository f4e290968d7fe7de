import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FUNCTION_ENTRIES, FUNCTION_NAMES, type FunctionName, PROJECT_ROOT } from '../../../infra/function-entries.js';
import { buildIntakeApp, deploymentEnvironment, type IntakeStacks } from '../../../infra/intake-app.js';

const STAND_IN_HANDLER = path.join(PROJECT_ROOT, 'test', 'infra', 'support', 'stand-in-handler.ts');

/** The context `cdk synth` reads from cdk.json, so the tests synthesise with the same feature flags and defaults. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

export interface SynthesisedIntake extends IntakeStacks {
  readonly app: App;
  readonly statefulTemplate: Template;
  readonly processingTemplate: Template;
}

/**
 * Builds and synthesises the intake app as `npm run synth` would, minus bundling (`aws:cdk:bundling-stacks: []`), so a
 * test file synthesises in seconds. Handlers that have not landed yet are replaced by a stand-in entry: the
 * `function-entries` test is the one that fails for them. CDK's built-in CloudFormation validation takes three
 * quarters of a synthesis, so only the test that asks for it (`nag.test.ts`) runs it.
 */
export function synthesiseIntake(
  context: Record<string, unknown> = {},
  options: { clerkPageDirectory?: string | null; cloudFormationValidation?: boolean } = {},
): SynthesisedIntake {
  const app = new App({
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
  });
  const entryPaths: Partial<Record<FunctionName, string>> = Object.fromEntries(
    FUNCTION_NAMES.filter((name) => !existsSync(path.join(PROJECT_ROOT, FUNCTION_ENTRIES[name].entry))).map((name) => [name, STAND_IN_HANDLER]),
  );
  const stacks = buildIntakeApp(app, {
    env: deploymentEnvironment(app),
    entryPaths,
    clerkPageDirectory: options.clerkPageDirectory ?? null,
  });
  return {
    app,
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    processingTemplate: Template.fromStack(stacks.processing),
  };
}

/** Logical id of the single resource of `type` whose logical id starts with `prefix`. */
export function logicalIdOf(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0];
}
