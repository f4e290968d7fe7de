import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamo-local.js';
import { startS3Local } from '../../local/s3-local.js';
import { SCRATCH_ROOT_VARIABLE } from './scratch-directory.js';

/**
 * Starts one DynamoDB Local (in memory) and one s3rver for the whole run, on free ports, and hands their endpoints
 * to the test files through environment variables. Integration tests create their own uniquely named tables and
 * buckets so files can run in parallel. Scratch files of the test files go under one folder removed at the end.
 */
export default async function setup(_project: TestProject) {
  const s3Dir = mkdtempSync(path.join(os.tmpdir(), 'intake-s3-'));
  // Test files write their scratch files under one folder, removed with the run.
  const scratchDir = mkdtempSync(path.join(os.tmpdir(), 'intake-test-'));
  process.env[SCRATCH_ROOT_VARIABLE] = scratchDir;
  // What libraries make in the temporary folder goes there too: a CDK App without an outdir makes a `cdk.out…`
  // directory per synthesis and never removes it (200 of them after one run of the suite).
  const systemTmp = process.env.TMPDIR;
  process.env.TMPDIR = scratchDir;
  const [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3Local({ dataDir: s3Dir })]);
  process.env.INTAKE_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.INTAKE_TEST_S3_ENDPOINT = s3.endpoint;
  return async () => {
    await Promise.all([dynamo.stop(), s3.stop()]);
    rmSync(s3Dir, { recursive: true, force: true });
    rmSync(scratchDir, { recursive: true, force: true });
    if (systemTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTmp;
  };
}
