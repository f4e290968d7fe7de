import { describe, expect, it } from 'vitest';
import { Evaluation } from '../../shared/policy/evaluation.js';
import { factsSchema } from '../../shared/policy/facts.js';
import type { MaterialRequirement } from '../../shared/policy/materials.js';
import { shippedParameters } from '../support/shipped-policy.js';
import { individualClaim } from './factories.js';

/** The same material (one code) asked for by two clauses, as a programme's list and a rule of its own may both do. */
const contractForListing: MaterialRequirement = {
  code: 'labour_contract',
  ruleId: 'XH36-3.7.c',
  anyOf: ['labour_contract'],
  zh: '劳动合同',
  en: 'the labour contract',
};
const contractForOwnEmployee: MaterialRequirement = { ...contractForListing, ruleId: 'XH36-3.7.b' };

function evaluationOf(materials: string[]): Evaluation {
  const facts = factsSchema.parse(individualClaim({ materials: materials as never }));
  return new Evaluation(facts, facts.programme ?? 'XH36-3.7.c', shippedParameters(), facts.claimDate ?? '2022-11-20');
}

describe('a document asked for by two rules', () => {
  it('is listed once among the missing documents, with one 缺少材料 reason, under the first clause that asked', () => {
    const evaluation = evaluationOf(['id_card', 'certificate']);
    evaluation.missingDocument(contractForListing);
    evaluation.missingDocument(contractForOwnEmployee);

    const decision = evaluation.toDecision();

    expect(decision.outcome).toBe('missing_documents');
    expect(decision.missingDocuments).toEqual(['labour_contract']);
    expect(decision.missingDocumentDetails).toEqual([{ code: 'labour_contract', ruleId: 'XH36-3.7.c', zh: '劳动合同', en: 'the labour contract' }]);
    expect(decision.reasons.filter((reason) => reason.zh.startsWith('缺少材料'))).toEqual([
      expect.objectContaining({ ruleId: 'XH36-3.7.c', zh: '缺少材料：劳动合同' }),
    ]);
  });

  it('keeps two different documents apart, each listed once', () => {
    const evaluation = evaluationOf(['id_card']);
    const letter: MaterialRequirement = { code: 'engagement_letter', ruleId: 'XH36-3.7.c', anyOf: ['engagement_letter'], zh: '聘书', en: 'the letter' };
    evaluation.missingDocument(contractForListing);
    evaluation.missingDocument(letter);
    evaluation.missingDocument(contractForOwnEmployee);
    evaluation.missingDocument(letter);

    const decision = evaluation.toDecision();

    expect(decision.missingDocuments).toEqual(['labour_contract', 'engagement_letter']);
    expect(decision.reasons.filter((reason) => reason.zh.startsWith('缺少材料')).map((reason) => reason.zh)).toEqual(['缺少材料：劳动合同', '缺少材料：聘书']);
  });
});
