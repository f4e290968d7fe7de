import { type LegalReference, type ParameterSet, type ParameterStatus, type ParameterValue } from './parameters.js';
import { PROGRAMME_TITLES, type ProgrammeId } from './programmes.js';
import { PROGRAMME_RULES } from './rules/index.js';

/** One rule as `intake rules explain` shows it: its clause, its title and the parameters in force on the date. */
export interface RuleExplanation {
  ruleId: ProgrammeId;
  title: { zh: string; en: string };
  parameters: {
    name: string;
    description: string;
    unit?: string;
    /** `undefined` when no value is in force on the date (outside the window). */
    value?: ParameterValue | null;
    status?: ParameterStatus;
    reference?: LegalReference;
    from?: string;
    until?: string;
  }[];
}

/**
 * Every programme's rule with the parameters in force on `date` (YYYY-MM-DD).
 *
 * @example
 * explainRules('2021-06-18').find((r) => r.ruleId === 'XH36-3.7.c')?.parameters[2].value; // { '1': 10000, '2': 5000 }
 */
export function explainRules(date: string, parameters: ParameterSet): RuleExplanation[] {
  return (Object.keys(PROGRAMME_RULES) as ProgrammeId[]).map((ruleId) => ({
    ruleId,
    title: PROGRAMME_TITLES[ruleId],
    parameters: PROGRAMME_RULES[ruleId].parameters.map((name) => {
      const reading = parameters.find(name, date);
      return {
        name,
        ...parameters.describe(name),
        ...(reading ? { value: reading.value, status: reading.status, reference: reading.reference, from: reading.from, until: reading.until } : {}),
      };
    }),
  }));
}
