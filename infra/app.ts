#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { formatAssetSizes, functionAssetSizes, overBudget } from './asset-sizes.js';
import { buildIntakeApp, deploymentEnvironment } from './intake-app.js';

const app = new App();
buildIntakeApp(app, { env: deploymentEnvironment(app) });
const assembly = app.synth();

// `npm run synth` shows what each function ships, so a dependency that pushes the OCR bundle past Lambda's limit is
// seen at synth time, not at deployment (stderr: `cdk synth --quiet` still shows it).
const sizes = functionAssetSizes(assembly.directory);
console.error(formatAssetSizes(sizes));
const over = overBudget(sizes);
if (over.length > 0) {
  console.error(
    `Over budget (infra/function-entries.ts sizeBudgetMb) or Lambda's 250 MB limit: ${over.map((size) => size.name ?? size.functionPath).join(', ')}`,
  );
  process.exitCode = 1;
}
