import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ParameterFileError, ParameterNotInForceError, UnknownParameterError } from './errors.js';

/**
 * Where a figure comes from. `confirmed` figures are read in 西人社〔2020〕36号 itself; `unconfirmed` figures are the
 * ones the policy delegates to other documents (杭人社发〔2020〕43号, 〔2016〕27号, 浙人社发〔2019〕40号) as reported by
 * secondary sources; `unknown` means the parameter is in force but nobody has the figure (the rule must say so).
 */
export const parameterStatusSchema = z.enum(['confirmed', 'unconfirmed', 'unknown']);
export type ParameterStatus = z.infer<typeof parameterStatusSchema>;

export const legalReferenceSchema = z.object({
  document: z.string().min(1),
  clause: z.string().min(1),
  /** For unconfirmed figures: where the figure was reported. */
  source: z.string().optional(),
});
export type LegalReference = z.infer<typeof legalReferenceSchema>;

const scalarSchema = z.union([z.number(), z.string(), z.boolean()]);
export const parameterValueSchema = z.union([scalarSchema, z.array(scalarSchema), z.record(z.string(), scalarSchema)]);
export type ParameterValue = z.infer<typeof parameterValueSchema>;

const isoDateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'value dates are YYYY-MM-DD');

/** One dated entry: a value with its status and reference, or `value: null`, which ends the parameter. */
export const parameterEntrySchema = z
  .object({
    value: parameterValueSchema.nullable(),
    status: parameterStatusSchema.optional(),
    reference: legalReferenceSchema.optional(),
  })
  .refine((entry) => entry.value === null || (entry.status !== undefined && entry.reference !== undefined), {
    message: 'a value needs its status and legal reference',
  })
  .refine((entry) => entry.status !== 'unconfirmed' || entry.reference?.source !== undefined, {
    message: 'an unconfirmed value names the source that reported it',
  })
  .refine((entry) => entry.status !== 'unknown' || entry.reference !== undefined, {
    message: 'an unknown value still cites the clause that delegates it',
  });
export type ParameterEntry = z.infer<typeof parameterEntrySchema>;

export const parameterDefinitionSchema = z.object({
  description: z.string().min(1),
  unit: z.string().optional(),
  values: z.record(isoDateKey, parameterEntrySchema),
});

/** A parameter file: parameter names (`high_skilled_talent.individual_by_level`) to their dated values. */
export const parameterFileSchema = z.record(z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/), parameterDefinitionSchema);

/** The value of a parameter on a date, with where it comes from. `value` is `null` only for status `unknown`. */
export interface ParameterReading<T extends ParameterValue = ParameterValue> {
  name: string;
  value: T | null;
  status: ParameterStatus;
  reference: LegalReference;
  /** The first day this value applies, and the last (absent while open-ended). */
  from: string;
  until?: string;
}

interface DatedEntry {
  from: string;
  /** The day before the next entry (precomputed at load: lookups are on the hot path). */
  until?: string;
  entry: ParameterEntry;
  /** What `find` answers for dates in this entry's stretch; `undefined` where the entry ends the parameter. */
  reading?: ParameterReading;
}

interface Parameter {
  name: string;
  description: string;
  unit?: string;
  entries: DatedEntry[]; // sorted by date
}

/**
 * All parameters, indexed by name, looked up by date. Values are immutable once loaded.
 */
export class ParameterSet {
  private readonly byName: Map<string, Parameter>;

  constructor(parameters: Map<string, Parameter>) {
    this.byName = parameters;
  }

  /**
   * The value in force on `date`; throws when there is none (never a silent zero).
   *
   * @example
   * loadParameters().get('high_skilled_talent.training_body_per_person', '2021-03-01').value; // 200
   */
  get<T extends ParameterValue = ParameterValue>(name: string, date: string): ParameterReading<T> {
    const reading = this.find<T>(name, date);
    if (!reading) throw new ParameterNotInForceError(name, date);
    return reading;
  }

  /**
   * The value in force on `date`, or `undefined` where there is none (before the first value or after an end).
   *
   * @example
   * loadParameters().find('policy.document', '2019-01-01'); // undefined
   */
  find<T extends ParameterValue = ParameterValue>(name: string, date: string): ParameterReading<T> | undefined {
    const parameter = this.byName.get(name);
    if (!parameter) throw new UnknownParameterError(name);
    const entries = parameter.entries;
    for (let i = entries.length - 1; i >= 0; i--) {
      const dated = entries[i];
      if (dated.from <= date) return dated.reading as ParameterReading<T> | undefined;
    }
    return undefined;
  }

  /**
   * Every parameter name, sorted.
   *
   * @example
   * loadParameters().names().includes('policy.document'); // true
   */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /**
   * The description and unit of a parameter.
   *
   * @example
   * loadParameters().describe('policy.document').description;
   */
  describe(name: string): { description: string; unit?: string } {
    const parameter = this.byName.get(name);
    if (!parameter) throw new UnknownParameterError(name);
    return { description: parameter.description, unit: parameter.unit };
  }

  /**
   * The same parameters with some values replaced in every stretch where they are in force (dates and ends kept): how
   * a test table switches a reading or tries a figure the bureau might confirm. `{ value, status }` also sets the status.
   *
   * @example
   * loadParameters().withValues({ 'interpretation.pension_unknown': 'needs_review' });
   */
  withValues(overrides: Readonly<Record<string, ParameterValue | { value: ParameterValue; status?: ParameterStatus }>>): ParameterSet {
    const copy = new Map(this.byName);
    for (const [name, override] of Object.entries(overrides)) {
      const parameter = this.byName.get(name);
      if (!parameter) throw new UnknownParameterError(name);
      const { value, status } = isOverrideObject(override) ? override : { value: override, status: undefined };
      copy.set(name, {
        ...parameter,
        entries: parameter.entries.map((dated) =>
          dated.reading ? { ...dated, reading: Object.freeze({ ...dated.reading, value, status: status ?? dated.reading.status }) } : dated,
        ),
      });
    }
    return new ParameterSet(copy);
  }

  /**
   * The dates on which a parameter changes value (for tests of the day before and the day after).
   *
   * @example
   * loadParameters().changeDates('policy.document'); // ['2020-10-22', '2022-01-01']
   */
  changeDates(name: string): string[] {
    const parameter = this.byName.get(name);
    if (!parameter) throw new UnknownParameterError(name);
    return parameter.entries.map((dated) => dated.from);
  }
}

function isOverrideObject(value: unknown): value is { value: ParameterValue; status?: ParameterStatus } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value && Object.keys(value).every((k) => k === 'value' || k === 'status')
  );
}

function previousIsoDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The parameters directory: `INTAKE_POLICY_PARAMETERS_DIR` (set by Lambda bundles, which copy the directory), else the
 * `parameters/` directory beside this module.
 *
 * @example
 * defaultParametersDir(); // '/work/main/shared/policy/parameters'
 */
export function defaultParametersDir(): string {
  return process.env.INTAKE_POLICY_PARAMETERS_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'parameters');
}

const cache = new Map<string, ParameterSet>();
let lastDefault: { env: string | undefined; set: ParameterSet } | undefined;

/**
 * Reads, validates and merges every `*.yaml` in the given directories, files in name order (later files add dated
 * values to the parameters of earlier ones, and may replace an end (`null`) with a value: that is how an amendment is
 * added as data). Two values on the same date are an error. Cached per list of directories.
 *
 * @example
 * const parameters = loadParameters();
 * parameters.get('high_skilled_talent.individual_by_level', '2021-06-18').value; // { '1': 10000, '2': 5000 }
 */
export function loadParameters(dirs?: readonly string[]): ParameterSet {
  // The default set is asked for on every evaluation: answer it without path work unless the variable changed.
  if (dirs === undefined && lastDefault && lastDefault.env === process.env.INTAKE_POLICY_PARAMETERS_DIR) return lastDefault.set;
  if (dirs === undefined) {
    const set = loadParameters([defaultParametersDir()]);
    lastDefault = { env: process.env.INTAKE_POLICY_PARAMETERS_DIR, set };
    return set;
  }
  const key = dirs.join('\u0000');
  const cached = cache.get(key);
  if (cached) return cached;
  const merged = new Map<string, Parameter>();
  for (const dir of dirs) {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
      .sort();
    for (const name of files) mergeFile(merged, path.join(dir, name));
  }
  for (const parameter of merged.values()) {
    parameter.entries.sort((a, b) => (a.from < b.from ? -1 : 1));
    parameter.entries.forEach((dated, i, all) => {
      dated.until = all[i + 1] ? previousIsoDay(all[i + 1].from) : undefined;
      const { entry } = dated;
      dated.reading = isEnd(entry)
        ? undefined
        : Object.freeze({
            name: parameter.name,
            value: entry.value,
            status: entry.status ?? 'unknown',
            reference: entry.reference as LegalReference,
            from: dated.from,
            until: dated.until,
          });
    });
  }
  const set = new ParameterSet(merged);
  cache.set(key, set);
  return set;
}

function isEnd(entry: ParameterEntry): boolean {
  return entry.value === null && entry.status !== 'unknown';
}

function mergeFile(merged: Map<string, Parameter>, file: string): void {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ParameterFileError(file, 'not readable YAML', { cause: error });
  }
  const parsed = parameterFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
    throw new ParameterFileError(file, detail, { cause: parsed.error });
  }
  for (const [name, definition] of Object.entries(parsed.data)) {
    const parameter = merged.get(name) ?? { name, description: definition.description, unit: definition.unit, entries: [] };
    for (const [from, entry] of Object.entries(definition.values)) {
      const existing = parameter.entries.findIndex((dated) => dated.from === from);
      if (existing === -1) {
        parameter.entries.push({ from, entry });
      } else if (isEnd(parameter.entries[existing].entry)) {
        // A later policy continues a parameter where the earlier one ended it: the amendment's value replaces the end.
        parameter.entries[existing] = { from, entry };
      } else {
        throw new ParameterFileError(file, `${name} already has a value on ${from}`);
      }
    }
    merged.set(name, parameter);
  }
}

/** One stretch of a parameter's history: a value (or `null` where it was ended) from a date until the next change. */
export interface ParameterSegment {
  from: string;
  until?: string;
  value: ParameterValue | null;
  ended: boolean;
}

/**
 * The history of a parameter as consecutive segments.
 *
 * @example
 * parameterTimeline(loadParameters(), 'policy.document');
 * // [{ from: '2020-10-22', until: '2021-12-31', value: '西人社〔2020〕36号', ended: false }, { from: '2022-01-01', value: null, ended: true }]
 */
export function parameterTimeline(parameters: ParameterSet, name: string): ParameterSegment[] {
  return parameters
    .changeDates(name)
    .map((from) => {
      const reading = parameters.find(name, from);
      return reading ? { from, until: reading.until, value: reading.value, ended: false } : { from, until: undefined, value: null, ended: true };
    })
    .map((segment, i, all) => ({ ...segment, until: all[i + 1] ? previousIsoDay(all[i + 1].from) : undefined }));
}
