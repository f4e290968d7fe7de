import { existsSync } from 'node:fs';
import path from 'node:path';
import { type App, Aspects, type Environment, Tags } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type FunctionName, PROJECT_ROOT } from './function-entries.js';
import { suppressAcceptedFindings } from './nag-suppressions.js';
import { readInfraSettings } from './settings.js';
import { ProcessingStack } from './stacks/processing-stack.js';
import { StatefulStack } from './stacks/stateful-stack.js';

export interface IntakeAppOptions {
  /** Account/region to pin; omitted, the stacks are environment-agnostic and synthesise offline. */
  readonly env?: Environment;
  /** Built clerk page to deploy; defaults to `web/dist` when it exists. */
  readonly clerkPageDirectory?: string | null;
  readonly entryPaths?: Partial<Record<FunctionName, string>>;
}

/**
 * The deployment's region (context `region`, cdk.json sets the default) and, optionally, account (context
 * `account`). The region is explicit because where ID numbers are stored is a decision, not whatever the operator's
 * CLI profile says — and because TableV2 with a customer key must know its region. No account needed: synth stays
 * offline and credential-free.
 *
 * @example
 * buildIntakeApp(app, { env: deploymentEnvironment(app) }); // `cdk synth -c region=ap-east-1` to change it
 */
export function deploymentEnvironment(app: App): Environment {
  const region = app.node.tryGetContext('region') as string | undefined;
  const account = app.node.tryGetContext('account') as string | undefined;
  if (!region) throw new Error('CDK context `region` is required (cdk.json sets a default)');
  return { region, ...(account ? { account } : {}) };
}

export interface IntakeStacks {
  readonly stateful: StatefulStack;
  readonly processing: ProcessingStack;
}

/**
 * Adds the intake's two stacks to an app, with cdk-nag's AwsSolutions pack and the accepted findings suppressed
 * (each with its reason). `infra/app.ts` and the infra tests build the same tree through this.
 *
 * @example
 * const app = new App();
 * const { stateful, processing } = buildIntakeApp(app);
 */
export function buildIntakeApp(app: App, options: IntakeAppOptions = {}): IntakeStacks {
  const settings = readInfraSettings(app.node);
  const defaultPage = path.join(PROJECT_ROOT, 'web', 'dist');
  const clerkPageDirectory =
    options.clerkPageDirectory === null
      ? undefined
      : (options.clerkPageDirectory ?? (existsSync(path.join(defaultPage, 'index.html')) ? defaultPage : undefined));

  const stateful = new StatefulStack(app, 'IntakeStateful', {
    env: options.env,
    description: 'Skill Subsidy Intake: documents bucket, table, keys (retained)',
    settings,
  });
  const processing = new ProcessingStack(app, 'IntakeProcessing', {
    env: options.env,
    description: 'Skill Subsidy Intake: queues, functions, review API, clerk page, alarms',
    intakeBucket: stateful.intakeBucket,
    table: stateful.table,
    dataKey: stateful.dataKey,
    lookupKeySecret: stateful.lookupKeySecret,
    settings,
    clerkPageDirectory,
    entryPaths: options.entryPaths,
  });
  processing.addStackDependency(stateful);

  for (const stack of [stateful, processing]) {
    Tags.of(stack).add('project', 'skill-subsidy-intake');
  }
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  suppressAcceptedFindings(stateful, processing);
  return { stateful, processing };
}
