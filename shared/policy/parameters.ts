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
   * parameters.get('high_skilled_talent.training_body_per_person', '2021-03-01').value; // 200
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
   * parameters.find('policy.document', '2019-01-01'); // undefined
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
   * parameters.names().includes('policy.document'); // true
   */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /**
   * The description and unit of a parameter.
   *
   * @example
   * parameters.describe('policy.document').description;
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
   * parameters.withValues({ 'interpretation.pension_unknown': 'needs_review' });
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
   * parameters.changeDates('policy.document'); // ['2020-10-22', '2022-01-01']
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
 * One parameter file as a source gives it: a name (the path, in messages) and its YAML text. The files themselves are
 * read by an adapter (`shared/adapters/parameter-files.ts`) behind the `ParameterSource` port: the domain only parses.
 */
export interface ParameterFile {
  name: string;
  text: string;
}

/**
 * Parses, validates and merges parameter files in the order given (later files add dated values to the parameters of
 * earlier ones, and may replace an end (`null`) with a value: that is how an amendment is added as data). Two values
 * on the same date are an error.
 *
 * @example
 * const parameters = parameterSetFrom([{ name: 'policy.yaml', text: 'policy.document: …' }]);
 * parameters.get('policy.document', '2021-06-18').value; // '西人社〔2020〕36号'
 */
export function parameterSetFrom(files: readonly ParameterFile[]): ParameterSet {
  const merged = new Map<string, Parameter>();
  for (const file of files) mergeFile(merged, file);
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
  return new ParameterSet(merged);
}

function isEnd(entry: ParameterEntry): boolean {
  return entry.value === null && entry.status !== 'unknown';
}

function mergeFile(merged: Map<string, Parameter>, { name: file, text }: ParameterFile): void {
  let raw: unknown;
  try {
    raw = parseYaml(text);
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
 * parameterTimeline(parameters, 'policy.document');
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
