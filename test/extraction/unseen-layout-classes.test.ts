import { describe, expect, it } from 'vitest';
import { buildPageLayout, buildSkillLevelCertificateNumber, extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person, residentId } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Classes of layout issue 12 names (labels above values, leaders, off-baseline fill-in, rarer wording, 兹证明
// sentences, one-page contract forms, watermarks), each on constructed OCR lines: no eval file is read here.

const TODAY = '2026-11-27';
const readOne = (page: OcrPage) => extractDocuments([page], { today: TODAY })[0];
const NUMBER = buildSkillLevelCertificateNumber({ assessor: 'S', organisationCode: '000033010600', year: 2021, level: 3, serial: 123 });
const ISSUER = '杭州市西湖区职业技能鉴定中心';

function certificate(): PageBuilder {
  return new PageBuilder({ width: 1654, height: 2339 }).title('职业技能等级证书');
}

describe('labels above their values', () => {
  it('reads every certificate field from the line under its label, two label columns side by side', () => {
    const b = certificate();
    const rows: Array<[string, string, string, string]> = [
      ['姓名', person.name, '证件号码', person.id],
      ['职业名称', '电工', '职业技能等级', '三级/高级工'],
      ['证书编号', NUMBER, '发证日期', '2021年06月18日'],
    ];
    for (const [l1, v1, l2, v2] of rows) {
      b.row(
        [
          [200, l1],
          [900, l2],
        ],
        { height: 28 },
      );
      b.gap(-0.6);
      b.row([
        [200, v1],
        [900, v2],
      ]);
    }
    b.row([[200, '发证机构']], { height: 28 })
      .gap(-0.6)
      .row([[200, ISSUER]]);
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.level.value).toBe(3);
    expect(doc.fields.certificateNumber.value).toBe(NUMBER);
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
    expect(doc.fields.issuer.value).toBe(ISSUER);
  });

  it('reads each value under its own label when the row of labels was read as one box', () => {
    const b = certificate();
    b.row([[200, `姓名：${person.name}`]]);
    // The engine's box spans the whole row of labels, past where the second column's value starts.
    b.row([[200, '职业名称　　　　　　　　　　　　　职业技能等级']], { height: 28, width: 1000 }).gap(-0.6);
    b.row([
      [200, '电工'],
      [830, '三级/高级工'],
    ]);
    b.row([[200, '证书编号　　　　　　　　　　　　　发证日期']], { height: 28, width: 1000 }).gap(-0.6);
    b.row([
      [200, NUMBER],
      [830, '2021年06月18日'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.level.value).toBe(3);
    expect(doc.fields.certificateNumber.value).toBe(NUMBER);
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
  });

  it('reads a licence whose labels sit above values in two columns, the address wrapped under its label', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row(
      [
        [200, '统一社会信用代码'],
        [1200, '名称'],
      ],
      { height: 28 },
    ).gap(-0.6);
    b.row([
      [200, company.code],
      [1200, company.name],
    ]);
    b.row(
      [
        [200, '法定代表人'],
        [1200, '成立日期'],
      ],
      { height: 28 },
    ).gap(-0.6);
    b.row([
      [200, '李建国'],
      [1200, '2016年05月12日'],
    ]);
    b.row([[200, '住所']], { height: 28 }).gap(-0.6);
    b.row([[200, '浙江省杭州市西湖区三墩镇西园八路']])
      .gap(-0.7)
      .row([[200, '11号A座5楼503室']]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.creditCode.value).toBe(company.code);
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区三墩镇西园八路11号A座5楼503室');
  });
});

describe('leaders between label and value', () => {
  it('reads values after dots, ellipses and underscores in one box', () => {
    const doc = readOne(
      certificate()
        .line(`姓名……${person.name}`, 200)
        .line(`证件号码：____${person.id}____`, 200)
        .line('职业名称⋯⋯⋯⋯电工', 200)
        .line('职业技能等级··········三级/高级工', 200)
        .line(`证书编号.............${NUMBER}`, 200)
        .line('发证日期＿＿2021年06月18日＿＿', 200)
        .line(`发证机构————${ISSUER}`, 200)
        .build(),
    );
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.level.value).toBe(3);
    expect(doc.fields.certificateNumber.value).toBe(NUMBER);
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
    expect(doc.fields.issuer.value).toBe(ISSUER);
  });

  it('looks past a leader read as a box of its own between label and value', () => {
    const b = certificate();
    b.row([
      [200, '姓名'],
      [300, '…………………'],
      [700, person.name],
    ]);
    b.row([
      [200, '职业名称'],
      [360, '________'],
      [700, '电工'],
    ]);
    b.row([
      [200, '发证日期'],
      [360, '. . . . . . . .'],
      [700, '2021年06月18日'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
  });
});

describe('values printed off their label’s baseline', () => {
  it('pairs each label with the value whose vertical band overlaps it most, not the row above or below', () => {
    const b = certificate();
    // Dot-matrix fill-in printed about half a line low on every row, rows close together.
    const rows: Array<[string, string]> = [
      ['姓名', person.name],
      ['证件号码', person.id],
      ['职业名称', '电工'],
      ['发证日期', '2021年06月18日'],
    ];
    rows.forEach(([label, value], i) => {
      const y = 400 + i * 56;
      b.at(200, y, label, { height: 30 }).at(520, y + 16, value, { height: 30 });
    });
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
  });

  it('pairs a value printed most of a line low with the nearer label, flagged as an uncertain pairing', () => {
    const b = certificate();
    const rows: Array<[string, string]> = [
      ['姓名', person.name],
      ['职业名称', '电工'],
      ['发证日期', '2021年06月18日'],
    ];
    // Only the first value is low (a consistent offset on every row would read as a page turned a little).
    rows.forEach(([label, value], i) => {
      const y = 400 + i * 56;
      b.at(200, y, label, { height: 30 }).at(520, y + (i === 0 ? 24 : 0), value, { height: 30 });
    });
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.holderName.needsReview).toBe(true);
    expect(doc.fields.occupation.value).toBe('电工');
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
  });

  it('pairs values printed above their labels’ baselines', () => {
    const b = certificate();
    const rows: Array<[string, string]> = [
      ['姓名', person.name],
      ['证件号码', person.id],
      ['职业名称', '电工'],
    ];
    rows.forEach(([label, value], i) => {
      const y = 400 + i * 60;
      b.at(200, y, label, { height: 30 }).at(520, y - 17, value, { height: 30 });
    });
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
    expect(doc.fields.occupation.value).toBe('电工');
  });
});

describe('rarer label wording', () => {
  it('reads a licence labelled 企业名称, 主体类型, 经营期限 and 单位地址', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row([
      [200, '统一社会信用代码'],
      [600, company.code],
    ]);
    b.row([
      [200, '企业名称'],
      [600, company.name],
    ]);
    b.row([
      [200, '主体类型'],
      [600, '有限责任公司(自然人投资或控股)'],
    ]);
    b.row([
      [200, '法定代表人'],
      [600, '李建国'],
    ]);
    b.row([
      [200, '经营期限'],
      [600, '2016年05月12日至长期'],
    ]);
    b.row([
      [200, '成立日期'],
      [600, '2016年05月12日'],
    ]);
    b.row([
      [200, '住所'],
      [600, '浙江省杭州市西湖区文三路90号'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });

  it('reads a licence labelled 单位名称 and 类型 with 营业期限 beside the date', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row([[200, `统一社会信用代码 ${company.code}`]]);
    b.row([
      [200, '单位名称'],
      [600, company.name],
    ]);
    b.row([
      [200, '类型'],
      [600, '有限责任公司'],
    ]);
    b.row([
      [200, '成立日期'],
      [600, '2016年05月12日'],
      [1300, '营业期限'],
      [1600, '2016年05月12日至2036年05月11日'],
    ]);
    b.row([
      [200, '法定代表人'],
      [600, '李建国'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
  });

  it('reads a record’s ID under 社会保障号码, 社保号 or 个人编号', () => {
    for (const label of ['社会保障号码', '社保号', '个人编号']) {
      const b = new PageBuilder().title('社会保险参保缴费证明');
      b.row([
        [150, `姓名：${person.name}`],
        [800, `${label}：${person.id}`],
      ]);
      b.row([
        [150, '缴费单位'],
        [800, '起始年月'],
        [1050, '截止年月'],
        [1300, '缴费月数'],
      ]);
      b.row([
        [150, '杭州东方电子有限公司'],
        [800, '2015.03'],
        [1050, '2017.06'],
        [1300, '28'],
      ]);
      b.line('累计缴费月数：28个月');
      const doc = readOne(b.build());
      expect(doc.type).toBe('social_insurance_record');
      expect(doc.fields.idNumber.value, label).toBe(person.id);
    }
  });

  it('reads a certificate number under 证件编号 or a bare 编号', () => {
    for (const label of ['证件编号', '编号']) {
      const doc = readOne(certificate().line(`姓名：${person.name}`, 200).line(`${label}：${NUMBER}`, 200).line('发证日期：2021年06月18日', 200).build());
      expect(doc.fields.certificateNumber.value, label).toBe(NUMBER);
    }
  });
});

describe('兹证明 sentences', () => {
  it('reads the holder named in `兹证明 X 同志` with the sentence running on', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('培训合格证书');
    b.line(`兹证明 ${person.name} 同志（身份证号：${residentId()}）`, 300);
    b.line('于2021年3月1日至2021年4月30日参加养老护理员培训，', 300);
    b.line('经考核成绩合格，特发此证。', 300);
    b.line(ISSUER, 1300).line('2021年5月10日', 1300);
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(residentId());
  });

  it('reads a holder’s name set apart on a line of its own after 兹证明', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('培训合格证书');
    b.row([
      [300, '兹证明'],
      [520, person.name],
      [700, '同志'],
    ]);
    b.line('于2021年3月1日至2021年4月30日参加养老护理员培训，', 300);
    b.line('经考核成绩合格，特发此证。', 300);
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
  });
});

describe('short labels inside longer ones', () => {
  it('does not read 日期 inside an unknown longer label such as 理论考核日期 as the issue date', () => {
    const b = certificate();
    b.line(`姓名：${person.name}`, 200);
    b.line('理论考核日期：2021年04月30日', 200);
    b.line(`证书编号：${NUMBER}`, 200);
    b.line(ISSUER, 1000).line('2021年06月18日', 1000);
    const doc = readOne(b.build());
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
  });
});

describe('diagonal watermarks', () => {
  it('does not take a diagonal watermark across the value column as a value', () => {
    const b = certificate();
    b.at(200, 400, '姓名').at(520, 400, person.name);
    b.at(200, 460, '职业名称').at(720, 460, '电工');
    // A slanted site watermark across the rows, starting nearer the label than the value: the engine boxes it
    // tall and wide for its characters.
    b.at(430, 380, '人社局网上办事大厅', { height: 220, width: 300, confidence: 0.8 });
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.occupation.value).toBe('电工');
  });
});

describe('diagonal watermark lines', () => {
  it('drops text set on a slant across the page but keeps a large title', () => {
    const page = new PageBuilder()
      .title('杭州市社会保险参保缴费证明', { height: 60 })
      .line(`姓名：${person.name}`, 150)
      .line(`公民身份号码：${person.id}`, 150)
      .at(300, 200, '仅供杭州市西湖区人力社保局审核使用', { width: 600, height: 450 })
      .build();
    const texts = buildPageLayout(page).lines.map((l) => l.flat);
    expect(texts).toContain('杭州市社会保险参保缴费证明');
    expect(texts.some((t) => t.includes('审核使用'))).toBe(false);
  });
});

describe('spread labels in wide label columns', () => {
  it('joins two lone characters justified far apart across the label column', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('劳动合同');
    b.row(
      [
        [130, '甲'],
        [360, '方'],
        [440, company.name],
      ],
      { height: 46 },
    );
    b.row(
      [
        [130, '乙'],
        [360, '方'],
        [440, person.name],
        [800, '身份证号码'],
        [1120, person.id],
      ],
      { height: 46 },
    );
    b.line('合同期限：自2020年3月1日起至2023年2月28日止', 130);
    const doc = readOne(b.build());
    expect(doc.fields.employerName.value).toBe(company.name);
    expect(doc.fields.employeeName.value).toBe(person.name);
  });
});

describe('short values wrapped at the column edge', () => {
  it('reads a date whose last character wrapped onto the next line beside a label centred on it', () => {
    const b = certificate();
    b.line(`姓名：${person.name}`, 130);
    b.at(440, 788, '二〇二一年六月十', { height: 41 }).at(130, 810, '发证日期', { height: 47 }).at(436, 833, '八日', { height: 44 });
    const doc = readOne(b.build());
    expect(doc.fields.issueDate.value).toBe('2021-06-18');
  });
});

describe('rarer wording does not eat ordinary words', () => {
  it('joins an issuer wrapped onto 社会保障局 (no ID label is read in it)', () => {
    const b = new PageBuilder({ width: 2340, height: 1654 }).title('中华人民共和国职业资格证书');
    b.row(
      [
        [183, `姓名：${person.name}`],
        [1017, '技能等级：'],
        [1234, '五级'],
      ],
      { height: 48 },
    );
    b.row(
      [
        [186, '证书号：'],
        [406, '1933017966568121'],
        [1018, '发证单位：'],
        [1235, '杭州市人力资源和'],
      ],
      { height: 48 },
    );
    b.gap(-1.1).row([[1235, '社会保障局']], { height: 48 });
    const doc = readOne(b.build());
    expect(doc.fields.issuer.value).toBe('杭州市人力资源和社会保障局');
  });

  it('reads a licence with 市场主体名称, 法人代表, 成立时间 and 经营地址', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row([
      [200, '统一社会信用代码'],
      [600, company.code],
    ]);
    b.row([
      [200, '市场主体名称'],
      [600, company.name],
    ]);
    b.row([
      [200, '法人代表'],
      [600, '李建国'],
    ]);
    b.row([
      [200, '成立时间'],
      [600, '2016年05月12日'],
    ]);
    b.row([
      [200, '经营地址'],
      [600, '浙江省杭州市西湖区文三路90号'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });
});

describe('marks beside a wrapped value', () => {
  it('joins an issuer wrapped beside a lone (盖章) remark on the next row', () => {
    const b = certificate();
    b.row([[126, `姓名：${person.name}`]]);
    b.row([
      [126, '证书编号：'],
      [381, NUMBER],
      [843, '评价机构名称：'],
      [1098, '杭州市西湖区职业'],
    ]);
    b.gap(-0.4).row([
      [391, '（盖章）'],
      [1098, '技能培训学校'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.issuer.value).toBe('杭州市西湖区职业技能培训学校');
  });

  it('does not append the letters of a seal ring under an issuer', () => {
    const b = new PageBuilder({ width: 2339, height: 1653 }).title('职业技能等级证书');
    b.line(`姓名：${person.name}`, 157).line('发证日期：2021年10月21日', 157);
    b.at(1548, 1026, '发证机关：杭州市西湖区职业技能培训学校', { height: 35 });
    const ring: Array<[number, number, string]> = [
      [1515, 1090, '杭'],
      [1520, 1057, '州'],
      [1534, 1029, '市'],
      [1700, 993, '技'],
      [1724, 1011, '能'],
      [1744, 1036, '培'],
      [1759, 1066, '训'],
      [1767, 1099, '学'],
      [1764, 1129, '校'],
    ];
    for (const [x, y, ch] of ring) b.at(x, y, ch, { height: 36 });
    const doc = readOne(b.build());
    expect(doc.fields.issuer.value).toBe('杭州市西湖区职业技能培训学校');
  });

  it('keeps a check stamp that wrapped with the value out of it', () => {
    const b = certificate().line(`姓名：${person.name}`, 216);
    b.at(216, 433, '培训内容：', { height: 32, width: 104 }).at(342, 437, '家政服务员技能培训（已核', { height: 36 }).at(340, 467, '验）', { height: 28 });
    const doc = readOne(b.build());
    expect(doc.fields.occupation.value).toBe('家政服务员技能培训');
  });

  it('keeps a check stamp printed after a value out of it', () => {
    const doc = readOne(certificate().line(`姓名：${person.name}`, 200).line('职业名称：家政服务员(已核验)', 200).build());
    expect(doc.fields.occupation.value).toBe('家政服务员');
  });
});

describe('licence labels glued to their values', () => {
  it('reads 名称 and 负责人 at the start of a line with no gap before the value', () => {
    const doc = readOne(
      new PageBuilder({ width: 2340, height: 1654 })
        .line(`统一社会信用代码${company.code}(1-1)`, 197)
        .title('营业执照')
        .line(`名称${company.name}文三路分公司以下空白`, 111)
        .line('类型有限责任公司分公司(自然人投资或控股)', 111)
        .line('负责人刘俊', 111)
        .line('营业场所浙江省杭州市西湖区文三路258号3幢905室', 111)
        .build(),
    );
    expect(doc.fields.companyName.value).toBe(`${company.name}文三路分公司`);
    expect(doc.fields.legalRepresentative.value).toBe('刘俊');
  });
});
