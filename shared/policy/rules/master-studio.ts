import type { Evaluation } from '../evaluation.js';
import { checkMaterials, claimedBy, levelKey, levelName } from './common.js';
import { inForceOnRelevantDate } from './validity.js';

const RULE = 'XH36-3.6';

const STATE_SENTENCES = {
  submitted: { zh: '已递交材料，待评选委员会组织专家现场考察和评估', en: 'materials submitted: awaiting expert evaluation with a site visit' },
  evaluated: { zh: '已评估认定，待在相关网站公示', en: 'evaluated: awaiting public notice' },
  publicly_noticed: { zh: '已公示，待公示无异议后由区人社局发文命名', en: 'publicly noticed: awaiting naming by the bureau' },
} as const;

/**
 * XH36-3.6: 辖区范围内符合条件的各类企业、事业单位及个体工商户均可提出申请……每年新增6家大师工作室。对当年认定为西湖工匠大师
 * 工作室的，给予一次性补贴3万元。Conditions 1.(1) 有大师 (leader 高级技师/技师 or 绝技绝活; team ≥ 4 besides the leader),
 * 1.(2) 有保障 (management system, duties, site and equipment, funding, rewards), 1.(3) 有项目. Procedure: 递交材料 → 评估认定
 * → 结果公示 → 发文认定; money only once named. Relevant date: the naming date.
 *
 * @example
 * masterStudio(evaluation);
 */
export function masterStudio(evaluation: Evaluation): void {
  const { facts } = evaluation;
  checkMaterials(evaluation, RULE);
  const applicant = facts.applicant;
  const refusal = {
    zh: '工作室由辖区内企业、事业单位或个体工商户申请',
    en: 'a studio is applied for by an enterprise, public institution or sole trader of the district',
  };
  if (!claimedBy(evaluation, RULE, ['studio', 'enterprise'], refusal)) return;
  const registered = evaluation.read('applicant', applicant, 'registeredInXihu');
  if (registered === false) {
    evaluation.ineligible(RULE, { zh: '申请单位不在本辖区', en: 'the applicant is not in the district' });
    return;
  }
  if (registered === undefined) evaluation.review(RULE, { zh: '未能确认申请单位在本辖区', en: 'not established that the applicant is in the district' });

  const studio = facts.studio;
  if (!studio) {
    evaluation.review(RULE, { zh: '缺少工作室申报信息', en: 'no facts about the studio' });
    return;
  }
  const state = evaluation.read('studio', studio, 'procedureState');
  const namedOn = evaluation.read('studio', studio, 'namedOn');
  const dateLabel = namedOn ? { zh: '命名日期', en: 'naming date' } : { zh: '申报日期', en: 'application date' };
  if (!inForceOnRelevantDate(evaluation, namedOn ?? studio.submittedOn, dateLabel)) return;

  // 1.(1) 有大师
  const leaderLevel = evaluation.read('studio', studio, 'leaderLevel');
  const uniqueSkills = evaluation.read('studio', studio, 'leaderHasUniqueSkills');
  const leaderLevels = evaluation.param<string[]>('master_studio.leader_levels');
  const qualifiedLeader = (leaderLevel !== undefined && leaderLevels.includes(levelKey(leaderLevel))) || uniqueSkills === true;
  if (!qualifiedLeader) {
    if (leaderLevel === undefined && uniqueSkills === undefined) {
      evaluation.review(RULE, { zh: '未能确认领衔人的技能等级', en: "the leader's level is not established" });
    } else {
      evaluation.ineligible(RULE, {
        zh: `领衔人须为高级技师、技师或具有绝技绝活的技能人才${leaderLevel !== undefined ? `（现为${levelName(leaderLevel)}）` : ''}`,
        en: `the leader must be a senior technician, a technician or of unique skills${leaderLevel !== undefined ? ` (is level ${String(leaderLevel)})` : ''}`,
      });
    }
  }
  const team = evaluation.read('studio', studio, 'teamSizeExcludingLeader');
  const minTeam = evaluation.param<number>('master_studio.min_team_size');
  if (team === undefined) evaluation.review(RULE, { zh: '未能确认技能人才团队人数', en: 'the team size is not established' });
  else if (team < minTeam) {
    evaluation.ineligible(RULE, {
      zh: `技能人才团队${team}人，不少于${minTeam}人（不含领衔人）`,
      en: `a team of ${team}; at least ${minTeam} besides the leader are required`,
    });
  }

  // 1.(2) 有保障
  const guarantees = [
    ['hasManagementSystem', '大师工作室管理制度', 'a management system'],
    ['hasDefinedDuties', '工匠大师工作职责', "the master's duties"],
    ['hasSiteAndEquipment', '工作场地和设施、设备', 'a site and equipment'],
    ['hasFunding', '必要的经费支持', 'funding'],
    ['hasRewardSystem', '奖励制度', 'a reward system'],
  ] as const;
  for (const [key, zh, en] of guarantees) {
    const value = evaluation.read('studio', studio, key);
    if (value === false) evaluation.ineligible(RULE, { zh: `缺少${zh}`, en: `no ${en}` });
    else if (value === undefined) evaluation.review(RULE, { zh: `未能确认${zh}`, en: `${en} not established` });
  }

  // 1.(3) 有项目
  const project = evaluation.read('studio', studio, 'project');
  if (project === 'none') {
    evaluation.ineligible(RULE, {
      zh: '无高技能人才培养计划、技术工艺难题或技改项目',
      en: 'no high-skill training plan, technical problem or renovation project',
    });
  } else if (project === undefined) {
    evaluation.review(RULE, { zh: '未能确认工作室项目', en: 'the studio project is not established' });
  }

  // 2. 申报认定流程: money only once named.
  if (state !== 'named') {
    evaluation.review(RULE, STATE_SENTENCES[state]);
    return;
  }
  if (!namedOn) {
    evaluation.review(RULE, { zh: '未能确认发文命名日期', en: 'the naming date is not established' });
    return;
  }
  const amount = evaluation.param<number>('master_studio.one_off');
  const perYear = evaluation.param<number>('master_studio.per_year');
  const year = namedOn.slice(0, 4);
  evaluation.claimKey({ kind: 'quota', key: `${RULE}:named:${year}`, limit: perYear, ruleId: RULE });
  const studioId = applicant.creditCode ?? applicant.name;
  if (studioId) evaluation.claimKey({ kind: 'unique', key: `${RULE}:studio:${studioId}`, ruleId: RULE });
  evaluation.pay(amount);
  evaluation.payable(RULE, {
    zh: `${year}年认定为西湖工匠大师工作室，一次性补贴${amount}元（每年新增${perYear}家）`,
    en: `named a West Lake master-craftsman studio in ${year}: one-off subsidy of ${amount} yuan (${perYear} a year)`,
  });
}
