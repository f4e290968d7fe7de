import { type CertificateKind, type DocumentTypeName, FIELDS_BY_TYPE } from '../../../shared/documents/index.js';
import { buildQualificationCertificateNumber, buildSkillLevelCertificateNumber } from '../../../shared/extraction/index.js';
import type { TruthValue } from '../truth.js';
import { addDays, addMonths, type CalendarDate, isoDate, isoMonth, monthsBetween, randomDate } from './dates.js';
import { type Enterprise, makeEnterprise } from './enterprises.js';
import { makePerson, type Person } from './people.js';
import type { Rng } from './random.js';

/** What the generator can draw: one per certificate kind plus every other document type. */
export const DOCUMENT_KINDS = [
  'skill_level',
  'qualification',
  'special_ability',
  'special_operation',
  'training_completion',
  'labor_contract',
  'employment_letter',
  'social_insurance_record',
  'business_license',
  'internship_agreement',
  'id_card',
  'unrelated',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const OCCUPATIONS = [
  '电工',
  '焊工',
  '车工',
  '钳工',
  '育婴员',
  '保育员',
  '养老护理员',
  '中式烹调师',
  '中式面点师',
  '西式面点师',
  '美容师',
  '美发师',
  '茶艺师',
  '评茶员',
  '电子商务师',
  '互联网营销师',
  '企业人力资源管理师',
  '汽车维修工',
  '数控车工',
  '计算机程序设计员',
  '网络与信息安全管理员',
  '健康管理师',
  '家政服务员',
  '物流服务师',
  '工具钳工',
  '服装制版师',
];
const SPECIAL_ABILITIES = ['中式面点制作', '家庭照护', '母婴护理', '手机维修', '电子商务运营', '茶叶加工', '西湖龙井炒制', '网络直播营销'];
const SPECIAL_OPERATIONS = [
  { category: '电工作业', item: '低压电工作业' },
  { category: '电工作业', item: '高压电工作业' },
  { category: '焊接与热切割作业', item: '熔化焊接与热切割作业' },
  { category: '高处作业', item: '登高架设作业' },
  { category: '高处作业', item: '高处安装、维护、拆除作业' },
  { category: '制冷与空调作业', item: '制冷与空调设备运行操作作业' },
];
const TRAININGS = ['企业新型学徒制（电工）', '企业新型学徒制（焊工）', '养老护理员岗前培训', '家政服务员技能培训', '电子商务创业培训', '育婴员培训'];
const QUALIFICATION_ISSUERS = ['浙江省人力资源和社会保障厅', '杭州市人力资源和社会保障局', '杭州市职业技能鉴定指导中心'];
const TRAINING_BODIES = ['杭州市西湖区职业技能培训学校', '杭州之江职业培训学校', '浙江育才职业技能培训学校', '杭州西溪职业技术培训中心'];
const SPECIAL_ABILITY_ISSUERS = ['杭州市职业能力建设指导服务中心', '杭州市西湖区人力资源和社会保障局'];
const SPECIAL_OPERATION_ISSUERS = ['浙江省应急管理厅', '杭州市应急管理局'];
const TITLES = ['车间主任', '技术主管', '高级技师', '班组长', '质量工程师', '首席技师', '技术总监', '生产经理'];
const SCHOOLS = ['杭州第一技师学院', '杭州轻工技师学院', '浙江经济职业技术学院', '杭州市西湖职业高级中学', '浙江交通技师学院'];

/** Level 1–5 and the names documents print for it. */
export const LEVEL_NAMES: Record<number, { grade: string; title: string }> = {
  1: { grade: '一级', title: '高级技师' },
  2: { grade: '二级', title: '技师' },
  3: { grade: '三级', title: '高级工' },
  4: { grade: '四级', title: '中级工' },
  5: { grade: '五级', title: '初级工' },
};

export interface SocialInsuranceSpan {
  employer: string;
  from: CalendarDate;
  to: CalendarDate;
}

interface CertificateBase {
  person: Person;
  issueDate: CalendarDate;
  issuer: string;
  certificateNumber: string;
  occupation: string;
}

/** The facts of one document, before any layout prints them. */
export type DocumentData =
  | ({ kind: 'skill_level'; level: number } & CertificateBase)
  | ({ kind: 'qualification'; level: number } & CertificateBase)
  | ({ kind: 'special_ability' } & CertificateBase)
  | ({ kind: 'special_operation'; category: string; validUntil: CalendarDate } & CertificateBase)
  | ({ kind: 'training_completion'; trainingFrom: CalendarDate; trainingTo: CalendarDate } & CertificateBase)
  | {
      kind: 'labor_contract';
      person: Person;
      enterprise: Enterprise;
      start: CalendarDate;
      end: CalendarDate | null;
      signed: CalendarDate;
      post: string;
      contractNumber: string;
    }
  | {
      kind: 'employment_letter';
      person: Person;
      enterprise: Enterprise;
      title: string;
      start: CalendarDate;
      end: CalendarDate;
      termMonths: number;
      issued: CalendarDate;
      /** The employer is named only in the seal: no printed signature line (issue 19, packet24). */
      sealOnly?: boolean;
    }
  | { kind: 'social_insurance_record'; person: Person; spans: SocialInsuranceSpan[]; printed: CalendarDate }
  | { kind: 'business_license'; enterprise: Enterprise; issued: CalendarDate }
  | { kind: 'internship_agreement'; person: Person; enterprise: Enterprise; school: string; start: CalendarDate; end: CalendarDate; signed: CalendarDate }
  | { kind: 'id_card'; person: Person; validFrom: CalendarDate }
  /** A page that is none of the claim documents (a notice, a receipt): it must come out as `unknown`. */
  | { kind: 'unrelated'; person: Person; enterprise: Enterprise; date: CalendarDate; amount: number };

/** Shared facts when several documents of one submission go into one file (same person, same employer). */
export interface SubmissionContext {
  person: Person;
  enterprise: Enterprise;
}

/**
 * Given-name endings that look like a form of address or a title (吕伊君, 陈晓生) but are part of the name: a reader
 * that strips them shortens the name.
 */
export const ADDRESS_LIKE_ENDINGS = ['君', '君', '生', '士', '卿'] as const;

/**
 * The same person with a name whose last character is one of {@link ADDRESS_LIKE_ENDINGS} (given name kept at one
 * or two characters).
 *
 * @example
 * withAddressLikeName(person, rng).name; // e.g. '吕伊君'
 */
export function withAddressLikeName(person: Person, rng: Rng): Person {
  const chars = [...person.name];
  const ending = rng.pick(ADDRESS_LIKE_ENDINGS);
  const name = chars.length <= 2 ? `${person.name}${ending}` : `${chars.slice(0, -1).join('')}${ending}`;
  return { ...person, name };
}

/** @example makeSubmissionContext(rng).person.name; */
export function makeSubmissionContext(rng: Rng): SubmissionContext {
  return { person: makePerson(rng), enterprise: makeEnterprise(rng) };
}

/**
 * Draws the facts of one document. Certificate numbers use shared/extraction's builders so their level and year
 * digits agree with the printed level and issue date.
 *
 * @example
 * const data = makeDocumentData('skill_level', new Rng(5));
 */
export function makeDocumentData(kind: DocumentKind, rng: Rng, context: SubmissionContext = makeSubmissionContext(rng)): DocumentData {
  const { person, enterprise } = context;
  switch (kind) {
    case 'skill_level': {
      const level = rng.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]);
      const issueDate = randomDate(rng, 2020, 2021);
      const ownAssessment = rng.chance(0.4);
      return {
        kind,
        person,
        level,
        issueDate,
        occupation: rng.pick(OCCUPATIONS),
        issuer: ownAssessment ? enterprise.name : rng.pick(TRAINING_BODIES),
        certificateNumber: buildSkillLevelCertificateNumber({
          assessor: ownAssessment ? 'Y' : 'S',
          organisationCode: `330106${rng.digits(6)}`,
          year: issueDate.year,
          level,
          serial: rng.int(1, 999_999),
        }),
      };
    }
    case 'qualification': {
      const level = rng.pick([1, 2, 2, 3, 3, 4, 5]);
      const issueDate = randomDate(rng, 2008, 2019);
      return {
        kind,
        person,
        level,
        issueDate,
        occupation: rng.pick(OCCUPATIONS),
        issuer: rng.pick(QUALIFICATION_ISSUERS),
        certificateNumber: buildQualificationCertificateNumber({
          year: issueDate.year,
          authorityCode: `3301${rng.digits(4)}`,
          level,
          serial: rng.int(1, 99_999),
        }),
      };
    }
    case 'special_ability': {
      const issueDate = randomDate(rng, 2019, 2021);
      return {
        kind,
        person,
        issueDate,
        occupation: rng.pick(SPECIAL_ABILITIES),
        issuer: rng.pick(SPECIAL_ABILITY_ISSUERS),
        certificateNumber: `ZX${issueDate.year}3301${rng.digits(6)}`,
      };
    }
    case 'special_operation': {
      const op = rng.pick(SPECIAL_OPERATIONS);
      const issueDate = randomDate(rng, 2017, 2021);
      return {
        kind,
        person,
        issueDate,
        category: op.category,
        occupation: op.item,
        validUntil: addDays(addMonths(issueDate, 72), -1),
        issuer: rng.pick(SPECIAL_OPERATION_ISSUERS),
        certificateNumber: `T${person.idNumber}`,
      };
    }
    case 'training_completion': {
      const trainingFrom = randomDate(rng, 2020, 2021);
      const trainingTo = addDays(trainingFrom, rng.int(5, 25));
      return {
        kind,
        person,
        trainingFrom,
        trainingTo,
        issueDate: addDays(trainingTo, rng.int(3, 20)),
        occupation: rng.pick(TRAININGS),
        issuer: rng.pick(TRAINING_BODIES),
        certificateNumber: `PX${trainingFrom.year}${rng.digits(8)}`,
      };
    }
    case 'labor_contract': {
      const start = randomDate(rng, 2018, 2021);
      const openEnded = rng.chance(0.25);
      return {
        kind,
        person,
        enterprise,
        start,
        end: openEnded ? null : addDays(addMonths(start, rng.pick([12, 24, 36, 60])), -1),
        signed: addDays(start, -rng.int(0, 10)),
        post: rng.pick(OCCUPATIONS),
        contractNumber: `HT${start.year}${rng.digits(5)}`,
      };
    }
    case 'employment_letter': {
      const start = randomDate(rng, 2018, 2021);
      const title = rng.pick(TITLES);
      const termMonths = rng.pick([24, 36, 60]);
      return {
        kind,
        person,
        enterprise,
        title,
        start,
        end: addDays(addMonths(start, termMonths), -1),
        termMonths,
        issued: addDays(start, -rng.int(0, 15)),
      };
    }
    case 'social_insurance_record': {
      const spans: SocialInsuranceSpan[] = [];
      let from = { ...randomDate(rng, 2012, 2016), day: 1 };
      const count = rng.int(2, 3);
      for (let i = 0; i < count; i++) {
        const last = i === count - 1;
        const to = last ? { year: 2021, month: rng.int(6, 11), day: 1 } : addMonths(from, rng.int(10, 30));
        spans.push({ employer: i === count - 1 ? enterprise.name : makeEnterprise(rng).name, from, to });
        // A gap of one to five months between employers: months are counted from spans, not from first to last.
        from = addMonths(to, rng.int(2, 6));
      }
      // The last span ends on a fixed month: long earlier spans could push its start past its end (an impossible row,
      // a negative month count in the truth). Move every earlier date back so the last span holds six months; the
      // random draws stay the same, so records that were valid are unchanged.
      const current = spans[count - 1];
      const overrun = (current.from.year - current.to.year) * 12 + current.from.month - current.to.month;
      if (overrun > 0) {
        const back = overrun + 5;
        for (const [i, s] of spans.entries()) {
          s.from = addMonths(s.from, -back);
          if (i < count - 1) s.to = addMonths(s.to, -back);
        }
      }
      return { kind, person, spans, printed: { year: 2021, month: 12, day: rng.int(1, 20) } };
    }
    case 'business_license':
      return { kind, enterprise, issued: addDays(enterprise.established, rng.int(0, 900)) };
    case 'internship_agreement': {
      const start = randomDate(rng, 2020, 2021);
      return {
        kind,
        person,
        enterprise,
        school: rng.pick(SCHOOLS),
        start,
        end: addDays(addMonths(start, 12), -1),
        signed: addDays(start, -rng.int(1, 20)),
      };
    }
    case 'id_card':
      return { kind, person, validFrom: randomDate(rng, 2012, 2020) };
    case 'unrelated':
      return { kind, person, enterprise, date: randomDate(rng, 2020, 2021), amount: rng.int(200, 9000) };
  }
}

const CERTIFICATE_KIND: Record<string, CertificateKind> = {
  skill_level: 'skill_level',
  qualification: 'qualification',
  special_ability: 'special_ability',
  special_operation: 'special_operation',
  training_completion: 'training_completion',
};

/** @example documentTypeOf('qualification'); // 'vocational_certificate' */
export function documentTypeOf(kind: DocumentKind): DocumentTypeName {
  if (kind in CERTIFICATE_KIND) return 'vocational_certificate';
  if (kind === 'labor_contract') return 'labor_contract';
  if (kind === 'employment_letter') return 'employment_letter';
  if (kind === 'social_insurance_record') return 'social_insurance_record';
  if (kind === 'business_license') return 'business_license';
  if (kind === 'internship_agreement') return 'internship_agreement';
  if (kind === 'id_card') return 'id_card';
  return 'unknown';
}

/** Months paid over all spans (gaps excluded). @example totalMonths(spans); */
export function totalMonths(spans: readonly SocialInsuranceSpan[]): number {
  return spans.reduce((n, s) => n + monthsBetween(s.from, s.to), 0);
}

/**
 * The normalised values `intake extract --json` must print for a document: only fields the layouts print.
 *
 * @example
 * truthFields(makeDocumentData('id_card', rng)); // { name, idNumber, address, birthDate }
 */
export function truthFields(data: DocumentData): Record<string, TruthValue> {
  switch (data.kind) {
    case 'skill_level':
    case 'qualification':
      return {
        holderName: data.person.name,
        idNumber: data.person.idNumber,
        occupation: data.occupation,
        level: data.level,
        certificateKind: CERTIFICATE_KIND[data.kind],
        certificateNumber: data.certificateNumber,
        issueDate: isoDate(data.issueDate),
        issuer: data.issuer,
      };
    case 'special_ability':
    case 'special_operation':
    case 'training_completion':
      return {
        holderName: data.person.name,
        idNumber: data.person.idNumber,
        occupation: data.occupation,
        certificateKind: CERTIFICATE_KIND[data.kind],
        certificateNumber: data.certificateNumber,
        issueDate: isoDate(data.issueDate),
        issuer: data.issuer,
      };
    case 'labor_contract':
      return {
        employerName: data.enterprise.name,
        employerCreditCode: data.enterprise.creditCode,
        employeeName: data.person.name,
        employeeIdNumber: data.person.idNumber,
        startDate: isoDate(data.start),
        endDate: data.end === null ? null : isoDate(data.end),
        signedDate: isoDate(data.signed),
      };
    case 'employment_letter':
      return {
        employerName: data.enterprise.name,
        employeeName: data.person.name,
        title: data.title,
        startDate: isoDate(data.start),
        endDate: isoDate(data.end),
        // Every 聘书 layout prints its issue date; it is scored once the `intake extract` contract carries it.
        ...((FIELDS_BY_TYPE.employment_letter as readonly string[]).includes('issueDate') ? { issueDate: isoDate(data.issued) } : {}),
      };
    case 'social_insurance_record':
      return {
        personName: data.person.name,
        idNumber: data.person.idNumber,
        employerName: data.spans[data.spans.length - 1].employer,
        monthsPaid: totalMonths(data.spans),
        periodStart: isoMonth(data.spans[0].from),
        periodEnd: isoMonth(data.spans[data.spans.length - 1].to),
      };
    case 'business_license':
      return {
        companyName: data.enterprise.name,
        creditCode: data.enterprise.creditCode,
        address: data.enterprise.address,
        establishedDate: isoDate(data.enterprise.established),
        legalRepresentative: data.enterprise.legalRepresentative,
      };
    case 'internship_agreement':
      return {
        enterpriseName: data.enterprise.name,
        studentName: data.person.name,
        studentIdNumber: data.person.idNumber,
        schoolName: data.school,
        startDate: isoDate(data.start),
        endDate: isoDate(data.end),
      };
    case 'unrelated':
      return {};
    case 'id_card':
      return {
        name: data.person.name,
        idNumber: data.person.idNumber,
        address: data.person.address,
        birthDate: isoDate(data.person.birth),
      };
  }
}
