/**
 * The shipped policy parameters for tests, read through the file adapter as a composition root reads them, and
 * `evaluateClaim` judging by them unless a test passes its own set.
 */
import { loadParameterFiles } from '../../shared/adapters/parameter-files.js';
import {
  evaluateClaim as judgeClaim,
  type ClaimFacts,
  type ClaimFactsInput,
  type Decision,
  type EvaluateOptions,
  type ParameterSet,
} from '../../shared/policy/index.js';

/** The parameter set of `shared/policy/parameters/` (read once per process). */
export function shippedParameters(): ParameterSet {
  return loadParameterFiles();
}

/** `evaluateClaim` with the shipped parameters unless `options.parameters` gives others. */
export function evaluateClaim(input: ClaimFactsInput | ClaimFacts, options: Partial<EvaluateOptions> = {}): Decision {
  return judgeClaim(input, { ...options, parameters: options.parameters ?? shippedParameters() });
}
