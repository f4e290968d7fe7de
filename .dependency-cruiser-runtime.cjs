/**
 * The second pass of `npm run lint:deps`: the graph as it loads at run time (`tsPreCompilationDeps: false`: imports
 * of types only are erased, as tsc and esbuild erase them), where no chain of imports from the domain may end in a
 * native module. A `reachable` rule follows every edge it sees and has no way to skip type-only ones, so on the
 * type-level graph of .dependency-cruiser.cjs it would flag a domain module for naming an adapter's type.
 */
const base = require('./.dependency-cruiser.cjs');

const domainDoesNoIo = base.forbidden.find((rule) => rule.name === 'domain-does-no-io');

module.exports = {
  forbidden: [
    {
      name: 'domain-loads-no-native-module',
      comment: 'No chain of imports from the domain loads sharp, mupdf or onnxruntime-node (C++ add-ons), not even through another module.',
      severity: 'error',
      from: domainDoesNoIo.from,
      to: { path: '(^|/)node_modules/(sharp|mupdf|onnxruntime-node)/', reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
