/**
 * The policy parameters as files: the `*.yaml` of one or more directories, read for the domain's `parameterSetFrom`.
 * The composition roots pick the directory (`INTAKE_POLICY_PARAMETERS_DIR` in a Lambda bundle, which copies the
 * files; the shipped `shared/policy/parameters/` elsewhere) and pass the parameter set to what judges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parameterSetFrom, type ParameterFile, type ParameterSet } from '../policy/parameters.js';
import type { ParameterSource } from '../ports/parameter-source.js';

/** The parameter files shipped beside the rules (`shared/policy/parameters/`). */
export const SHIPPED_PARAMETERS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'policy', 'parameters');

/**
 * Every `*.yaml` (and `*.yml`) of the given directories, each directory's files in name order.
 *
 * @example
 * parameterSetFrom(new ParameterDirectories([SHIPPED_PARAMETERS_DIR]).files());
 */
export class ParameterDirectories implements ParameterSource {
  constructor(private readonly dirs: readonly string[]) {}

  files(): ParameterFile[] {
    return this.dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
        .sort()
        .map((name) => {
          const file = path.join(dir, name);
          return { name: file, text: readFileSync(file, 'utf8') };
        }),
    );
  }
}

const cache = new Map<string, ParameterSet>();

/**
 * The parameter set of the given directories (default: the shipped one), read and validated once per list of
 * directories: every root and test that judges asks for it, and the files do not change while a process runs.
 *
 * @example
 * const parameters = loadParameterFiles();
 * parameters.get('high_skilled_talent.individual_by_level', '2021-06-18').value; // { '1': 10000, '2': 5000 }
 */
export function loadParameterFiles(dirs: readonly string[] = [SHIPPED_PARAMETERS_DIR]): ParameterSet {
  const key = dirs.join('\u0000');
  let set = cache.get(key);
  if (!set) {
    set = parameterSetFrom(new ParameterDirectories(dirs).files());
    cache.set(key, set);
  }
  return set;
}

/**
 * The parameters directory a root reads: `INTAKE_POLICY_PARAMETERS_DIR` when the environment sets it (Lambda
 * bundles), else the shipped one.
 *
 * @example
 * policyParametersDir({}); // '…/shared/policy/parameters'
 */
export function policyParametersDir(env: Readonly<Record<string, string | undefined>>): string {
  return env.INTAKE_POLICY_PARAMETERS_DIR?.trim() || SHIPPED_PARAMETERS_DIR;
}
