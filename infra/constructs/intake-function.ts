import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTION_NAME_METADATA } from '../asset-sizes.js';
import { FUNCTION_ENTRIES, type FunctionName, NATIVE_MODULES, PROJECT_ROOT } from '../function-entries.js';

/**
 * Lambda's nodejs20.x was deprecated on 2026-04-30 and stops accepting new functions on 2027-02-01, so the functions
 * run on Node 24 (the code targets Node ≥ 20 and the native packages are N-API, ABI-stable across versions). The
 * bundle still targets node20, the oldest runtime the project supports locally. See docs/adr/0003-aws-architecture.md.
 */
export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

/** Service name every function logs under (Powertools `service` key). */
export const SERVICE_NAME = 'skill-subsidy-intake';

/** Where the bundling copies `shared/policy/parameters/`, relative to the bundle root (`/var/task`). */
export const POLICY_PARAMETERS_BUNDLE_DIR = 'policy-parameters';
const POLICY_PARAMETERS_SOURCE_DIR = path.join('shared', 'policy', 'parameters');

// esbuild's ESM output has no `require`; CommonJS dependencies that call it (mailparser, exceljs, ...) need one.
const ESM_REQUIRE_BANNER = "import { createRequire as __intakeCreateRequire } from 'node:module'; const require = __intakeCreateRequire(import.meta.url);";

// Never bundled: their native or wasm files must stay beside their code. `@img/*` are sharp's per-platform binaries,
// onnxruntime-common comes with onnxruntime-node.
const EXTERNAL_MODULES = [...NATIVE_MODULES, '@img/*', 'onnxruntime-common'];

export interface IntakeFunctionProps {
  /** Which entry of `FUNCTION_ENTRIES` this function runs. */
  readonly name: FunctionName;
  readonly environment?: Record<string, string>;
  readonly logRetention: RetentionDays;
  /** Overrides the entry file (tests point missing handlers at a stand-in); defaults to the map's entry. */
  readonly entryPath?: string;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Where asynchronous invocations (S3 notifications) go after Lambda's retries, so no event is dropped. */
  readonly deadLetterQueue?: IQueue;
  /** Concurrency set aside for (and capping) this function. */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * Every Lambda function of the intake with the house defaults: Node 24, the map's architecture, X-Ray, a log group
 * with retention, Powertools settings, local esbuild bundling to ESM with native packages shipped as node_modules
 * (other platforms' binaries pruned) and the policy parameters copied into the bundle.
 */
export class IntakeFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: IntakeFunctionProps) {
    super(scope, id);
    const spec = FUNCTION_ENTRIES[props.name];
    const architecture = spec.architecture === 'arm64' ? Architecture.ARM_64 : Architecture.X86_64;
    const npmCpu = spec.architecture === 'arm64' ? 'arm64' : 'x64';

    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entryPath ?? path.join(PROJECT_ROOT, spec.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      description: spec.description,
      runtime: LAMBDA_RUNTIME,
      architecture,
      memorySize: spec.memorySize,
      timeout: Duration.seconds(spec.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup,
      deadLetterQueue: props.deadLetterQueue,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        // Events carry file names and e-mail addresses; never log them whole.
        POWERTOOLS_LOGGER_LOG_EVENT: 'false',
        INTAKE_POLICY_PARAMETERS_DIR: `/var/task/${POLICY_PARAMETERS_BUNDLE_DIR}`,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node20',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        // Errors name themselves from their class (`new.target.name`, e.g. CodedError's subclasses): minified names
        // would put `e`/`t` in the logs and the stored reasons' error names.
        keepNames: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.EXTERNAL,
        sourcesContent: false,
        // Ship the SDK versions the code was tested with, not whatever the runtime happens to carry.
        bundleAwsSDK: true,
        forceDockerBundling: false,
        // An empty list would still run `npm ci` and ship a lock file; leave it out for pure-JS functions.
        nodeModules: spec.nodeModules.length > 0 ? [...spec.nodeModules] : undefined,
        externalModules: EXTERNAL_MODULES,
        environment: {
          // npm installs the optional per-platform packages (sharp's @img/*) for Lambda, not for this machine.
          npm_config_os: 'linux',
          npm_config_cpu: npmCpu,
          npm_config_libc: 'glibc',
          npm_config_prefer_offline: 'true',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          // onnxruntime-node's install script would fetch CUDA binaries from outside npm; the CPU build is in the package.
          ONNXRUNTIME_NODE_INSTALL: 'skip',
        },
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => afterBundlingCommands(props.name, inputDir, outputDir),
        },
      },
    });
    // Names the entry in the template, so the size check after the synth finds each function's budget.
    (this.function.node.defaultChild as CfnFunction).addMetadata(FUNCTION_NAME_METADATA, props.name);
  }
}

/**
 * Shell commands run after esbuild and `npm ci` in a function's bundle directory: refuse imports of native modules the
 * function does not ship, copy the policy parameters in, and drop other platforms' onnxruntime binaries.
 *
 * @example
 * afterBundlingCommands('process', '/work/main', 'cdk.out/bundling-temp-…'); // ['if grep -Fq …', 'test -d …', …]
 */
export function afterBundlingCommands(name: FunctionName, inputDir: string, outputDir: string): string[] {
  const spec = FUNCTION_ENTRIES[name];
  return [
    ...refuseUnshippedImports(outputDir, spec.nodeModules),
    ...copyPolicyParameters(inputDir, outputDir),
    ...pruneForeignBinaries(outputDir, spec.architecture === 'arm64' ? 'arm64' : 'x64'),
  ];
}

// An external module the bundle imports but the function does not ship would fail at the first cold start; fail the
// synth instead, naming the module and the map entry to change.
function refuseUnshippedImports(outputDir: string, shipped: readonly string[]): string[] {
  const bundle = path.join(outputDir, 'index.mjs');
  return NATIVE_MODULES.filter((module) => !shipped.includes(module)).map((module) => {
    // esbuild writes `from"x"` when minifying and `from "x"` otherwise; dynamic imports keep `import("x")`.
    const patterns = [`from"${module}"`, `from "${module}"`, `import("${module}")`, `import"${module}"`].map((pattern) => `-e '${pattern}'`).join(' ');
    return (
      `if grep -Fq ${patterns} "${bundle}"; then echo "${path.basename(bundle)} imports ${module}, which this ` +
      `function does not ship: add it to nodeModules in infra/function-entries.ts" >&2; exit 1; fi`
    );
  });
}

function copyPolicyParameters(inputDir: string, outputDir: string): string[] {
  const source = path.join(inputDir, POLICY_PARAMETERS_SOURCE_DIR);
  const target = path.join(outputDir, POLICY_PARAMETERS_BUNDLE_DIR);
  // A function without its dated parameters would judge claims wrongly: fail the synth instead.
  return [`test -d "${source}" || { echo "missing ${POLICY_PARAMETERS_SOURCE_DIR}" >&2; exit 1; }`, `mkdir -p "${target}"`, `cp -R "${source}/." "${target}/"`];
}

// onnxruntime-node ships every platform's build in one package (≈290 MB); keeping only linux/<cpu> brings the OCR
// runtime to ≈105 MB, well inside Lambda's 250 MB unzipped limit.
function pruneForeignBinaries(outputDir: string, npmCpu: 'arm64' | 'x64'): string[] {
  const bin = path.join(outputDir, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6');
  const otherCpu = npmCpu === 'arm64' ? 'x64' : 'arm64';
  return [`if [ -d "${bin}" ]; then rm -rf "${bin}/darwin" "${bin}/win32" "${bin}/linux/${otherCpu}"; fi`];
}
