import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { pageSignals } from '../../shared/extraction/page-signals.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

/**
 * A phone photo of an open contract: two pages side by side on a desk, the paper ending at about 85 % of the frame,
 * each page's number printed at its foot (`第2页共5页` left, `第3页共5页` right), here as a photo's engine reads them.
 */
function spreadPhoto(left: string, right: string, pageNumber = 2): OcrPage {
  // The party labels as the photo's engine read them (`中方名称`, `劳动著姓名`), the first clause's 一 lost.
  const b = new PageBuilder({ width: 2853, height: 2145, pageNumber, source: 'paddle', top: 380 });
  b.row([
    [380, '中方名称：' + company.name],
    [1578, '三、工作时间和休息休假'],
  ]);
  b.row([
    [380, '劳动著姓名：' + person.name],
    [1620, '甲方安排乙方执行标准工时制度。'],
  ]);
  b.row([
    [390, '、劳动合同期限'],
    [1570, '四、劳动报酬'],
  ]);
  b.row([
    [390, '、工作内容和工作地点'],
    [1570, '五、社会保险和福利待遇'],
  ]);
  b.row([[1570, '六、劳动保护、劳动条件和职业危害防护']]);
  return b.at(363, 1791, left).at(2325, 1796, right).build();
}

const printed = (page: OcrPage) => pageSignals(buildPageLayout(page)).printed;

describe('page numbers at the foot of a two-page spread photographed on a desk', () => {
  it('takes the left page’s number when both pages’ numbers share the row', () => {
    expect(printed(spreadPhoto('第2页共5页', '第3页共5页'))).toMatchObject({ index: 2, count: 5 });
  });

  it('takes a number whose 页 the engine misread (`第2南共5夏`, `第3月共50`) for the page’s own number only', () => {
    expect(printed(spreadPhoto('第2南共5夏', '第3月共50'))).toEqual({ index: 2, style: 'of' });
  });

  it('keeps the cover photographed beside its instructions with the clause pages that follow it', () => {
    const cover = new PageBuilder({ width: 2781, height: 2091, pageNumber: 1, source: 'paddle', top: 459 })
      .row([
        [999, '编号：HT202162827'],
        [1815, '使用说明'],
      ])
      .row([
        [586, '劳动合同书'],
        [1566, '一、本合同书可作为用人单位与劳动者签订劳动合同时使用。'],
      ])
      .row([
        [712, '（无固定期限）'],
        [1566, '二、用人单位与劳动者签订劳动合同前，应当如实告知劳动者工作内容。'],
      ])
      .row([[1566, '三、签订劳动合同，甲方应加盖公章，乙方应本人签字。']])
      .row([[1566, '四、合同中的空栏，双方协商确定后填写。']])
      .row([[1566, '五、对本合同条款的变更应采用书面形式。']])
      .row([[1566, '六、本合同应使用钢笔或签字笔填写。']])
      .row([[426, '甲方（用人单位）：' + company.name]])
      .row([[425, '乙方：' + person.name]])
      .row([
        [427, '签订日期：'],
        [642, '年'],
        [729, '月'],
        [819, '日'],
      ])
      .at(578, 1661, '杭州市西湖区人力资源和社会保障局监制')
      .at(2250, 1706, '第1页共5页')
      .build();
    const docs = extractDocuments([cover, spreadPhoto('第2南共5夏', '第3月共50')], { today: '2026-11-27' });
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 2]]]);
  });
});
