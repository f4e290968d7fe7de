import type { DocumentTypeName } from '../documents/document-type.js';

/**
 * What clerks and training bodies read for each document type (the page, reasons, exports): Simplified Chinese.
 *
 * @example
 * DOCUMENT_TITLES_ZH.labor_contract; // '劳动合同'
 */
export const DOCUMENT_TITLES_ZH: Record<DocumentTypeName, string> = {
  vocational_certificate: '职业资格/技能等级证书',
  labor_contract: '劳动合同',
  employment_letter: '聘书',
  social_insurance_record: '社保缴费记录',
  business_license: '营业执照',
  internship_agreement: '实习协议',
  id_card: '身份证',
  unknown: '无法识别的材料',
};

/** Case states as clerks and training bodies read them. */
export const CASE_STATUS_ZH: Record<string, string> = {
  needs_review: '待审核',
  claimed: '审核中',
  awaiting_documents: '待补材料',
  confirmed: '待审批',
  rejected: '已驳回',
  approved: '已审批',
  paid: '已支付',
};

/** Decision outcomes as clerks and training bodies read them. */
export const OUTCOME_ZH: Record<string, string> = {
  eligible: '符合',
  ineligible: '不予补贴',
  needs_review: '待核对',
  missing_documents: '缺少材料',
};
