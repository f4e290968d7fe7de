import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { pageSignals } from '../../shared/extraction/page-signals.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { modelContractPages, renumber } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-11-27' });
const shape = (pages: OcrPage[]) => read(pages).map((d) => [d.type, d.pages]);

/** A model contract numbered 一、二、… whose page numbers the scan lost: only the clause numbers join its pages. */
function listedContract(o: { listMark?: string; thirdPageFirst?: string } = {}): OcrPage[] {
  const mark = o.listMark ?? '、';
  const cover = new PageBuilder({ top: 500 })
    .line('编号：HT202174211', 1100)
    .title('劳动合同')
    .line('（无固定期限）', 700)
    .gap(4)
    .line('甲方（用人单位）：杭州西溪餐饮管理有限公司', 340)
    .line('乙方：梁婷君', 340)
    .gap(12)
    .line('杭州市人力资源和社会保障局监制', 620)
    .build();
  const clauses = new PageBuilder();
  clauses.line('甲方').line('统一社会信用代码：91330106F9TAFPM6PN').line('乙方').line('公民身份号码：330302197307299797');
  clauses.line('甲乙双方根据有关法律法规，遵循合法、公平、平等自愿、协商一致、诚实信用的原则，订立本合同。');
  clauses.line(`一${mark}劳动合同期限`).line('甲乙双方选择以下第二种形式确定本合同期限：无固定期限，自2021年9月4日起。');
  for (const [n, title] of [
    ['二', '工作内容和工作地点'],
    ['三', '工作时间和休息休假'],
    ['四', '劳动报酬'],
    ['五', '社会保险和福利待遇'],
    ['六', '劳动保护'],
    ['七', '劳动合同的变更、解除和终止'],
    ['八', '双方约定的其他事项'],
  ]) {
    clauses.line(`${n}${mark}${title}`).line('甲乙双方按国家和省、市有关规定执行。');
  }
  const last = new PageBuilder()
    .line(o.thirdPageFirst ?? `九${mark}违约责任`)
    .line('任何一方违反本合同约定，给对方造成经济损失的，应依法承担赔偿责任。')
    .line(`十${mark}其他`)
    .line('本合同未尽事宜，按国家和地方有关规定执行。')
    .line('（以下无正文）', 740)
    .build();
  const signature = new PageBuilder({ top: 870 })
    .line('甲方（盖章）：')
    .line('杭州西溪餐饮管理有限公司')
    .line('法定代表人或委托代理人（签字或盖章）：毛晓凯')
    .line('日期：2021年09月02日')
    .gap(6)
    .line('乙方（签字）：梁婷君')
    .line('日期：2021年09月02日')
    .build();
  return [cover, clauses.build(), last, signature];
}

describe('a contract whose clause numbers are the only sign its pages belong together', () => {
  it('keeps the pages together when the engine reads the clause mark 、 as 丶', () => {
    const docs = read(listedContract({ listMark: '丶' }));
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 2, 3, 4]]]);
    expect(docs[0].fields.signedDate).toMatchObject({ value: '2021-09-02', source: { page: 4 } });
    expect(docs[0].fields.employeeName.value).toBe('梁婷君');
  });

  it('keeps the pages together when the next page opens one clause past the next (the engine lost a clause number)', () => {
    expect(shape(listedContract({ thirdPageFirst: '任何一方违反约定的，应承担责任。' }))).toEqual([['labor_contract', [1, 2, 3, 4]]]);
  });
});

describe('parties a contract names on several pages', () => {
  const signaturePage = (employer: string, employee: string) =>
    new PageBuilder({ top: 900 })
      .line(employer)
      .line('法定代表人（签字）：毛晓凯')
      .line('日期：2020年2月26日')
      .gap(4)
      .line(employee)
      .line('日期：2020年2月26日')
      .build();

  it('flags the employee when the signature page (乙方签字：) names another person than the cover', () => {
    const pages = [...modelContractPages().slice(0, 5), signaturePage('甲方盖章：', '乙方签字：王晓敏')];
    const [doc] = read(pages);
    expect(doc.pages).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.fields.employeeName).toMatchObject({ value: '王晓明', needsReview: true });
    expect(doc.fields.employeeName.issues).toContain('party_names_conflict');
  });

  it('flags the employer when the signature page names another organisation than the cover', () => {
    const [doc] = read([...modelContractPages().slice(0, 5), signaturePage('甲方盖章：杭州东湖智能科技有限公司', '乙方签字：王晓明')]);
    expect(doc.fields.employerName.needsReview).toBe(true);
    expect(doc.fields.employeeName.needsReview).toBe(false);
  });

  it('flags neither party when every page names them alike', () => {
    const [doc] = read([...modelContractPages().slice(0, 5), signaturePage('甲方盖章：杭州西子智能科技有限公司', '乙方签字：王晓明')]);
    expect(doc.fields.employerName.needsReview).toBe(false);
    expect(doc.fields.employeeName.needsReview).toBe(false);
  });
});

describe('page numbers printed in other styles', () => {
  const printed = (text: string, y = 2220) =>
    pageSignals(
      buildPageLayout(new PageBuilder().line('第五条 劳动报酬').line('甲方每月15日前以货币形式支付乙方工资。').at(790, y, text, { height: 26 }).build()),
    ).printed;

  it.each([
    ['第二页 共五页', { index: 2, count: 5 }],
    ['共五页 第三页', { index: 3, count: 5 }],
    ['第 3 页', { index: 3 }],
    ['Page 4', { index: 4 }],
  ])('reads %s as a page number', (text, expected) => {
    expect(printed(text)).toMatchObject(expected);
  });

  it('reads 第 3 页 in the header margin as well', () => {
    expect(printed('第 3 页', 60)).toMatchObject({ index: 3 });
  });
});

describe('blank back sides a scanner app stamped', () => {
  it('leaves a blank back side that carries only the app mark (扫描全能王) out of every document', () => {
    const stamp = (page: OcrPage) => ({ ...page, lines: [...page.lines, ...new PageBuilder().at(1200, 2300, 'CS扫描全能王', { height: 24 }).build().lines] });
    const blank = () => stamp(new PageBuilder().at(1200, 2330, '3亿人都在用的扫描App', { height: 20 }).build());
    const pages = modelContractPages({ numbers: 'none', instructions: false }).flatMap((p) => [stamp(p), blank()]);
    expect(shape(pages)).toEqual([['labor_contract', [1, 3, 5, 7, 9]]]);
  });

  it('reads a bare page number at the foot beside the app mark', () => {
    const page = new PageBuilder()
      .line('第五条 劳动报酬')
      .line('甲方每月15日前以货币形式支付乙方工资。')
      .at(790, 2220, '3', { height: 26 })
      .at(1300, 2225, 'CS扫描全能王', { height: 24 })
      .build();
    expect(pageSignals(buildPageLayout(page)).printed).toMatchObject({ index: 3 });
  });
});

describe('an employer name wrapped in its cell and printed whole on another page', () => {
  const cover = () =>
    new PageBuilder()
      .title('劳动合同')
      .at(330, 400, '甲方（用人单位）')
      .at(656, 400, '杭州之江建筑工')
      .at(654, 436, '程有限公司')
      .at(330, 520, '乙方（员工）')
      .at(656, 520, '薛文颖')
      .at(330, 600, '合同期限：自 2019 年 6 月 9 日起至 2022 年 6 月 8 日止。')
      .build();

  it('takes the join as confirmed when the signature page prints the name whole', () => {
    const signature = new PageBuilder({ top: 900 })
      .line('甲方（盖章）：')
      .line('杭州之江建筑工程有限公司')
      .line('日期：2019年6月5日')
      .gap(4)
      .line('乙方（签字）：薛文颖')
      .build();
    const [doc] = read([cover(), signature]);
    expect(doc.pages).toEqual([1, 2]);
    expect(doc.fields.employerName).toMatchObject({ value: '杭州之江建筑工程有限公司', needsReview: false });
  });

  it('still flags the join when no page prints the name whole', () => {
    const signature = new PageBuilder({ top: 900 }).line('甲方（盖章）：').line('日期：2019年6月5日').gap(4).line('乙方（签字）：薛文颖').build();
    const [doc] = read([cover(), signature]);
    expect(doc.fields.employerName).toMatchObject({ value: '杭州之江建筑工程有限公司', needsReview: true });
  });
});

describe('an employer name whose cell is centred on its label row', () => {
  const page = (letterhead: boolean) => {
    const b = new PageBuilder().title('员工劳动合同');
    if (letterhead) b.at(593, 60, '杭州紫金电子商务股份有限公司');
    return b
      .at(538, 434, '杭州紫金电子商务股份', { height: 40 })
      .at(212, 460, '甲方 (用人单位)', { height: 40 })
      .at(537, 484, '有限公司', { height: 40 })
      .at(209, 654, '乙方姓名', { height: 40 })
      .at(534, 654, '谭芳子', { height: 40 })
      .at(186, 923, '第一条 劳动合同期限')
      .at(254, 992, '本合同期限自2019年3月9日起至2022年3月8日止。')
      .build();
  };

  it('joins the line above to an ending read beside the label (杭州紫金电子商务股份 / 有限公司)', () => {
    const [doc] = read([page(false)]);
    expect(doc.fields.employerName).toMatchObject({ value: '杭州紫金电子商务股份有限公司', needsReview: true });
    expect(doc.fields.employerName.issues).toContain('wrap_joined_inferred');
  });

  it('takes the join as confirmed when the letterhead prints the name whole', () => {
    expect(read([page(true)])[0].fields.employerName.value).toBe('杭州紫金电子商务股份有限公司');
    expect(read([page(true)])[0].fields.employerName.issues ?? []).not.toContain('wrap_joined_inferred');
  });
});

describe('a cover whose title the engine lost', () => {
  const untitledCover = (employee: string, number: string) =>
    new PageBuilder({ top: 500 })
      .line(`编号：${number}`, 500)
      .gap(2)
      .line('甲方（用人单位）：杭州西子智能科技有限公司', 400)
      .line(`乙方（劳动者）：${employee}`, 400)
      .gap(6)
      .line('杭州市人力资源和社会保障局监制', 500)
      .build();

  it('keeps the cover with the contract it opens', () => {
    const pages = [untitledCover('王晓明', 'XH2020-0317'), ...modelContractPages({ numbers: 'none', instructions: false }).slice(1)];
    expect(shape(pages)).toEqual([['labor_contract', [1, 2, 3, 4, 5]]]);
  });

  it('starts a second contract at such a cover', () => {
    const first = modelContractPages({ numbers: 'none', instructions: false });
    const second = [
      untitledCover('李娜', 'XH2021-0042'),
      ...modelContractPages({ numbers: 'none', instructions: false, employee: '李娜', contractNumber: 'XH2021-0042' }).slice(1),
    ];
    expect(shape([...first, ...second])).toEqual([
      ['labor_contract', [1, 2, 3, 4, 5]],
      ['labor_contract', [6, 7, 8, 9, 10]],
    ]);
  });
});

describe('an employer name split around its label row in a digital contract', () => {
  const page = (signed: boolean) => {
    const b = new PageBuilder()
      .title('员工劳动合同')
      .at(215, 461, '用人单位', { height: 32 })
      .at(529, 439, '杭州紫金建', { height: 32 })
      .at(529, 484, '筑工程有限公司', { height: 32 })
      .at(215, 649, '乙方姓名', { height: 32 })
      .at(529, 649, '蔡华', { height: 32 })
      .at(189, 800, '第一条 本合同期限自2020年6月1日起至2023年5月31日止。');
    if (signed) b.at(189, 1641, '甲方（盖章）：', { height: 32 }).at(189, 1703, '杭州紫金建筑工程有限公司', { height: 32 });
    return b.build();
  };

  it('joins 杭州紫金建 above the label to 筑工程有限公司 below it, confirmed by the signature', () => {
    expect(read([page(true)])[0].fields.employerName).toMatchObject({ value: '杭州紫金建筑工程有限公司', needsReview: false });
  });

  it('joins them but flags the join when no line prints the name whole', () => {
    expect(read([page(false)])[0].fields.employerName).toMatchObject({ value: '杭州紫金建筑工程有限公司', needsReview: true });
  });
});

describe('blank back sides between pages whose numbers were read only in part', () => {
  it('leaves a blank back out when the page before it lost its printed number', () => {
    const pages = modelContractPages({ numbers: 'bare', numberBodyOnly: true, instructions: false });
    // The engine did not read the number of the second clause page (page 3 of the contract).
    pages[2] = { ...pages[2], lines: pages[2].lines.filter((l) => !/^\d+$/.test(l.text)) };
    const docs = read(pages.flatMap((p) => [p, new PageBuilder().build()]));
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 3, 5, 7, 9]]]);
  });

  it('still keeps a blank page where the numbers on both sides of it leave a gap', () => {
    const pages = modelContractPages({ numbers: 'bare', numberBodyOnly: true, instructions: false });
    pages[2] = new PageBuilder().build();
    expect(shape(pages)).toEqual([['labor_contract', [1, 2, 3, 4, 5]]]);
  });
});
