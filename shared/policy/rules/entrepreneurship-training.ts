import type { Evaluation } from '../evaluation.js';
import { checkMaterials } from './common.js';
import { inForceOnRelevantDate } from './validity.js';

const RULE = 'XH36-3.4';

/**
 * XH36-3.4: 鼓励和引导有创业需求的劳动者参加由市人力社保局认定的培训机构开展的创业培训……具体补贴标准及申报程序按
 * 杭人社发〔2020〕43号和〔2016〕27号执行. The standard is not known: the parameter is in force with status `unknown`, so the
 * decision goes to a clerk saying so rather than paying a made-up amount. Relevant date: the training's completion.
 *
 * @example
 * entrepreneurshipTraining(evaluation);
 */
export function entrepreneurshipTraining(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, 'XH36-3.4');
  const training = facts.entrepreneurshipTraining;
  if (!inForceOnRelevantDate(evaluation, training?.completedOn, { zh: '培训结束日期', en: 'training completion date' })) return;
  const recognised = evaluation.read('applicant', facts.applicant, 'recognisedForEntrepreneurshipTraining');
  if (recognised === false) {
    evaluation.ineligible(RULE, {
      zh: '培训机构非市人力社保局认定的创业培训机构',
      en: 'the training body is not recognised by the city bureau for entrepreneurship training',
    });
    return;
  }
  if (recognised === undefined)
    evaluation.review(RULE, { zh: '未能确认培训机构经市人力社保局认定', en: 'recognition of the training body by the city bureau is not established' });
  const reading = evaluation.reading<number>('entrepreneurship_training.per_person');
  if (reading.value === null) {
    evaluation.review(RULE, {
      zh: `创业培训补贴标准（${reading.reference.document}）尚未确认，请人工核定金额`,
      en: `the entrepreneurship training standard (${reading.reference.document}) is not known: a clerk must set the amount`,
    });
    return;
  }
  const trainees = training ? (evaluation.read('entrepreneurshipTraining', training, 'traineesCompleted') ?? 0) : 0;
  evaluation.countTowardsTarget(trainees, [{ kind: 'entrepreneurship_training', count: trainees }]);
  evaluation.pay(reading.value * trainees);
  evaluation.payable(RULE, { zh: `创业培训${trainees}人×${reading.value}元`, en: `entrepreneurship training: ${trainees} × ${reading.value} yuan` });
}
