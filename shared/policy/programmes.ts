import { z } from 'zod';

/**
 * The programmes of 西人社〔2020〕36号 a claim can fall under. The id is the clause (XH36-3.7.c) and doubles as the
 * review-queue name.
 */
export const Programme = {
  apprenticeship: 'XH36-3.1',
  certificateTraining: 'XH36-3.2',
  specialOperations: 'XH36-3.3.1',
  completionCertificateProject: 'XH36-3.3.2',
  competitionProject: 'XH36-3.3.3',
  entrepreneurshipTraining: 'XH36-3.4',
  sectorTraining: 'XH36-3.5',
  masterStudio: 'XH36-3.6',
  highSkilledTrainingBody: 'XH36-3.7.a',
  highSkilledEnterprise: 'XH36-3.7.b',
  highSkilledIndividual: 'XH36-3.7.c',
  competitionHost: 'XH36-3.7.d',
} as const;

export const programmeIdSchema = z.enum([
  Programme.apprenticeship,
  Programme.certificateTraining,
  Programme.specialOperations,
  Programme.completionCertificateProject,
  Programme.competitionProject,
  Programme.entrepreneurshipTraining,
  Programme.sectorTraining,
  Programme.masterStudio,
  Programme.highSkilledTrainingBody,
  Programme.highSkilledEnterprise,
  Programme.highSkilledIndividual,
  Programme.competitionHost,
]);
export type ProgrammeId = z.infer<typeof programmeIdSchema>;

/** The queue of claims no programme could be chosen for. */
export const UNCLASSIFIED = 'unclassified';

/** Titles for people, in the clerk's language and in English. */
export const PROGRAMME_TITLES: Record<ProgrammeId, { zh: string; en: string }> = {
  'XH36-3.1': { zh: '企业新型学徒制培训补贴', en: 'Enterprise new-style apprenticeship' },
  'XH36-3.2': { zh: '职业资格证书培训补贴', en: 'Vocational certificate training' },
  'XH36-3.3.1': { zh: '项目制培训：特种作业操作证书项目', en: 'Project training: special-operations certificates' },
  'XH36-3.3.2': { zh: '项目制培训：培训合格证书项目', en: 'Project training: training-completion-certificate projects' },
  'XH36-3.3.3': { zh: '项目制培训：竞赛项目', en: 'Project training: competition projects' },
  'XH36-3.4': { zh: '创业培训补贴', en: 'Entrepreneurship training' },
  'XH36-3.5': { zh: '行业领域职业技能培训（不单独申领补贴）', en: 'Sector training (not a claim by itself)' },
  'XH36-3.6': { zh: '西湖工匠大师工作室一次性补贴', en: 'West Lake master-craftsman studio' },
  'XH36-3.7.a': { zh: '高技能人才培训补贴（培训机构）', en: 'High-skilled talent: training body' },
  'XH36-3.7.b': { zh: '高技能人才培训补贴（企业）', en: 'High-skilled talent: enterprise' },
  'XH36-3.7.c': { zh: '高技能人才一次性补贴（个人）', en: 'High-skilled talent: individual one-off subsidy' },
  'XH36-3.7.d': { zh: '区域性技能竞赛补贴（实际承办方）', en: 'High-skilled talent: competition host' },
};
