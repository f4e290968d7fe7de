import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatAssetSizes, FUNCTION_NAME_METADATA, functionAssetSizes, LAMBDA_UNZIPPED_LIMIT_BYTES, overBudget } from '../../infra/asset-sizes.js';
import { FUNCTION_ENTRIES } from '../../infra/function-entries.js';
import { afterBundlingCommands, POLICY_PARAMETERS_BUNDLE_DIR } from '../../infra/constructs/intake-function.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'intake-bundling-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function write(file: string, content: string | Buffer = ''): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** A project root with policy parameters and a bundle directory as esbuild + `npm ci` leave it. */
function bundleFixture(bundleSource: string) {
  const input = path.join(work, 'project');
  const output = path.join(work, 'bundle');
  write(path.join(input, 'shared/policy/parameters/policy.yaml'), 'programmes: []\n');
  write(path.join(output, 'index.mjs'), bundleSource);
  const napi = path.join(output, 'node_modules/onnxruntime-node/bin/napi-v6');
  for (const platform of ['linux/x64', 'linux/arm64', 'darwin/arm64', 'win32/x64']) {
    write(path.join(napi, platform, 'onnxruntime_binding.node'), 'binary');
  }
  return { input, output, napi };
}

function runHooks(commands: string[]): { status: number; stderr: string } {
  try {
    execFileSync('bash', ['-c', commands.join(' && ')], { stdio: 'pipe' });
    return { status: 0, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stderr: Buffer };
    return { status: failed.status, stderr: failed.stderr.toString() };
  }
}

describe('afterBundlingCommands', () => {
  it('copies the policy parameters into the bundle and keeps only linux/x64 onnxruntime binaries for process', () => {
    const { input, output, napi } = bundleFixture('import*as o from"onnxruntime-node";export const handler=1;');
    expect(runHooks(afterBundlingCommands('process', input, output)).status).toBe(0);
    expect(readFileSync(path.join(output, POLICY_PARAMETERS_BUNDLE_DIR, 'policy.yaml'), 'utf8')).toContain('programmes');
    expect(existsSync(path.join(napi, 'linux/x64/onnxruntime_binding.node'))).toBe(true);
    for (const foreign of ['linux/arm64', 'darwin', 'win32']) expect(existsSync(path.join(napi, foreign))).toBe(false);
  });

  it('fails the bundling when a function imports a native module it does not ship', () => {
    const { input, output } = bundleFixture('import s from"sharp";export const handler=s;');
    const result = runHooks(afterBundlingCommands('api', input, output));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('imports sharp, which this function does not ship');
  });

  it('lets a function without native imports through', () => {
    const { input, output } = bundleFixture('import{z}from"zod";export const handler=z;');
    expect(runHooks(afterBundlingCommands('api', input, output)).status).toBe(0);
  });

  it('fails the bundling when the policy parameters are missing', () => {
    const { input, output } = bundleFixture('export const handler=1;');
    rmSync(path.join(input, 'shared'), { recursive: true });
    const result = runHooks(afterBundlingCommands('api', input, output));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('missing shared/policy/parameters');
  });
});

describe('functionAssetSizes', () => {
  it('reports each function asset of a cloud assembly, largest first, and flags one over 250 MB', () => {
    const assembly = path.join(work, 'cdk.out');
    write(path.join(assembly, 'asset.small/index.mjs'), Buffer.alloc(1024));
    write(path.join(assembly, 'asset.large/index.mjs'), Buffer.alloc(4096));
    const fn = (asset: string, cdkPath: string) => ({
      Type: 'AWS::Lambda::Function',
      Metadata: { 'aws:asset:path': asset, 'aws:cdk:path': cdkPath },
    });
    write(
      path.join(assembly, 'IntakeProcessing.template.json'),
      JSON.stringify({
        Resources: {
          Api: fn('asset.small', 'IntakeProcessing/Api/Function/Resource'),
          Process: fn('asset.large', 'IntakeProcessing/Process/Function/Resource'),
          Queue: { Type: 'AWS::SQS::Queue' },
        },
      }),
    );

    const sizes = functionAssetSizes(assembly);

    expect(sizes.map((size) => [size.functionPath, size.bytes])).toEqual([
      ['IntakeProcessing/Process/Function/Resource', 4096],
      ['IntakeProcessing/Api/Function/Resource', 1024],
    ]);
    expect(formatAssetSizes(sizes)).not.toContain('OVER THE LIMIT');
    const oversized = [{ ...sizes[0], bytes: LAMBDA_UNZIPPED_LIMIT_BYTES + 1 }];
    expect(formatAssetSizes(oversized)).toContain('250.0 MB  100% of 250 MB');
    expect(formatAssetSizes(oversized)).toContain('IntakeProcessing/Process/Function/Resource  OVER THE LIMIT');
    expect(overBudget(oversized)).toHaveLength(1);
  });

  it('holds each named function to its own budget: an API bundle that grew by a native runtime fails', () => {
    const assembly = path.join(work, 'cdk.out');
    const apiBudget = FUNCTION_ENTRIES.api.sizeBudgetMb * 1024 * 1024;
    write(path.join(assembly, 'asset.api/index.mjs'), Buffer.alloc(1024));
    write(path.join(assembly, 'asset.api/node_modules/sharp/big.node'), Buffer.alloc(apiBudget));
    write(
      path.join(assembly, 'IntakeProcessing.template.json'),
      JSON.stringify({
        Resources: {
          Api: {
            Type: 'AWS::Lambda::Function',
            Metadata: { 'aws:asset:path': 'asset.api', 'aws:cdk:path': 'IntakeProcessing/Api/Function/Resource', [FUNCTION_NAME_METADATA]: 'api' },
          },
        },
      }),
    );

    const sizes = functionAssetSizes(assembly);

    expect(sizes[0]).toMatchObject({ name: 'api', budgetBytes: apiBudget, bytes: apiBudget + 1024 });
    expect(overBudget(sizes).map((size) => size.name)).toEqual(['api']);
    expect(formatAssetSizes(sizes)).toContain('OVER ITS BUDGET');
  });
});
