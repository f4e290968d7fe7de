#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { formatAssetSizes, functionAssetSizes, LAMBDA_UNZIPPED_LIMIT_BYTES } from './asset-sizes.js';
import { buildIntakeApp, deploymentEnvironment } from './intake-app.js';

const app = new App();
buildIntakeApp(app, { env: deploymentEnvironment(app) });
const assembly = app.synth();

// `npm run synth` shows what each function ships, so a dependency that pushes the OCR bundle past Lambda's limit is
// seen at synth time, not at deployment (stderr: `cdk synth --quiet` still shows it).
const sizes = functionAssetSizes(assembly.directory);
console.error(formatAssetSizes(sizes));
if (sizes.some((size) => size.bytes > LAMBDA_UNZIPPED_LIMIT_BYTES)) {
  console.error('A function exceeds Lambda’s 250 MB unzipped limit.');
  process.exitCode = 1;
}
