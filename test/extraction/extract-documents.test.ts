import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { ExtractedDocument } from '../../shared/documents/index.js';
import { PageBuilder } from './support/page-builder.js';
import {
  businessLicensePage,
  company,
  employmentLetterPage,
  idCardPage,
  internshipAgreementPage,
  laborContractPages,
  otherCertificatePage,
  person,
  qualificationBookletPage,
  skillLevelCertificatePage,
  socialInsurancePage,
} from './support/documents.js';

const TODAY = '2026-11-27';
const read = (pages: Parameters<typeof extractDocuments>[0]) => extractDocuments(pages, { today: TODAY });
const values = (doc: ExtractedDocument) => Object.fromEntries(Object.entries(doc.fields).map(([k, f]) => [k, f.value]));
const unflagged = (doc: ExtractedDocument) => Object.values(doc.fields).every((f) => !f.needsReview);

describe('extractDocuments on vocational certificates', () => {
  it.each(['inline', 'right', 'below'] as const)('reads a skill-level certificate with values %s their labels', (layout) => {
    const [doc] = read([skillLevelCertificatePage({ layout })]);
    expect(doc.type).toBe('vocational_certificate');
    expect(values(doc)).toEqual({
      holderName: person.name,
      idNumber: person.id,
      occupation: '电工',
      level: 3,
      certificateKind: 'skill_level',
      certificateNumber: 'S000033010600213000123',
      issueDate: '2021-06-18',
      issuer: '杭州市西湖区职业技能鉴定中心',
    });
  });

  it.each([
    ['姓 名', '身份证号', '职业（工种）'],
    ['持证人', '公民身份号码', '工种/职业方向'],
    ['姓名', '证件号码', '职业名称'],
  ])('accepts the label variants %s / %s / %s', (nameLabel, idLabel, occupationLabel) => {
    const [doc] = read([skillLevelCertificatePage({ nameLabel, idLabel, occupationLabel, occupation: '中式烹调师' })]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
    expect(doc.fields.occupation.value).toBe('中式烹调师');
  });

  it('reads the holder and the certificate halves of a two-page qualification booklet', () => {
    const [doc] = read([qualificationBookletPage()]);
    expect(values(doc)).toMatchObject({
      holderName: person.name,
      idNumber: person.id,
      occupation: '车工',
      level: 2,
      certificateKind: 'qualification',
      certificateNumber: '1533010012200456',
      issueDate: '2015-09-30',
      issuer: '杭州市人力资源和社会保障局',
    });
    expect(unflagged(doc)).toBe(true);
  });

  it.each([
    ['国家职业资格一级', 1, 1],
    ['高级技师', 1, 1],
    ['四级/中级工', 4, 4],
    ['五级', 5, 5],
  ])('normalises the level %s to %s and checks it against the number', (levelText, level, expected) => {
    const [doc] = read([skillLevelCertificatePage({ levelText, level })]);
    expect(doc.fields.level.value).toBe(expected);
    expect(doc.fields.level.needsReview).toBe(false);
  });

  it('flags level and number when the printed level contradicts the level digit of the number', () => {
    const [doc] = read([skillLevelCertificatePage({ levelText: '二级/技师', level: 3 })]);
    expect(doc.fields.level.issues).toContain('level_mismatch_certificate_number');
    expect(doc.fields.level.needsReview).toBe(true);
    expect(doc.fields.certificateNumber.needsReview).toBe(true);
  });

  it('flags the issue date when its year contradicts the year digits of the number', () => {
    const [doc] = read([skillLevelCertificatePage({ dateText: '2020年06月18日', year: 2021 })]);
    expect(doc.fields.issueDate.issues).toContain('issue_year_mismatch_certificate_number');
    expect(doc.fields.issueDate.needsReview).toBe(true);
  });

  it('flags an issue date after today with `issue_date_in_future`', () => {
    const [doc] = read([skillLevelCertificatePage({ dateText: '2027年01月05日', year: 2027 })]);
    expect(doc.fields.issueDate.issues).toContain('issue_date_in_future');
    expect(doc.fields.issueDate.needsReview).toBe(true);
  });

  it('reads each date form of the issue date', () => {
    for (const dateText of ['二〇二一年六月十八日', '2021.06.18', '2021-06-18', '2021/6/18', '2021年6月18日']) {
      const [doc] = read([skillLevelCertificatePage({ dateText })]);
      expect(doc.fields.issueDate.value).toBe('2021-06-18');
    }
  });

  it.each([
    ['专项能力证书', 'special_ability', [['专项能力名称', '家庭照护']], '家庭照护'],
    [
      '特种作业操作证',
      'special_operation',
      [
        ['作业类别', '电工作业'],
        ['准操项目', '低压电工作业'],
      ],
      '低压电工作业',
    ],
    ['培训合格证书', 'training_completion', [['培训项目', '企业新型学徒制（电工）']], '企业新型学徒制(电工)'],
  ] as const)('reads a %s as kind %s with its occupation and no level', (title, kind, extra, occupation) => {
    const [doc] = read([otherCertificatePage(title, { extra: extra.map(([l, v]) => [l, v]) })]);
    expect(doc.fields.certificateKind.value).toBe(kind);
    expect(doc.fields.occupation.value).toBe(occupation);
    expect(doc.fields.level).toMatchObject({ value: null, needsReview: false });
    expect(doc.fields.certificateNumber.value).toBe('ZX2021330100088');
  });

  it.each([
    ['中华人民共和国特种作业操', `T${person.id}`, [['准操项目', '登高架设作业']], 'special_operation'],
    ['中华人民共和国特种作业操', `T${person.id}`, [], 'special_operation'],
    ['证书', 'ZX2021330100088', [], 'special_ability'],
    ['证书', '2021330100088', [['作业类别', '高处作业']], 'special_operation'],
  ] as const)('takes the kind of a certificate whose title %s was cut from its number %s or its own labels, for review', (title, number, extra, kind) => {
    const [doc] = read([otherCertificatePage(title, { number, extra: extra.map(([l, v]) => [l, v]) })]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.certificateKind).toMatchObject({ value: kind, needsReview: true });
  });

  it('leaves the kind unread when the number and the labels name no one kind', () => {
    const [doc] = read([
      otherCertificatePage('证书', {
        number: '2021330100088',
        extra: [
          ['作业类别', '高处作业'],
          ['专项能力名称', '家庭照护'],
        ],
      }),
    ]);
    expect(doc.fields.certificateKind.value).toBeNull();
  });

  it('corrects an O read for 0 in the ID number, records the correction and keeps the field confident', () => {
    const misread = person.id.slice(0, 6) + 'I99O' + person.id.slice(10);
    const [doc] = read([skillLevelCertificatePage({ id: misread })]);
    expect(doc.fields.idNumber).toMatchObject({
      value: person.id,
      needsReview: false,
      correction: { from: misread, reason: 'ocr_lookalike_fixed_checksum_passed' },
    });
  });

  it('flags an ID number whose check character fails', () => {
    const wrong = person.id.slice(0, 17) + (person.id[17] === '1' ? '2' : '1');
    const [doc] = read([skillLevelCertificatePage({ id: wrong })]);
    expect(doc.fields.idNumber).toMatchObject({ value: wrong, needsReview: true, issues: ['id_checksum_failed'] });
  });

  it('reads a page whose lines the OCR engine already turned upright (rotation 90)', () => {
    const page = { ...skillLevelCertificatePage(), rotation: 90 as const };
    const [doc] = read([page]);
    expect(doc.fields.holderName.value).toBe(person.name);
  });

  it('keeps the box and raw text of the line each value came from', () => {
    const [doc] = read([skillLevelCertificatePage()]);
    expect(doc.fields.holderName.source).toMatchObject({ page: 1, raw: `姓名：${person.name}` });
    expect(doc.fields.holderName.source?.box?.width).toBeGreaterThan(0);
  });
});

describe('extractDocuments on other document types', () => {
  it('reads a three-page labour contract as one document with its parties, term and signing date', () => {
    const docs = read(laborContractPages());
    expect(docs).toHaveLength(1);
    expect(docs[0].pages).toEqual([1, 2, 3]);
    expect(values(docs[0])).toEqual({
      employerName: company.name,
      employerCreditCode: company.code,
      employeeName: person.name,
      employeeIdNumber: person.id,
      startDate: '2020-03-01',
      endDate: '2023-02-28',
      signedDate: '2020-02-26',
    });
    expect(unflagged(docs[0])).toBe(true);
  });

  it('gives an open-ended contract (无固定期限) a null end date that needs no review', () => {
    const [doc] = read(laborContractPages({ openEnded: true }));
    expect(doc.fields.endDate).toMatchObject({ value: null, needsReview: false });
    expect(doc.fields.startDate.value).toBe('2020-03-01');
  });

  it('ties unnumbered continuation pages to the contract by clause numbers and the signature block', () => {
    const docs = read(laborContractPages({ pageNumbers: false }));
    expect(docs.map((d) => d.pages)).toEqual([[1, 2, 3]]);
  });

  it('reads a social-insurance record: spans by employer with a gap, total months, period and latest employer', () => {
    const [doc] = read([socialInsurancePage()]);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.spans).toEqual([
      { employerName: '杭州东方电子有限公司', from: '2015-03', to: '2017-06', months: 28 },
      { employerName: company.name, from: '2017-09', to: '2021-12', months: 52 },
    ]);
    expect(values(doc)).toEqual({
      personName: person.name,
      idNumber: person.id,
      employerName: company.name,
      monthsPaid: 80,
      periodStart: '2015-03',
      periodEnd: '2021-12',
    });
  });

  it.each([
    ['compact', (ym: string) => ym.replace('-', '')],
    ['chinese', (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5))}月`],
  ] as const)('reads %s month cells in the span table', (_name, monthStyle) => {
    const [doc] = read([socialInsurancePage({ monthStyle })]);
    expect(doc.fields.periodStart.value).toBe('2015-03');
    expect(doc.fields.monthsPaid.value).toBe(80);
  });

  it('flags months paid when the printed total disagrees with the rows', () => {
    const [doc] = read([socialInsurancePage({ total: 90 })]);
    expect(doc.fields.monthsPaid.issues).toContain('total_months_mismatch_spans');
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
  });

  it('reads a business licence with letter-spaced labels and the credit code above the title', () => {
    const [doc] = read([businessLicensePage()]);
    expect(values(doc)).toEqual({
      companyName: company.name,
      creditCode: company.code,
      address: '浙江省杭州市西湖区文三路90号',
      establishedDate: '2016-05-12',
      legalRepresentative: '李建国',
    });
  });

  it('reads a letter of engagement written as a sentence, with the employer from the signature', () => {
    const [doc] = read([employmentLetterPage()]);
    expect(values(doc)).toEqual({
      employerName: company.name,
      employeeName: person.name,
      title: '高级技师',
      startDate: '2021-01-01',
      endDate: '2023-12-31',
      issueDate: '2020-12-20',
    });
  });

  it('reads an internship agreement by what each party is (enterprise, school, student)', () => {
    const [doc] = read([internshipAgreementPage()]);
    expect(values(doc)).toEqual({
      enterpriseName: company.name,
      studentName: person.name,
      studentIdNumber: person.id,
      schoolName: '杭州市西湖职业技术学校',
      startDate: '2021-07-01',
      endDate: '2022-06-30',
    });
  });

  it('does not read a person out of a school named after its province (浙江经济职业技术学院 is not 浙江 + prose)', () => {
    const page = new PageBuilder()
      .title('学生实习协议书')
      .line(`实习单位：${company.name}`)
      .line('乙方（学生）姓名：唐梓强')
      .line('身份证号码：421002200203060192')
      .line('丙方（学校）：浙江经济职业技术学院')
      .line('第一条 实习期限自 2020-03-12 起至 2021-03-11 止。')
      .build();
    const [doc] = read([page]);
    expect(doc.fields.studentName).toMatchObject({ value: '唐梓强', needsReview: false });
    expect(doc.fields.schoolName?.value).toBe('浙江经济职业技术学院');
  });

  it('reads an ID card, joining the address over its wrapped lines and checking the birth date against the number', () => {
    const [doc] = read([idCardPage()]);
    expect(doc.type).toBe('id_card');
    expect(values(doc)).toEqual({
      name: person.name,
      idNumber: person.id,
      address: '浙江省杭州市西湖区文三路90号3幢201室',
      birthDate: '1990-03-07',
    });
  });

  it('calls a page with nothing it knows `unknown` and reads no fields', () => {
    const page = new PageBuilder().line('会议纪要').line('今天讨论了下一季度的工作安排。').build();
    const [doc] = read([page]);
    expect(doc).toMatchObject({ type: 'unknown', pages: [1], fields: {} });
  });
});

describe('extractDocuments confidence', () => {
  it('flags a name read from a low-confidence line although it looks like a name (confident-wrong guard)', () => {
    const [doc] = read([skillLevelCertificatePage({ confidence: 0.93, name: '王晓朋' })]);
    expect(doc.fields.holderName.value).toBe('王晓朋');
    expect(doc.fields.holderName.needsReview).toBe(true);
    // The ID number still passes its checksum, so it stays confident.
    expect(doc.fields.idNumber.needsReview).toBe(false);
  });

  it('uses the review threshold given as an option', () => {
    const page = skillLevelCertificatePage({ confidence: 0.97 });
    expect(extractDocuments([page], { today: TODAY, reviewThreshold: 0.5 })[0].fields.holderName.needsReview).toBe(false);
    expect(extractDocuments([page], { today: TODAY, reviewThreshold: 0.99 })[0].fields.holderName.needsReview).toBe(true);
  });

  it('reports every field of the type, missing ones as null with `not_found` and needsReview', () => {
    const page = new PageBuilder().title('职业技能等级证书').line(`姓名：${person.name}`).build();
    const [doc] = read([page]);
    expect(Object.keys(doc.fields).sort()).toEqual(
      ['certificateKind', 'certificateNumber', 'holderName', 'idNumber', 'issueDate', 'issuer', 'level', 'occupation'].sort(),
    );
    expect(doc.fields.idNumber).toMatchObject({ value: null, needsReview: true, issues: ['not_found'] });
  });

  it('trusts a digital text layer fully where values are labelled', () => {
    const [doc] = read([skillLevelCertificatePage({ source: 'text_layer' })]);
    expect(unflagged(doc)).toBe(true);
    expect(doc.fields.holderName.confidence).toBeGreaterThan(0.97);
  });
});

describe('extractDocuments level without a label', () => {
  it('reads a level printed alone on a line but not the 技师 inside an issuer’s name', () => {
    const page = new PageBuilder({ width: 2339, height: 1654 })
      .title('职业资格证书')
      .line(`姓名：${person.name}`)
      .line('国家职业资格三级')
      .line('杭州第一技师学院', 1500)
      .build();
    expect(extractDocuments([page], { today: '2026-11-27' })[0].fields.level.value).toBe(3);
    const withoutLevel = new PageBuilder({ width: 2339, height: 1654 })
      .title('职业资格证书')
      .line(`姓名：${person.name}`)
      .line('杭州第一技师学院', 1500)
      .build();
    expect(extractDocuments([withoutLevel], { today: '2026-11-27' })[0].fields.level).toMatchObject({ value: null, needsReview: true });
  });
});
