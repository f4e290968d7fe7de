/**
 * The module boundaries, checked by dependency-cruiser in `.ci/run` (`npm run lint:deps`). The domain — documents,
 * cases, policy, ports, storage layout and extraction — is TypeScript and zod: no I/O, no native module, no adapter.
 * Violations that exist today are listed in `.dependency-cruiser-known-violations.json` (docs/architecture.md says
 * which and why); a new one fails CI. Run `npm run lint:deps -- --output-type text` to see every edge.
 */
const DOMAIN = '^shared/(documents|cases|policy|ports|storage|extraction)/';
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
      from: { path: DOMAIN },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: DOMAIN_MAY_IMPORT },
    },
    {
      name: 'domain-imports-no-adapter',
      comment: 'The domain reaches the world only through its ports (shared/ports), never an adapter or a use case.',
      severity: 'error',
      from: { path: DOMAIN },
      to: {
        path: '^(shared/(adapters|ocr|pdf|images|reading|pipeline|review|email|batches|exports|archives|logging|intake)/|functions/|local/|cli/|infra/|web/|bench/)',
        dependencyTypesNot: ['type-only'],
      },
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
