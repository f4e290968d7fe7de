import type { Evaluation } from '../evaluation.js';
import type { ProgrammeId } from '../programmes.js';
import { apprenticeship } from './apprenticeship.js';
import { certificateTraining } from './certificate-training.js';
import { competitionHost } from './competition-host.js';
import { entrepreneurshipTraining } from './entrepreneurship-training.js';
import { highSkilledBodyOrEnterprise } from './high-skilled-body-enterprise.js';
import { highSkilledIndividual } from './high-skilled-individual.js';
import { masterStudio } from './master-studio.js';
import { competitionProject, completionCertificateProject, specialOperations } from './project-training.js';
import { sectorTraining } from './sector-training.js';

/** A programme's rule and the parameters it reads (for `explainRules`). */
export interface ProgrammeRule {
  evaluate(evaluation: Evaluation): void;
  parameters: readonly string[];
}

const COMMON = ['policy.document', 'interpretation.outside_window'];
const COVERAGE = ['interpretation.local_area', 'interpretation.pension_unknown'];

/** Every programme's rule, by programme id (clause). */
export const PROGRAMME_RULES: Record<ProgrammeId, ProgrammeRule> = {
  'XH36-3.1': {
    evaluate: apprenticeship,
    parameters: [
      ...COMMON,
      ...COVERAGE,
      'apprenticeship.employee_standard_per_year',
      'apprenticeship.student_standard_per_year',
      'apprenticeship.city_fee_share_percent',
      'apprenticeship.city_cap_per_year',
      'apprenticeship.training_certificate_percent',
      'apprenticeship.qualification_certificate_percent',
      'apprenticeship.employee_min_contract_years',
      'apprenticeship.employee_period_years',
      'apprenticeship.student_period_years',
      'interpretation.post_training_condition',
      'interpretation.employee_apprentice_standard',
      'interpretation.student_apprentice_amount',
    ],
  },
  'XH36-3.2': { evaluate: certificateTraining, parameters: [...COMMON, ...COVERAGE, 'certificate_training.per_level', 'certificate_training.special_ability'] },
  'XH36-3.3.1': { evaluate: specialOperations, parameters: [...COMMON, 'project_training.special_operation_cap_per_person'] },
  'XH36-3.3.2': {
    evaluate: completionCertificateProject,
    parameters: [...COMMON, 'project_training.completion_per_person_day', 'project_training.completion_max_days'],
  },
  'XH36-3.3.3': { evaluate: competitionProject, parameters: [...COMMON, 'project_training.competition_per_person'] },
  'XH36-3.4': { evaluate: entrepreneurshipTraining, parameters: [...COMMON, 'entrepreneurship_training.per_person'] },
  'XH36-3.5': { evaluate: sectorTraining, parameters: [] },
  'XH36-3.6': {
    evaluate: masterStudio,
    parameters: [...COMMON, 'master_studio.one_off', 'master_studio.per_year', 'master_studio.leader_levels', 'master_studio.min_team_size'],
  },
  'XH36-3.7.a': {
    evaluate: (evaluation) => highSkilledBodyOrEnterprise(evaluation, 'XH36-3.7.a'),
    parameters: [
      ...COMMON,
      'high_skilled_talent.training_body_per_person',
      'high_skilled_talent.body_and_enterprise_levels',
      'interpretation.newly_obtained_body_enterprise',
    ],
  },
  'XH36-3.7.b': {
    evaluate: (evaluation) => highSkilledBodyOrEnterprise(evaluation, 'XH36-3.7.b'),
    parameters: [
      ...COMMON,
      'high_skilled_talent.enterprise_per_person',
      'high_skilled_talent.body_and_enterprise_levels',
      'interpretation.newly_obtained_body_enterprise',
    ],
  },
  'XH36-3.7.c': {
    evaluate: highSkilledIndividual,
    parameters: [
      ...COMMON,
      ...COVERAGE,
      'high_skilled_talent.individual_by_level',
      'high_skilled_talent.individual_min_engagement_years',
      'high_skilled_talent.individual_min_insured_months',
      'interpretation.newly_obtained_individual',
      'interpretation.insured_months_counted',
      'interpretation.insured_months_employer',
      'interpretation.engagement_measured',
      'interpretation.individual_identity_document',
    ],
  },
  'XH36-3.7.d': { evaluate: competitionHost, parameters: [...COMMON, 'interpretation.competition_shortfall_base'] },
};
