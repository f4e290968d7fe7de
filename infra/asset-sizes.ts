import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTION_ENTRIES, type FunctionName } from './function-entries.js';

/** Lambda refuses a function whose code and layers exceed 250 MB unzipped. */
export const LAMBDA_UNZIPPED_LIMIT_BYTES = 250 * 1024 * 1024;

/** The template metadata key naming which `FUNCTION_ENTRIES` entry a Lambda function runs (set by IntakeFunction). */
export const FUNCTION_NAME_METADATA = 'intake:function';

export interface FunctionAssetSize {
  readonly stack: string;
  readonly functionPath: string;
  readonly assetDirectory: string;
  readonly bytes: number;
  /** The entry it runs, when the function says (IntakeFunction's metadata). */
  readonly name?: FunctionName;
  /** The most this function may ship: its entry's budget, else Lambda's limit. */
  readonly budgetBytes: number;
}

interface TemplateResource {
  Type: string;
  Metadata?: Record<string, unknown>;
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return total + directoryBytes(full);
    return entry.isFile() ? total + statSync(full).size : total;
  }, 0);
}

/**
 * The unzipped size of every Lambda function's code asset in a cloud assembly (`cdk.out`), largest first.
 *
 * @example
 * const sizes = functionAssetSizes('cdk.out');
 * sizes.filter((size) => size.bytes > LAMBDA_UNZIPPED_LIMIT_BYTES); // [] when everything fits
 */
export function functionAssetSizes(assemblyDirectory: string): FunctionAssetSize[] {
  const templates = readdirSync(assemblyDirectory).filter((name) => name.endsWith('.template.json'));
  return templates
    .flatMap((templateName) => {
      const template = JSON.parse(readFileSync(path.join(assemblyDirectory, templateName), 'utf8')) as {
        Resources?: Record<string, TemplateResource>;
      };
      return Object.entries(template.Resources ?? {})
        .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
        .flatMap(([logicalId, resource]) => {
          const assetPath = resource.Metadata?.['aws:asset:path'];
          const functionPath = resource.Metadata?.['aws:cdk:path'];
          if (typeof assetPath !== 'string') return [];
          const assetDirectory = path.resolve(assemblyDirectory, assetPath);
          const named = resource.Metadata?.[FUNCTION_NAME_METADATA];
          const name = typeof named === 'string' && named in FUNCTION_ENTRIES ? (named as FunctionName) : undefined;
          if (!statSync(assetDirectory, { throwIfNoEntry: false })?.isDirectory()) return [];
          return [
            {
              stack: templateName.replace(/\.template\.json$/, ''),
              functionPath: typeof functionPath === 'string' ? functionPath : `${templateName.split('.')[0]}/${logicalId}`,
              assetDirectory,
              bytes: directoryBytes(assetDirectory),
              name,
              budgetBytes: name ? FUNCTION_ENTRIES[name].sizeBudgetMb * 1024 * 1024 : LAMBDA_UNZIPPED_LIMIT_BYTES,
            },
          ];
        });
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * The functions that ship more than their budget (or than Lambda's limit).
 *
 * @example
 * overBudget(functionAssetSizes('cdk.out')); // [] when every function is within its budget
 */
export function overBudget(sizes: readonly FunctionAssetSize[]): FunctionAssetSize[] {
  return sizes.filter((size) => size.bytes > Math.min(size.budgetBytes, LAMBDA_UNZIPPED_LIMIT_BYTES));
}

/**
 * A printable table of the function asset sizes against each function's budget and Lambda's limit.
 *
 * @example
 * console.error(formatAssetSizes(functionAssetSizes('cdk.out')));
 */
export function formatAssetSizes(sizes: readonly FunctionAssetSize[]): string {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).padStart(7);
  const lines = sizes.map((size) => {
    const share = ((size.bytes / LAMBDA_UNZIPPED_LIMIT_BYTES) * 100).toFixed(0).padStart(3);
    const budget = size.budgetBytes < LAMBDA_UNZIPPED_LIMIT_BYTES ? `budget ${mb(size.budgetBytes).trim()} MB` : 'no budget';
    const flag = size.bytes > LAMBDA_UNZIPPED_LIMIT_BYTES ? '  OVER THE LIMIT' : size.bytes > size.budgetBytes ? '  OVER ITS BUDGET' : '';
    return `${mb(size.bytes)} MB  ${share}% of 250 MB  ${budget.padEnd(17)} ${size.name ?? '?'}  ${size.functionPath}${flag}`;
  });
  return ['Lambda code assets (unzipped):', ...lines].join('\n');
}

// `npx tsx infra/asset-sizes.ts [cdk.out]` after a synth; exits 1 when a function is over its budget or Lambda's limit.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = functionAssetSizes(process.argv[2] ?? 'cdk.out');
  console.log(formatAssetSizes(sizes));
  if (overBudget(sizes).length > 0) process.exitCode = 1;
}
