import { z } from 'zod';
import type { ProgrammeId } from './programmes.js';

/** The documents an applicant can hand in (what a claim's materials list names). */
export const materialSchema = z.enum([
  'id_card', // 身份证
  'certificate', // 证书原件及复印件
  'certificate_roster', // 考核发证名册
  'application_form', // 申请表
  'business_licence', // 营业执照复印件
  'social_insurance_proof', // 社保参保证明
  'household_registration_proof', // 户籍证明
  'wage_proof', // 工资发放证明
  'social_insurance_record', // 社保缴费记录
  'labour_contract', // 劳动合同
  'engagement_letter', // 单位聘书
  'internship_agreement', // 实习协议
  'employment_agreement', // 就业协议
  'training_certificate', // 培训合格证书
  'project_filing_form', // 备案审核表
  'competition_filing_form', // 竞赛项目申请（备案）审核表
  'competition_budget', // 项目预算
  'competition_expense_list', // 实际费用清单
  'competition_qualified_roster', // 大赛合格人员名册
  'studio_application', // 大师工作室申报材料
  'commitment_letter', // 职业技能培训补贴申领告知承诺书 (XH36-4.1)
]);
export type Material = z.infer<typeof materialSchema>;

/**
 * One item of a programme's materials list: satisfied by any of `anyOf` (the policy's “或”). `code` is what
 * `Decision.missingDocuments` lists.
 */
export interface MaterialRequirement {
  code: string;
  ruleId: string;
  anyOf: readonly Material[];
  zh: string;
  en: string;
}

const item = (code: string, ruleId: string, anyOf: readonly Material[], zh: string, en: string): MaterialRequirement => ({
  code,
  ruleId,
  anyOf,
  zh,
  en,
});

/**
 * Materials lists per programme, from the policy text (XH36-3.7.1 for high-skilled talent) or, where the policy
 * delegates the procedure, the documents its own conditions need.
 */
export const MATERIALS: Record<ProgrammeId, readonly MaterialRequirement[]> = {
  // The track is not known yet: only what both tracks have in common. Once it is, APPRENTICESHIP_MATERIALS applies.
  'XH36-3.1': [
    item(
      'apprentice_labour_contract',
      'XH36-3.1',
      ['labour_contract', 'internship_agreement'],
      '劳动合同（职工学徒）或实习协议（学生学徒）',
      'labour contract (employee apprentice) or internship agreement (student apprentice)',
    ),
  ],
  'XH36-3.2': [
    item('certificate', 'XH36-3.2', ['certificate', 'certificate_roster'], '职业资格证书（或职业技能等级证书、专项能力证书）', 'the vocational certificate'),
  ],
  'XH36-3.3.1': [
    item(
      'special_operation_certificate',
      'XH36-3.3',
      ['certificate', 'certificate_roster'],
      '特种作业操作证书（或名册）',
      'special-operations certificates (or roster)',
    ),
  ],
  'XH36-3.3.2': [
    item('project_filing_form', 'XH36-3.3', ['project_filing_form'], '培训补贴项目备案审核表', 'project filing form approved by the city bureau'),
    item(
      'training_certificate',
      'XH36-3.3',
      ['training_certificate', 'certificate_roster'],
      '培训合格证书（或名册）',
      'training completion certificates (or roster)',
    ),
  ],
  'XH36-3.3.3': [
    item('competition_filing_form', 'XH36-3.3', ['competition_filing_form'], '竞赛项目申请（备案）审核表', 'competition project filing form'),
    item('competition_qualified_roster', 'XH36-3.3', ['competition_qualified_roster'], '竞赛合格人员名册', 'roster of participants who passed'),
  ],
  'XH36-3.4': [
    item(
      'training_certificate',
      'XH36-3.4',
      ['training_certificate', 'certificate_roster'],
      '创业培训合格证书（或名册）',
      'entrepreneurship training certificates (or roster)',
    ),
  ],
  'XH36-3.5': [],
  'XH36-3.6': [item('studio_application', 'XH36-3.6', ['studio_application'], '大师工作室申报材料', 'studio application materials')],
  'XH36-3.7.a': bodyOrEnterpriseMaterials(),
  'XH36-3.7.b': bodyOrEnterpriseMaterials(),
  'XH36-3.7.c': [
    item('id_card', 'XH36-3.7.1', ['id_card'], '身份证', 'ID card'),
    item('certificate', 'XH36-3.7.1', ['certificate'], '职业资格证书（或职业技能等级证书）原件及复印件', 'certificate, original and copy'),
    item('labour_contract', 'XH36-3.7.1', ['labour_contract'], '劳动合同', 'labour contract'),
    item('engagement_letter', 'XH36-3.7.1', ['engagement_letter'], '单位聘书原件及复印件', 'letter of engagement, original and copy'),
    item(
      'social_insurance_record',
      'XH36-3.7.1',
      ['social_insurance_record'],
      '取证后2年的社保缴费记录',
      'social-insurance payment record for the 2 years after the certificate',
    ),
  ],
  'XH36-3.7.d': [
    item('competition_budget', 'XH36-3.7.1', ['competition_budget'], '项目预算', 'competition budget'),
    item('competition_expense_list', 'XH36-3.7.1', ['competition_expense_list'], '实际费用清单', 'list of actual expenses'),
    item('competition_qualified_roster', 'XH36-3.7.1', ['competition_qualified_roster'], '大赛合格人员名册', 'roster of qualified participants'),
  ],
};

/**
 * XH36-3.1 by track. 职工学徒: 与企业签订一年及以上劳动合同 … 取得培训合格证书的，按补贴标准的50%支付 — the contract and the
 * training certificate. 学生学徒: 与企业签订一年实习协议和就业协议 … 培训后企业未与实习学徒签订劳动合同和缴纳社会保险费的不予补贴
 * — the two agreements, then the labour contract and the insurance record after training; no training certificate
 * (the text ties it to 职工学徒 only).
 */
export const APPRENTICESHIP_MATERIALS: Record<'employee' | 'student', readonly MaterialRequirement[]> = {
  employee: [
    item('apprentice_labour_contract', 'XH36-3.1', ['labour_contract'], '劳动合同（一年及以上）', 'labour contract (one year or more)'),
    item('training_certificate', 'XH36-3.1', ['training_certificate'], '培训合格证书', 'training completion certificate'),
  ],
  student: [
    item('internship_agreement', 'XH36-3.1', ['internship_agreement'], '一年实习协议', 'one-year internship agreement'),
    item('employment_agreement', 'XH36-3.1', ['employment_agreement'], '就业协议', 'employment agreement'),
    item(
      'post_training_labour_contract',
      'XH36-3.1',
      ['labour_contract'],
      '培训后企业与学徒签订的劳动合同',
      'the labour contract signed with the apprentice after training',
    ),
    item(
      'post_training_social_insurance',
      'XH36-3.1',
      ['social_insurance_record', 'social_insurance_proof'],
      '培训后企业为学徒缴纳社会保险费的记录',
      'the record of social insurance paid for the apprentice after training',
    ),
  ],
};

function bodyOrEnterpriseMaterials(): MaterialRequirement[] {
  return [
    item(
      'certificate_roster',
      'XH36-3.7.1',
      ['certificate_roster', 'certificate'],
      '高技能人才培训考核发证名册（或证书复印件）',
      'roster of certificates issued (or copies)',
    ),
    item('application_form', 'XH36-3.7.1', ['application_form'], '培养高技能人才奖励费申请表', 'application form'),
    item('business_licence', 'XH36-3.7.1', ['business_licence'], '企业营业执照复印件', 'business licence copy'),
    item(
      'trainee_residence_or_insurance_proof',
      'XH36-3.7.1',
      ['social_insurance_proof', 'household_registration_proof', 'wage_proof', 'social_insurance_record'],
      '享受补贴人员的社保参保证明或户籍证明或工资发放证明（在杭州市参缴社会保险的可不提供）',
      "trainees' social-insurance proof, household-registration proof or wage proof (not needed for people insured in Hangzhou)",
    ),
  ];
}

/** The business licence the `id_card_and_business_licence` reading of 企业身份证 adds to the individual's list. */
export const INDIVIDUAL_BUSINESS_LICENCE: MaterialRequirement = item(
  'business_licence',
  'XH36-3.7.1',
  ['business_licence'],
  '企业营业执照复印件（“企业身份证”的另一种理解）',
  "employer's business licence (the other reading of 企业身份证)",
);

/** The applicant's 告知承诺书 (XH36-4.1), asked for under the `ask_for_commitment` reading of an unknown pension. */
export const COMMITMENT_LETTER: MaterialRequirement = item(
  'commitment_letter',
  'XH36-4.1',
  ['commitment_letter'],
  '职业技能培训补贴申领告知承诺书（承诺不具有按月领取养老金资格）',
  "the applicant's signed commitment (告知承诺书), declaring no monthly pension",
);
