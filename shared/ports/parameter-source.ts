import type { ParameterFile } from '../policy/parameters.js';

/**
 * Where the dated policy parameters come from (the YAML files shipped beside the rules, a Lambda bundle's copy of
 * them, a test's temporary directory). The domain parses and validates what a source gives (`parameterSetFrom`); the
 * file system stays in the adapter (`ParameterDirectories`).
 */
export interface ParameterSource {
  /** The parameter files in merge order: later files add dated values to earlier ones. */
  files(): readonly ParameterFile[];
}
