import type { ParameterSet } from './parameters.js';

/**
 * XH36-1's yearly person-times target in force during `year` (read on the year's last day, else its first), with
 * the clause it comes from; `undefined` for a year no policy covers.
 *
 * @example
 * yearlyTarget(parameters, 2021); // { personTimes: 12500, reference: '西人社〔2020〕36号 一 (…)' }
 */
export function yearlyTarget(parameters: ParameterSet, year: number): { personTimes: number; reference: string } | undefined {
  for (const day of [`${year}-12-31`, `${year}-01-01`]) {
    const reading = parameters.find<number>('targets.training_person_times_per_year', day);
    if (reading && typeof reading.value === 'number')
      return { personTimes: reading.value, reference: `${reading.reference.document} ${reading.reference.clause}` };
  }
  return undefined;
}
