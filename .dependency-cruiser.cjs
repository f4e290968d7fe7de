/**
 * The module boundaries, checked by dependency-cruiser in `.ci/run` (`npm run lint:deps`) and by
 * test/architecture.test.ts. The domain is TypeScript and zod: no I/O, no native module, no adapter. It reaches the
 * world through ports (shared/ports, and the pipeline's own: `ClaimJudge`, `PageReading`) that the composition roots
 * fill with adapters. docs/architecture.md says which folder is which and why. A violation fails CI: nothing is
 * grandfathered. `.dependency-cruiser-runtime.cjs` adds the run-time pass (no native module reachable from the
 * domain). Run `npm run lint:deps -- --output-type text` to see every edge.
 */

/**
 * The domain: document shapes, cases, policy, ports, the storage layout, extraction, intake checks, the pipeline's use
 * cases and the review services.
 */
const DOMAIN = '^shared/(documents|cases|policy|ports|storage|extraction|intake|pipeline|review)/';
/**
 * Not domain though inside its folders: review's HTTP edge (the hono router, its request limits and report routes,
 * the development sign-in with jose) and the batch service, which parses rosters through shared/batches (exceljs,
 * csv-parse). Each is named so that a new file in those folders is domain by default.
 */
const NOT_DOMAIN = '^shared/review/(router|request-limits|report-routes|dev-sign-in|batch-service)\\.ts$';
/**
 * Adapters: AWS (shared/adapters), PaddleOCR (ocr: onnxruntime-node, worker threads), mupdf (pdf), sharp (images), the
 * page reader over them (reading: rasterises files, stores previews), logging (Powertools), ZIP expansion (archives:
 * yauzl, iconv-lite) and e-mail parsing (email/read-email: mailparser).
 */
const ADAPTERS = ['^shared/(adapters|ocr|pdf|images|reading|logging|archives)/', '^shared/email/read-email\\.ts$'];
/**
 * Use cases still bound to a library the domain may not load: the e-mail intake (mailparser), batches (exceljs,
 * csv-parse) and exports (exceljs). The domain may use their types, not their code.
 */
const BOUND_USE_CASES = '^shared/(email|batches|exports)/';
const HOSTS = '^(functions|local|cli|infra|web|bench)/';
/** Pure modules the domain may use: schemas and YAML parsing (no I/O), hashing. */
const DOMAIN_MAY_IMPORT = ['(^|/)node_modules/(zod|yaml)/', '^(node:)?crypto$'];

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend one way: a cycle between two folders means neither can be understood or moved alone.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(shared|functions|local|cli|infra|web)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^(shared|functions|local|cli|infra|web)/' },
      comment: 'Cycles through a type-only import are allowed: types are erased and load nothing.',
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-does-no-io',
      comment: 'The domain imports no Node I/O module and no npm package other than zod and yaml.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: NOT_DOMAIN },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: DOMAIN_MAY_IMPORT },
    },
    {
      name: 'domain-imports-no-adapter',
      comment: 'The domain reaches the world only through its ports, never an adapter, a bound use case or a host (types aside: erased).',
      severity: 'error',
      from: { path: DOMAIN, pathNot: NOT_DOMAIN },
      to: { path: [...ADAPTERS, BOUND_USE_CASES, HOSTS], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-imports-no-host',
      comment: 'shared/ is composed by the hosts (functions, local stack, CLI, benches, infra), never the other way.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|local|cli|infra|web|bench|test)/' },
    },
    {
      name: 'aws-sdk-only-in-adapters',
      comment: 'The AWS SDK is used by shared/adapters and the composition roots only.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '^shared/adapters/' },
      to: { path: '(^|/)node_modules/@aws-sdk/' },
    },
    {
      name: 'functions-stay-apart',
      comment: 'A function imports another function only through functions/compose (shared composition helpers).',
      severity: 'error',
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/([^/]+)/', pathNot: ['^functions/$1/', '^functions/compose/'] },
    },
    {
      name: 'web-is-a-browser-bundle',
      comment: 'The page imports shared types and labels, never a module with Node or AWS code.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(cdk\\.out|test/eval/generated)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
