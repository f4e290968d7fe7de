import type { CertificateKind, DocumentTypeName } from '../documents/index.js';
import type { PageLayout } from './page-layout.js';

interface TitleRule {
  title: RegExp;
  type: DocumentTypeName;
  kind?: CertificateKind;
}

// Order matters: the more specific title first (培训合格证书 before a bare 证书 mention, 实习协议 before 协议).
const TITLES: readonly TitleRule[] = [
  { title: /职业技能等级证书|技能等级证书/, type: 'vocational_certificate', kind: 'skill_level' },
  { title: /职业资格证书|国家职业资格/, type: 'vocational_certificate', kind: 'qualification' },
  { title: /专项职业能力证书|专项能力证书/, type: 'vocational_certificate', kind: 'special_ability' },
  { title: /特种作业操作证|特种作业人员操作证|建筑施工特种作业/, type: 'vocational_certificate', kind: 'special_operation' },
  { title: /培训合格证书?|培训结业证书?|结业证书|培训证书/, type: 'vocational_certificate', kind: 'training_completion' },
  { title: /实习协议|实习合同|顶岗实习|跟岗实习/, type: 'internship_agreement' },
  { title: /劳动合同/, type: 'labor_contract' },
  {
    title: /^聘书$|聘任书|聘用书|聘任证书|^聘请书$|聘任决定|聘任通知|聘用通知|聘用函|聘请函|聘任函|任命书|任职通知|^关于聘任.{2,12}的(决定|通知)$/,
    type: 'employment_letter',
  },
  { title: /参保缴费证明|缴费证明|参保证明|缴费记录|缴费明细|社会保险个人权益记录|参保缴费凭证|个人参保/, type: 'social_insurance_record' },
  { title: /营业执照/, type: 'business_license' },
  { title: /居民身份证(?!号)/, type: 'id_card' },
];

const KEYWORDS: Record<Exclude<DocumentTypeName, 'unknown'>, readonly RegExp[]> = {
  vocational_certificate: [
    /证书编号|证号/,
    /职业\(工种\)|职业名称|工种/,
    /发证机关|发证单位|发证日期|颁证/,
    /持证人/,
    /考核合格|成绩合格|准予|经.{0,6}考核|评定/,
    /准操项目|作业类别/,
    /等级/,
  ],
  labor_contract: [
    /甲方/,
    /乙方/,
    /用人单位/,
    /劳动者/,
    /第[一二三四五六七八九十百]+条/,
    /试用期/,
    /劳动报酬|工资/,
    /工作时间|休息休假/,
    /合同期限/,
    /解除|终止/,
    /劳动保护|劳动条件/,
  ],
  employment_letter: [/兹聘|特聘请|聘请|聘任/, /聘期|聘任期/, /特发此书|此聘/],
  social_insurance_record: [
    /缴费月数|累计缴费/,
    /起止年月|起始年月|缴费年月|参保年月/,
    /缴费基数/,
    /养老保险|医疗保险|失业保险/,
    /参保单位|缴费单位/,
    /险种/,
    /社会保险/,
  ],
  business_license: [/统一社会信用代码/, /法定代表人|负责人|经营者/, /注册资本/, /成立日期/, /经营范围/, /登记机关/, /营业期限/, /住所|经营场所/],
  internship_agreement: [/实习/, /实习生|学生/, /学校|学院/, /丙方/, /实习期限|实习期间/, /实习补贴|实习津贴|报酬/],
  id_card: [/公民身份号码/, /性别/, /民族/, /出生/, /住址/, /签发机关/, /有效期限/],
};

export interface PageClassification {
  type: DocumentTypeName;
  kind?: CertificateKind;
  confidence: number;
  /** A title line names the type (rather than only keywords suggesting it). */
  titled: boolean;
  /** `第N页` / `N/M` numbering found: N. */
  pageIndex?: number;
  pageCount?: number;
  /** Has marks of a page continuing a longer document: clause numbers past the first, signature blocks. */
  continuation: boolean;
  /** Keyword scores by type, for grouping decisions. */
  scores: Partial<Record<DocumentTypeName, number>>;
  /** ID card back side (issuing authority, validity) without the front's fields. */
  idCardBack?: boolean;
  /** Characters of text on the page (a near-blank page tells nothing by itself). */
  textLength: number;
}

const CLAUSE = /第([一二三四五六七八九十百]+)条/g;
const PAGE_NUMBER = /第(\d{1,2})页[,，]?共(\d{1,2})页|(?:^|\n|\s)(\d{1,2})\/(\d{1,2})(?:页)?(?:$|\n)|共(\d{1,2})页[,，]?第(\d{1,2})页/;

/** A line of a page that names a document's kind as a title. */
export interface DocumentTitle {
  /** Index of the title's (first) line in `layout.lines`. */
  line: number;
  type: DocumentTypeName;
  kind?: CertificateKind;
  /** 3: short and set larger than the body; 2: short or larger; lines weaker than that are no titles. */
  strength: 2 | 3;
  /** The title was completed by a short line after it (`中华人民共和国职业资格` / `证书`): not the line's own words. */
  completed: boolean;
}

/**
 * Every title line of a page, in reading order: a short line, or one set larger than the body text, naming a
 * document's kind (`职业技能等级证书`, `聘　书`, `中华人民共和国居民身份证`). A page holding two documents has two.
 *
 * @example
 * documentTitles(layout).map((t) => t.type); // ['vocational_certificate', 'employment_letter']
 */
export function documentTitles(layout: PageLayout): DocumentTitle[] {
  const titles: DocumentTitle[] = [];
  for (const [index, line] of layout.lines.entries()) {
    // A title set over two lines (`中华人民共和国职业资格` / `证书`): a short line under it completes it.
    // A speck read as punctuation between a spaced title's pieces (`聘` | `：` | `书`) is no part of it.
    const speck = layout.lines[index + 1] && /^[：:，,.。·、'"]$/.test(layout.lines[index + 1].flat);
    const next = layout.lines[index + (speck ? 2 : 1)];
    // So is a spaced title the engine returned as two boxes on one row (`聘` | `书`).
    const beside = next && Math.abs(next.box.y + next.box.height / 2 - (line.box.y + line.box.height / 2)) < line.box.height * 0.6 && next.box.x > line.box.x;
    const tail = next && next.flat.length <= 4 && (next.box.y > line.box.y || beside) ? next.flat : '';
    const own = line.flat.replace(/^中华人民共和国/, '');
    const flat = tail && !TITLES.some((r) => r.title.test(own)) && TITLES.some((r) => r.title.test(own + tail)) ? own + tail : own;
    // A numbered clause or list item (`第七条 劳动合同的变更…`, `三、填写劳动合同…`) is body text, not a title.
    if (/^(第[一二三四五六七八九十百零〇两\d]{1,4}条|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.])/.test(flat)) continue;
    const rule = TITLES.find((r) => r.title.test(flat));
    if (!rule) continue;
    const m = rule.title.exec(flat)!;
    // Titles carry a place or a qualifier (`杭州市社会保险参保缴费证明(个人)`): short means few words around the
    // title phrase, and a line set larger than the body text is a title even with more around it.
    const short = flat.length <= m[0].length + 12;
    const large = line.box.height >= layout.medianLineHeight * 1.3 && flat.length <= 30;
    if (short || large) titles.push({ line: index, type: rule.type, kind: rule.kind, strength: short && large ? 3 : 2, completed: flat !== own });
  }
  return titles;
}

/**
 * Decides what a page is: a title line (short, or larger than the body text) naming a document type wins; otherwise
 * keywords vote, with a confidence that reflects how clear the vote was.
 *
 * @example
 * classifyPage(buildPageLayout(page)).type; // 'labor_contract'
 */
export function classifyPage(layout: PageLayout): PageClassification {
  const scores: Partial<Record<DocumentTypeName, number>> = {};
  // The labels as the reader found them count too: a label read with a character wrong (`公线身份号码`) is still the
  // label its line was matched to.
  const labels = layout.lines.flatMap((l) => l.hits.map((h) => h.form)).join('\n');
  for (const [type, patterns] of Object.entries(KEYWORDS) as [Exclude<DocumentTypeName, 'unknown'>, readonly RegExp[]][]) {
    scores[type] = patterns.reduce((sum, p) => sum + (p.test(layout.flat) || p.test(labels) ? 1 : 0), 0);
  }
  // The strongest title line; of equally strong ones, the first.
  const strongest = documentTitles(layout).reduce<DocumentTitle | undefined>((best, t) => (t.strength > (best?.strength ?? 0) ? t : best), undefined);
  const title = strongest && { type: strongest.type, kind: strongest.kind };
  const titleStrength = strongest?.strength ?? 0;
  const numbering = PAGE_NUMBER.exec(layout.flat);
  const pageIndex = numbering ? Number(numbering[1] ?? numbering[3] ?? numbering[6]) : undefined;
  const pageCount = numbering ? Number(numbering[2] ?? numbering[4] ?? numbering[5]) : undefined;
  const clauses = [...layout.flat.matchAll(CLAUSE)].map((m) => m[1]);
  const firstClauseLater = clauses.length > 0 && clauses[0] !== '一';
  const signature = /(甲方|乙方|丙方).{0,8}(盖章|签字|签章|签名)/.test(layout.flat);
  const continuation = (pageIndex !== undefined && pageIndex > 1) || firstClauseLater || (signature && !title);
  const idCardBack = /签发机关/.test(layout.flat) && /有效期限/.test(layout.flat) && !/公民身份号码|姓名/.test(layout.flat);

  const base = { pageIndex, pageCount, continuation, scores, idCardBack, textLength: layout.flat.replace(/\n/g, '').length };
  if (title) {
    const support = scores[title.type] ?? 0;
    const confidence = titleStrength === 3 ? 0.99 : support >= 2 ? 0.98 : 0.93;
    return { ...base, type: title.type, kind: title.kind, confidence, titled: true };
  }
  const ranked = (Object.entries(scores) as [DocumentTypeName, number][]).sort((a, b) => b[1] - a[1]);
  const [bestType, bestScore] = ranked[0];
  const second = ranked[1]?.[1] ?? 0;
  if (bestScore < 2) return { ...base, type: 'unknown', confidence: bestScore === 0 ? 0.9 : 0.6, titled: false };
  const margin = bestScore - second;
  const confidence = Math.min(margin >= 3 ? 0.95 : 0.9, 0.55 + 0.08 * bestScore + 0.05 * margin);
  return { ...base, type: bestType, confidence, titled: false };
}
