import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { employmentLetterPage, laborContractPages, person, skillLevelCertificatePage, company } from './support/documents.js';
import { blankPage, modelContractPages, renumber, type PageNumberStyle } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-11-27' });
const shape = (pages: OcrPage[]) => read(pages).map((d) => [d.type, d.pages]);

describe('document boundaries of a model contract', () => {
  it('reads a six-page model contract (cover, instructions, three clause pages, signature page) as one document', () => {
    expect(shape(modelContractPages())).toEqual([['labor_contract', [1, 2, 3, 4, 5, 6]]]);
  });

  it.each<PageNumberStyle>(['of', 'dash', 'hyphen', 'bare', 'slash', 'none'])('keeps the pages together with page numbers styled %s', (numbers) => {
    expect(shape(modelContractPages({ numbers }))).toEqual([['labor_contract', [1, 2, 3, 4, 5, 6]]]);
    expect(shape(modelContractPages({ numbers, numberBodyOnly: true }))).toEqual([['labor_contract', [1, 2, 3, 4, 5, 6]]]);
  });

  it('draws fields from every page, each with the page it came from', () => {
    const [doc] = read(modelContractPages());
    expect(doc.fields.employeeName).toMatchObject({ value: person.name, needsReview: false });
    expect([1, 6]).toContain(doc.fields.employeeName.source?.page);
    expect(doc.fields.employerName.value).toBe(company.name);
    expect(doc.fields.startDate).toMatchObject({ value: '2020-03-01', source: { page: 3 } });
    expect(doc.fields.endDate).toMatchObject({ value: '2023-02-28', source: { page: 3 } });
    expect(doc.fields.signedDate).toMatchObject({ value: '2020-02-26', source: { page: 6 } });
  });

  it('leaves blank back sides of a duplex scan out of the document and splits nothing at them', () => {
    const pages = modelContractPages({ numbers: 'none' }).flatMap((p, i) => (i % 2 === 0 ? [p, blankPage()] : [p, blankPage('·')]));
    const docs = read(pages);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 3, 5, 7, 9, 11]]]);
    expect(docs[0].fields.signedDate.value).toBe('2020-02-26');
  });

  it('keeps the change and renewal record that ends a model contract with it, past a blank back side', () => {
    // The record page carries the contract's title words and both parties' cells (甲方 盖章, 乙方 签字): no cover of a
    // new contract, no document of its own.
    const changeRecord = () =>
      new PageBuilder()
        .title('劳动合同变更、续订记录')
        .row([
          [150, '变更（续订）内容'],
          [900, '变更（续订）日期'],
        ])
        .row([
          [150, '甲方 (盖章)'],
          [900, '乙方 (签字)'],
        ])
        .build();
    const pages = modelContractPages({ numbers: 'none', instructions: false }).flatMap((p) => [p, blankPage()]);
    const docs = read([...pages, changeRecord()]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 3, 5, 7, 9, 11]]]);
    expect(docs[0].fields.signedDate.value).toBe('2020-02-26');
    // A record page on its own is still read as what it is, not dropped.
    expect(shape([changeRecord()])).toEqual([['labor_contract', [1]]]);
  });

  it('keeps a blank page where the printed numbering shows a page the scan lost', () => {
    const pages = modelContractPages({ numbers: 'of' });
    pages[3] = blankPage();
    expect(shape(pages)).toEqual([['labor_contract', [1, 2, 3, 4, 5, 6]]]);
  });

  it('keeps a signature page that carries the contract title with the contract', () => {
    const pages = modelContractPages({ numbers: 'none' });
    const titledSignature = new PageBuilder()
      .title('劳动合同（签署页）')
      .row([
        [150, '甲方（盖章）'],
        [900, '乙方（签字）'],
      ])
      .row([
        [150, '2020 年 2 月 26 日'],
        [900, '2020 年 2 月 26 日'],
      ])
      .build();
    pages[5] = titledSignature;
    expect(shape(pages)).toEqual([['labor_contract', [1, 2, 3, 4, 5, 6]]]);
  });

  it('joins clause pages by clause numbers that follow and by the same contract number', () => {
    const pages = modelContractPages({ numbers: 'none', contractNumber: 'XH2020-0317', instructions: false });
    expect(shape(pages)).toEqual([['labor_contract', [1, 2, 3, 4, 5]]]);
  });

  it('starts a second contract where the clauses and page numbers restart', () => {
    const a = modelContractPages({ instructions: false });
    const b = modelContractPages({ instructions: false, employee: '李娜', contractNumber: 'XH2021-0042' });
    expect(shape([...a, ...b])).toEqual([
      ['labor_contract', [1, 2, 3, 4, 5]],
      ['labor_contract', [6, 7, 8, 9, 10]],
    ]);
  });

  it('keeps the pages together and flags the boundary when strong evidence points both ways', () => {
    // The third page restarts its clauses at 第一条 but its printed number follows the second page's.
    const pages = laborContractPages();
    const odd = new PageBuilder().line('第一条 补充约定').line('甲乙双方另行约定加班费按国家规定支付。').at(790, 2220, '— 3 —').build();
    const docs = read([pages[0], pages[1], odd, pages[2]]);
    expect(docs).toHaveLength(1);
    expect(docs[0].pages).toEqual([1, 2, 3, 4]);
    expect(docs[0].issues).toContain('document_boundary_inconsistent');
    expect(docs[0].fields.employeeName.needsReview).toBe(true);
    expect(docs[0].fields.employeeName.issues).toContain('document_boundary_inconsistent');
  });

  it('gives an agreed boundary no document issue', () => {
    expect(read(modelContractPages())[0].issues).toBeUndefined();
  });
});

describe('document boundaries of a packet', () => {
  it('keeps a certificate, a contract and a 聘书 of one person in one file as three documents', () => {
    const pages = [skillLevelCertificatePage(), ...modelContractPages(), employmentLetterPage()];
    expect(shape(pages)).toEqual([
      ['vocational_certificate', [1]],
      ['labor_contract', [2, 3, 4, 5, 6, 7]],
      ['employment_letter', [8]],
    ]);
  });

  it('keeps three certificates in one scan as three documents, with blank backs between them', () => {
    const pages = [
      skillLevelCertificatePage(),
      blankPage(),
      skillLevelCertificatePage({ name: '李娜' }),
      blankPage(),
      skillLevelCertificatePage({ name: '赵磊' }),
    ];
    expect(shape(pages)).toEqual([
      ['vocational_certificate', [1]],
      ['vocational_certificate', [3]],
      ['vocational_certificate', [5]],
    ]);
  });

  it('starts a certificate after a contract whose last page says 以下无正文 above its signatures', () => {
    const contract = laborContractPages({ pageNumbers: false });
    const last = new PageBuilder()
      .line('第九条 本合同一式两份。')
      .line('（以下无正文）')
      .row([
        [150, '甲方（盖章）'],
        [900, '乙方（签字）'],
      ])
      .line('2020 年 2 月 26 日')
      .build();
    expect(shape([contract[0], contract[1], last, skillLevelCertificatePage()])).toEqual([
      ['labor_contract', [1, 2, 3]],
      ['vocational_certificate', [4]],
    ]);
  });
});

describe('fields a contract gives on two pages', () => {
  it('flags the employee when the cover and the signature page name different people', () => {
    const [doc] = read(modelContractPages({ signedEmployee: '王晓敏' }));
    expect(doc.fields.employeeName.needsReview).toBe(true);
    expect(doc.fields.employeeName.issues?.join()).toMatch(/conflict/);
  });

  it('does not flag the employee when both pages agree', () => {
    const [doc] = read(modelContractPages());
    expect(doc.fields.employeeName.needsReview).toBe(false);
  });
});

describe('document boundaries under numbering a scanner added', () => {
  it('ignores page numbers that count the pages of the whole file when it holds documents of several kinds', () => {
    const pages = [...modelContractPages({ numbers: 'none', instructions: false }), skillLevelCertificatePage()].map((p, i, all) => {
      const stamp = new PageBuilder().at(1450, 2250, `${i + 1}/${all.length}`, { height: 24 }).build().lines;
      return { ...p, lines: [...p.lines, ...stamp] };
    });
    const docs = read(pages);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([
      ['labor_contract', [1, 2, 3, 4, 5]],
      ['vocational_certificate', [6]],
    ]);
    expect(docs[0].issues).toBeUndefined();
  });
});

describe('document boundaries of a contract numbered 一、二、…', () => {
  it('keeps cover, numbered instructions and list-numbered clause pages together, and splits at a second cover', () => {
    const listed = (clauses: string[]) => {
      const b = new PageBuilder();
      for (const c of clauses) b.line(c).line('双方按本条约定执行，具体内容详见附件。');
      return b.build();
    };
    const contract = (number: string, employee: string) => [
      new PageBuilder({ top: 500 })
        .title('劳动合同书')
        .line(`编号：${number}`, 500)
        .line('甲方：杭州西子智能科技有限公司', 400)
        .line(`乙方：${employee}`, 400)
        .line('杭州市人力资源和社会保障局监制', 500)
        .build(),
      new PageBuilder().title('使用说明').line('一、本合同文本供用人单位与劳动者签订劳动合同时使用。').line('二、填写应当使用钢笔或签字笔。').build(),
      listed(['一、合同期限', '二、工作内容', '三、工作时间']),
      listed(['四、劳动报酬', '五、社会保险']),
      listed(['六、劳动保护', '七、合同解除']),
    ];
    const docs = read([...contract('HZ-2021-118', '李娜'), ...contract('HZ-2021-207', '赵磊')]);
    expect(docs.map((d) => d.pages)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    expect(docs.every((d) => d.issues === undefined)).toBe(true);
  });
});
