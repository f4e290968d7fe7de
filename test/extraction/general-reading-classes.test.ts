import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import { isOverprintFragment } from '../../shared/extraction/page-layout.js';
import { readOrganisationName, readPersonName } from '../../shared/extraction/value-readers.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Failure classes found on procedural-v1's proc-H1 families (a development family from 2026-12-04), each pinned on
// constructed OCR lines with words of our own: no eval file is read here.

const TODAY = '2026-11-27';
const readOne = (page: OcrPage) => extractDocuments([page], { today: TODAY })[0];

function contractForm(): PageBuilder {
  return new PageBuilder({ width: 1654, height: 2339 }).title('劳动合同书');
}

describe('labels with a qualifier printed before them', () => {
  it('takes 有效证件号码 as one label, so its 有效 is never the value of the label beside it', () => {
    const b = contractForm();
    b.row(
      [
        [189, '单位名称：'],
        [850, '统一社会信用代码：'],
      ],
      { height: 30 },
    ).gap(-0.6);
    b.row([
      [189, company.name],
      [850, company.code],
    ]);
    b.row(
      [
        [189, '职工姓名：'],
        [850, '有效证件号码：'],
      ],
      { height: 30 },
    ).gap(-0.6);
    b.row([
      [189, person.name],
      [850, person.id],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.employeeName.value).toBe(person.name);
    expect(doc.fields.employeeIdNumber.value).toBe(person.id);
  });

  it('finds the label at the qualifier, where the label segment starts', () => {
    const line = buildPageLayout(
      contractForm()
        .row([
          [189, '有效证件号码：'],
          [850, person.id],
        ])
        .build(),
    ).lines.find((l) => l.text.includes('证件号码'))!;
    expect(line.hits[0]).toMatchObject({ form: '证件号码', start: 0 });
    expect(line.leading).toBe('');
  });

  it('keeps a name before a label as a value: a qualifier counts only where a label segment starts', () => {
    const line = buildPageLayout(
      contractForm()
        .row([[189, `姓名：${person.name}性别：男`]])
        .build(),
    ).lines.find((l) => l.text.includes('性别'))!;
    expect(line.hits.map((h) => h.inlineValue)).toEqual([person.name, '男']);
  });
});

describe('date labels printed without the 期 of 日期', () => {
  it('reads a contract term from 用工起始日 / 用工终止日 and the signing date from 签订日', () => {
    const b = contractForm();
    b.row([[189, `用人单位：${company.name}`]]);
    b.row([[189, `劳动者姓名：${person.name}`]]);
    b.row([
      [189, '用工起始日：'],
      [500, '2020年05月14日'],
      [850, '用工终止日：'],
      [1160, '2021年05月13日'],
    ]);
    b.row([
      [189, '签订日：'],
      [500, '2020年05月07日'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.startDate.value).toBe('2020-05-14');
    expect(doc.fields.endDate.value).toBe('2021-05-13');
    expect(doc.fields.signedDate.value).toBe('2020-05-07');
  });
});

describe('broken pieces of stamps and watermarks', () => {
  it.each(['局审核使用审核使用', '印无效复印印无效复印', '复印', '复印无', '申报使用', '与原件一', '仅供本次'])('knows %s for a piece of a stamp', (text) => {
    expect(isOverprintFragment(text)).toBe(true);
  });

  it.each([person.name, company.name, '浙江省杭州市西湖区文三路90号', '复印机维修工', '电工', '无效'.slice(0, 1)])('never takes %s for one', (text) => {
    expect(isOverprintFragment(text)).toBe(false);
  });

  it('never reads a watermark piece as the value under a label', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row([
      [200, '统一社会信用代码'],
      [600, company.code],
    ]);
    b.row([
      [200, '名称'],
      [600, '印无效复印印无效复印'],
    ]);
    b.row([
      [200, '法定代表人'],
      [600, '李建国'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName?.value ?? null).not.toBe('印无效复印印无效复印');
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
  });
});

describe('values at the far end of a leader row', () => {
  it('reads a value right-aligned at the far edge of a landscape page, three quarters of the width from its label', () => {
    const b = new PageBuilder({ width: 2339, height: 1653 }).title('职业技能等级证书');
    b.row(
      [
        [126, '职 业 名 称'],
        [1988, '互联网营销师'],
      ],
      { height: 38 },
    );
    b.row(
      [
        [126, '认 定 等 级'],
        [1777, '四级（中级工）'],
      ],
      { height: 38 },
    );
    const doc = readOne(b.build());
    expect(doc.fields.occupation.value).toBe('互联网营销师');
  });

  it('takes the nearest line of the row, never one past it', () => {
    const b = new PageBuilder({ width: 2339, height: 1653 }).title('职业技能等级证书');
    b.row(
      [
        [126, '职业名称'],
        [700, '电工'],
        [1300, '职业技能等级'],
        [1900, '三级'],
      ],
      { height: 38 },
    );
    const doc = readOne(b.build());
    expect(doc.fields.occupation.value).toBe('电工');
  });
});

describe('scope labels of pre-2016 licences', () => {
  it('ends a wrapped address at 许可经营项目 / 经营项目', () => {
    const b = new PageBuilder({ width: 2339, height: 1653 }).title('营业执照');
    b.row([
      [110, '注册号'],
      [400, '330106600012831'],
    ]);
    b.row([
      [110, '名称'],
      [400, company.name],
    ]);
    b.row([[110, '经营场所:']], { height: 29 }).gap(-0.7);
    b.row([[110, '浙江省杭州市西湖区西溪街道天目山路100号']]).gap(-0.5);
    b.row([[110, '华星时代广场5幢16层2605室']]);
    b.row([[110, '经营项目:']], { height: 29 }).gap(-0.7);
    b.row([[110, '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让']]);
    const doc = readOne(b.build());
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区西溪街道天目山路100号华星时代广场5幢16层2605室');
  });
});

describe('specks read as letters', () => {
  it('never reads a doubtful one-to-three-letter speck as a value beside a label', () => {
    const b = new PageBuilder({ width: 2339, height: 1653 }).title('营业执照');
    b.row([
      [110, '名称'],
      [400, company.name],
    ]);
    b.row(
      [
        [110, '经营者:'],
        [600, 'KL'],
      ],
      { confidence: 0.51 },
    );
    const layout = buildPageLayout(b.build());
    expect(layout.lines.some((l) => l.text === 'KL')).toBe(false);
  });
});

describe('values wrapped right-aligned or centred', () => {
  it('joins the short last line of a company name right-aligned under its first lines at the page edge', () => {
    const b = new PageBuilder({ width: 2340, height: 1654 }).title('营业执照');
    b.row([
      [146, '注册号'],
      [286, '330106600012831'],
    ]);
    b.at(161, 431, '企业名称：', { height: 54 })
      .at(1952, 435, '杭州市西湖区', { height: 47, width: 222 })
      .at(1954, 484, '博远物流服务', { height: 44, width: 219 })
      .at(2128, 528, '部', { height: 54, width: 53 });
    b.at(151, 613, '类型', { height: 45 }).at(1991, 613, '个体工商户', { height: 45 });
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe('杭州市西湖区博远物流服务部');
  });

  it('joins a line centred under the line above in a wide cell', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('营业执照');
    b.row([
      [110, '统一社会信用代码'],
      [600, company.code],
    ]);
    b.at(110, 400, '名称', { height: 32 })
      .at(700, 380, '杭州紫金电子商', { height: 32 })
      .at(700, 420, '务供应链服务有', { height: 32 })
      .at(764, 460, '限公司', { height: 32 });
    b.at(110, 560, '类型', { height: 32 }).at(600, 560, '有限责任公司', { height: 32 });
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe('杭州紫金电子商务供应链服务有限公司');
  });
});

describe('label pieces where a name was looked for', () => {
  it.each(['社保', '姓名', '持证'])('reads no person in %s', (text) => {
    expect(readPersonName(text)).toBeNull();
  });

  it('still reads a name', () => {
    expect(readPersonName(person.name)?.value).toBe(person.name);
  });
});

describe('organisation names joined with the text beside them', () => {
  it('keeps a whole company name and leaves the company form joined after it, flagged', () => {
    const read = readOrganisationName('浙江启航餐饮管理健康服务有限公司有限责任公司(自然人投资或控股)');
    expect(read?.value).toBe('浙江启航餐饮管理健康服务有限公司');
    expect(read?.issues).toContain('organisation_name_boundary_inferred');
  });

  it('keeps a branch name whole (分公司 is part of it)', () => {
    expect(readOrganisationName('杭州钱塘餐饮管理人力资源服务股份有限公司杭州西湖区分公司')?.value).toBe(
      '杭州钱塘餐饮管理人力资源服务股份有限公司杭州西湖区分公司',
    );
  });

  it('drops a label glued before a name that starts with its place, flagged', () => {
    const read = readOrganisationName('名称杭州紫金科技股份有限公司');
    expect(read?.value).toBe('杭州紫金科技股份有限公司');
    expect(read?.issues).toContain('label_before_value_inferred');
  });

  it('flags a company form joined to a licence name through the wrap search', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('营业执照');
    b.row([
      [110, '统一社会信用代码'],
      [600, company.code],
    ]);
    b.row([
      [110, '名称'],
      [600, '浙江启航餐饮管理健康服务有限公司'],
    ]).gap(-0.7);
    b.row([[600, '有限责任公司']]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value === '浙江启航餐饮管理健康服务有限公司' || doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.companyName.value).not.toBe('浙江启航餐饮管理健康服务有限公司有限责任公司');
  });
});

describe('training certificates', () => {
  it('ends the training project at 培训时间 printed after it on its line', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('培训合格证书');
    b.line(`姓名：${person.name}`, 150);
    b.line('培训项目：养老护理员岗前培训 培训时间：2021年03月01日至2021年03月20日', 150);
    b.line('证书编号：PX202047756242', 150);
    const doc = readOne(b.build());
    expect(doc.fields.occupation.value).toBe('养老护理员岗前培训');
  });
});
