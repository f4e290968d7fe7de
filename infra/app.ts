#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildIntakeApp, deploymentEnvironment } from './intake-app.js';

const app = new App();
buildIntakeApp(app, { env: deploymentEnvironment(app) });
app.synth();
