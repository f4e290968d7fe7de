import type { Evaluation } from '../evaluation.js';

/**
 * XH36-3.5: 区发改经信、教育、住建……等部门要加强对本行业内职业技能培训工作的指导和管理. Not a subsidy claim by itself: the
 * training is recorded towards the yearly target (XH36-1), no money is paid under this clause.
 *
 * @example
 * sectorTraining(evaluation);
 */
export function sectorTraining(evaluation: Evaluation): void {
  const training = evaluation.facts.sectorTraining;
  if (training) {
    evaluation.read('sectorTraining', training, 'department');
    evaluation.read('sectorTraining', training, 'trainees');
    if (training.completedOn) evaluation.date = training.completedOn;
    // 行业领域培训不单独申领补贴，但计入年度培训人次 (XH36-1).
    if (training.trainees !== undefined) evaluation.countTowardsTarget(training.trainees, [], true);
  }
  evaluation.ineligible('XH36-3.5', {
    zh: '行业领域职业技能培训不单独申领补贴，已记录计入年度培训任务',
    en: 'sector training is not a subsidy claim by itself: recorded towards the yearly training target, no money under this clause',
  });
}
