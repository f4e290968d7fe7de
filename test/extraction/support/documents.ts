import {
  buildQualificationCertificateNumber,
  buildSkillLevelCertificateNumber,
  creditCodeCheckCharacter,
  residentIdCheckCharacter,
} from '../../../shared/extraction/index.js';
import type { OcrPage } from '../../../shared/ocr/index.js';
import { PageBuilder } from './page-builder.js';

/** A valid resident ID number for a birth date and sequence. */
export function residentId(birth = '19900307', region = '330106', sequence = '123'): string {
  const body = `${region}${birth}${sequence}`;
  return body + residentIdCheckCharacter(body);
}

/** A valid unified social credit code from a 9-character organisation code. */
export function creditCode(organisation = '716105852', region = '330106'): string {
  const body = `91${region}${organisation}`;
  return body + creditCodeCheckCharacter(body);
}

export const person = { name: '王晓明', id: residentId() };
export const company = { name: '杭州西子智能科技有限公司', code: creditCode() };

type Layout = 'inline' | 'right' | 'below';

export interface CertificateOptions {
  pageNumber?: number;
  layout?: Layout;
  confidence?: number;
  source?: OcrPage['source'];
  nameLabel?: string;
  idLabel?: string;
  occupationLabel?: string;
  name?: string;
  id?: string;
  occupation?: string;
  levelText?: string;
  level?: number;
  year?: number;
  number?: string;
  dateText?: string;
  issuer?: string;
}

/** A landscape 职业技能等级证书: title, photo box (no text), fields, issuer and date under the seal. */
export function skillLevelCertificatePage(o: CertificateOptions = {}): OcrPage {
  const level = o.level ?? 3;
  const year = o.year ?? 2021;
  const number = o.number ?? buildSkillLevelCertificateNumber({ assessor: 'S', organisationCode: '000033010600', year, level, serial: 123 });
  const layout = o.layout ?? 'inline';
  return new PageBuilder({ pageNumber: o.pageNumber, width: 2339, height: 1654, confidence: o.confidence, source: o.source })
    .title('职业技能等级证书')
    .field(o.nameLabel ?? '姓名', o.name ?? person.name, layout, 700)
    .field(o.idLabel ?? '证件号码', o.id ?? person.id, layout, 700)
    .field(o.occupationLabel ?? '职业名称', o.occupation ?? '电工', layout, 700)
    .field('职业技能等级', o.levelText ?? '三级/高级工', layout, 700)
    .field('证书编号', number, layout, 700)
    .field('发证日期', o.dateText ?? `${year}年06月18日`, layout, 700)
    .gap(2)
    .line(o.issuer ?? '杭州市西湖区职业技能鉴定中心', 1500)
    .build();
}

/** A 职业资格证书 booklet: two pages side by side on one scan, holder details left, certificate details right. */
export function qualificationBookletPage(o: CertificateOptions = {}): OcrPage {
  const level = o.level ?? 2;
  const year = o.year ?? 2015;
  const number = o.number ?? buildQualificationCertificateNumber({ year, authorityCode: '33010012', level, serial: 456 });
  const b = new PageBuilder({ pageNumber: o.pageNumber, width: 2400, height: 1700, confidence: o.confidence, source: o.source });
  // Left half, then right half, on the same rows.
  b.at(300, 120, '中华人民共和国', { height: 40 }).at(1500, 120, '职业资格证书', { height: 56 });
  const rows: Array<[string, string, string, string]> = [
    [o.nameLabel ?? '姓 名', o.name ?? person.name, '职业(工种)', o.occupation ?? '车工'],
    ['性 别', '男', '等 级', o.levelText ?? '技师'],
    ['出生日期', '1990年3月7日', '证书编号', number],
    [o.idLabel ?? '身份证号', o.id ?? person.id, '发证日期', o.dateText ?? `${year}年9月30日`],
    ['文化程度', '大专', '发证机关', o.issuer ?? '杭州市人力资源和社会保障局'],
  ];
  rows.forEach(([l1, v1, l2, v2], i) => {
    const y = 300 + i * 90;
    b.at(150, y, l1).at(420, y, v1).at(1300, y, l2).at(1600, y, v2);
  });
  b.at(1500, 800, '(盖章)');
  return b.build();
}

/** A portrait certificate of another kind with a title and inline fields. */
export function otherCertificatePage(title: string, o: CertificateOptions & { extra?: Array<[string, string]> } = {}): OcrPage {
  const b = new PageBuilder({ pageNumber: o.pageNumber, confidence: o.confidence, source: o.source }).title(title);
  b.field(o.nameLabel ?? '姓名', o.name ?? person.name, o.layout ?? 'inline');
  b.field(o.idLabel ?? '身份证号', o.id ?? person.id, o.layout ?? 'inline');
  for (const [label, value] of o.extra ?? []) b.field(label, value, o.layout ?? 'inline');
  b.field('证书编号', o.number ?? 'ZX2021330100088', o.layout ?? 'inline');
  b.field('发证日期', o.dateText ?? '2021.06.18', o.layout ?? 'inline');
  b.field('发证单位', o.issuer ?? '杭州市西湖区人力资源和社会保障局', o.layout ?? 'inline');
  return b.build();
}

export interface ContractOptions {
  firstPage?: number;
  confidence?: number;
  openEnded?: boolean;
  employer?: string;
  employee?: string;
  id?: string;
  code?: string;
  pageNumbers?: boolean;
}

/** A three-page labour contract: cover with parties, clauses (no title), signature page. */
export function laborContractPages(o: ContractOptions = {}): OcrPage[] {
  const first = o.firstPage ?? 1;
  const numbered = o.pageNumbers ?? true;
  const cover = new PageBuilder({ pageNumber: first, confidence: o.confidence })
    .title('劳动合同书')
    .line(`甲方（用人单位）：${o.employer ?? company.name}`)
    .line(`统一社会信用代码：${o.code ?? company.code}`)
    .line('住所：杭州市西湖区文三路 90 号')
    .line(`乙方（劳动者）：${o.employee ?? person.name}`)
    .line(`身份证号码：${o.id ?? person.id}`)
    .line('第一条 合同期限')
    .line(o.openEnded ? '☑ 无固定期限：自 2020 年 3 月 1 日起。' : '固定期限：自 2020 年 3 月 1 日起至 2023 年 2 月 28 日止。')
    .line('其中试用期自 2020 年 3 月 1 日起至 2020 年 5 月 31 日止。');
  if (numbered) cover.line('第 1 页 共 3 页', 760);
  const clauses = new PageBuilder({ pageNumber: first + 1, confidence: o.confidence })
    .line('第二条 工作内容和工作地点')
    .line('乙方同意根据甲方工作需要，担任电工岗位工作。')
    .line('第三条 劳动报酬')
    .line('甲方每月 15 日前以货币形式支付乙方工资。')
    .line('第四条 社会保险')
    .line('甲乙双方按国家和省市规定参加社会保险。');
  if (numbered) clauses.line('第 2 页 共 3 页', 760);
  const signature = new PageBuilder({ pageNumber: first + 2, confidence: o.confidence })
    .line('第九条 本合同一式两份，甲乙双方各执一份。')
    .gap(3)
    .row([
      [150, '甲方（盖章）'],
      [900, '乙方（签字）'],
    ])
    .row([
      [150, '法定代表人（签字）'],
      [900, o.employee ?? person.name],
    ])
    .line('签订日期：2020 年 2 月 26 日');
  if (numbered) signature.line('第 3 页 共 3 页', 760);
  return [cover.build(), clauses.build(), signature.build()];
}

export interface SocialInsuranceOptions {
  pageNumber?: number;
  confidence?: number;
  rows?: Array<[string, string, string, number]>;
  total?: number;
  /** How the total is labelled (`累计缴费月数` unless given). */
  totalLabel?: string;
  monthStyle?: (ym: string) => string;
}

/** A social-insurance payment record: header fields, a table of spans by employer (with a gap), a printed total. */
export function socialInsurancePage(o: SocialInsuranceOptions = {}): OcrPage {
  const style = o.monthStyle ?? ((ym: string) => ym.replace('-', '.'));
  const rows = o.rows ?? [
    ['杭州东方电子有限公司', '2015-03', '2017-06', 28],
    ['杭州西子智能科技有限公司', '2017-09', '2021-12', 52],
  ];
  const b = new PageBuilder({ pageNumber: o.pageNumber, confidence: o.confidence })
    .title('杭州市社会保险参保缴费证明')
    .row([
      [150, `姓名：${person.name}`],
      [800, `公民身份号码：${person.id}`],
    ])
    .row([
      [150, '序号'],
      [260, '缴费单位'],
      [800, '起始年月'],
      [1050, '截止年月'],
      [1300, '缴费月数'],
    ]);
  rows.forEach(([employer, from, to, months], i) => {
    b.row([
      [150, String(i + 1)],
      [260, employer],
      [800, style(from)],
      [1050, style(to)],
      [1300, String(months)],
    ]);
  });
  b.line(`${o.totalLabel ?? '累计缴费月数'}：${o.total ?? rows.reduce((s, r) => s + r[3], 0)}个月`);
  return b.build();
}

/** A 营业执照 with the credit code at the top and labels spaced out the way licences print them. */
export function businessLicensePage(o: { pageNumber?: number; confidence?: number; code?: string } = {}): OcrPage {
  return new PageBuilder({ pageNumber: o.pageNumber, width: 2339, height: 1654, confidence: o.confidence })
    .line(`统一社会信用代码 ${o.code ?? company.code}`, 150)
    .title('营 业 执 照')
    .row([
      [300, '名 称'],
      [600, company.name],
    ])
    .row([
      [300, '类 型'],
      [600, '有限责任公司（自然人投资或控股）'],
    ])
    .row([
      [300, '法定代表人'],
      [600, '李 建 国'],
    ])
    .row([
      [300, '注册资本'],
      [600, '伍佰万元整'],
    ])
    .row([
      [300, '成立日期'],
      [600, '2016年05月12日'],
    ])
    .row([
      [300, '住 所'],
      [600, '浙江省杭州市西湖区文三路90号'],
    ])
    .build();
}

/** A 聘书 in running text, signed by the employer. */
export function employmentLetterPage(o: { pageNumber?: number; confidence?: number } = {}): OcrPage {
  return new PageBuilder({ pageNumber: o.pageNumber, confidence: o.confidence })
    .title('聘 书')
    .line(`兹聘请 ${person.name} 同志为我公司高级技师，`)
    .line('聘期自2021年1月1日起至2023年12月31日止。')
    .line('特发此书。')
    .gap(2)
    .line(company.name, 900)
    .line('二〇二〇年十二月二十日', 900)
    .build();
}

/** A three-party internship agreement on one page. */
export function internshipAgreementPage(o: { pageNumber?: number; confidence?: number } = {}): OcrPage {
  return new PageBuilder({ pageNumber: o.pageNumber, confidence: o.confidence })
    .title('学生实习协议书')
    .line(`甲方（实习单位）：${company.name}`)
    .line('乙方（学校）：杭州市西湖职业技术学校')
    .line(`丙方（学生）：${person.name}`)
    .line(`身份证号：${person.id}`)
    .line('一、实习期限自2021年7月1日至2022年6月30日。')
    .build();
}

/** The front of a resident ID card. */
export function idCardPage(o: { pageNumber?: number; confidence?: number } = {}): OcrPage {
  return new PageBuilder({ pageNumber: o.pageNumber, width: 1000, height: 630, confidence: o.confidence, lineHeight: 28, top: 60 })
    .row([
      [60, '姓名'],
      [170, person.name],
    ])
    .row([
      [60, '性别'],
      [170, '男'],
      [330, '民族'],
      [440, '汉'],
    ])
    .row([
      [60, '出生'],
      [170, '1990年3月7日'],
    ])
    .row([
      [60, '住址'],
      [170, '浙江省杭州市西湖区文三路'],
    ])
    .line('90号3幢201室', 170)
    .row([
      [60, '公民身份号码'],
      [400, person.id],
    ])
    .build();
}
