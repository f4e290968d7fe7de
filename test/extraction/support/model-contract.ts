import type { OcrPage } from '../../../shared/ocr/index.js';
import { company, person } from './documents.js';
import { PageBuilder } from './page-builder.js';

export type PageNumberStyle = 'of' | 'dash' | 'hyphen' | 'bare' | 'slash' | 'none';

export interface ModelContractOptions {
  employee?: string;
  /** The employee's name as the signature page gives it (default: the same). */
  signedEmployee?: string;
  employer?: string;
  numbers?: PageNumberStyle;
  /** Printed numbers start on the first clause page (the cover and instructions are not numbered). */
  numberBodyOnly?: boolean;
  /** Contract number on the cover and on each clause page. */
  contractNumber?: string;
  /** Repeat the title at the top of the first clause page (the model contract does). */
  bodyTitle?: boolean;
  instructions?: boolean;
  confidence?: number;
}

function footer(b: PageBuilder, style: PageNumberStyle, index: number, count: number): void {
  const text = { of: `第 ${index} 页 共 ${count} 页`, dash: `— ${index} —`, hyphen: `-${index}-`, bare: String(index), slash: `${index}/${count}`, none: '' }[
    style
  ];
  if (text) b.at(790, 2220, text, { height: 26 });
}

/**
 * A 人社局 model labour contract as a bureau receives it: a cover (title, 编号, the parties, a 监制 line), an
 * instructions page, clauses over three pages (the term on the first of them), a signature page with seals, the
 * signing date beside them. The employee's name is only on the cover and the signature page.
 */
export function modelContractPages(o: ModelContractOptions = {}): OcrPage[] {
  const employee = o.employee ?? person.name;
  const employer = o.employer ?? company.name;
  const style = o.numbers ?? 'of';
  const pages: PageBuilder[] = [];
  const cover = new PageBuilder({ confidence: o.confidence, top: 500 })
    .title('劳动合同书')
    .gap(2)
    .line(`编号：${o.contractNumber ?? 'XH2020-0317'}`, 500)
    .gap(2)
    .line(`甲方（用人单位）：${employer}`, 400)
    .line(`乙方（劳动者）：${employee}`, 400)
    .line('签订日期：　　年　　月　　日', 400)
    .gap(6)
    .line('杭州市人力资源和社会保障局监制', 500);
  pages.push(cover);
  if (o.instructions !== false) {
    pages.push(
      new PageBuilder({ confidence: o.confidence })
        .title('使用说明')
        .line('一、本合同文本供用人单位与建立劳动关系的劳动者签订劳动合同时使用。')
        .line('二、用人单位与劳动者使用本合同文本签订劳动合同时，凡需要双方协商约定的内容，')
        .line('协商一致后填写在相应的空格内。')
        .line('三、填写劳动合同应当使用钢笔或签字笔，文字清楚、准确。')
        .line('四、本合同一式两份，双方各执一份，涂改或未经书面授权代签无效。'),
    );
  }
  const first = new PageBuilder({ confidence: o.confidence });
  if (o.bodyTitle !== false) first.title('劳动合同');
  if (o.contractNumber) first.line(`合同编号：${o.contractNumber}`, 1100);
  first
    .line('根据《中华人民共和国劳动合同法》等法律法规，甲乙双方经平等自愿、协商一致签订本合同。')
    .line('第一条 合同期限')
    .line('甲乙双方选择以下第一种形式确定本合同期限：')
    .line('固定期限：自 2020 年 3 月 1 日起至 2023 年 2 月 28 日止。')
    .line('其中试用期自 2020 年 3 月 1 日起至 2020 年 5 月 31 日止。')
    .line('第二条 工作内容和工作地点')
    .line('乙方同意根据甲方工作需要，担任电工岗位工作。')
    .line('第三条 工作时间和休息休假')
    .line('甲方安排乙方执行标准工时制度。');
  pages.push(first);
  const second = new PageBuilder({ confidence: o.confidence });
  if (o.contractNumber) second.line(`合同编号：${o.contractNumber}`, 1100);
  second
    .line('第四条 劳动报酬')
    .line('甲方每月 15 日前以货币形式支付乙方工资，月工资 6500 元。')
    .line('第五条 社会保险和福利待遇')
    .line('甲乙双方按国家和省市规定参加社会保险。')
    .line('第六条 劳动保护、劳动条件和职业危害防护')
    .line('甲方按国家规定为乙方提供劳动安全卫生条件。');
  pages.push(second);
  const third = new PageBuilder({ confidence: o.confidence })
    .line('第七条 劳动合同的变更、解除和终止')
    .line('双方解除或终止本合同，应按国家和省市有关规定执行。')
    .line('第八条 双方约定的其他事项')
    .line('第九条 劳动争议处理')
    .line('第十条 本合同一式两份，甲乙双方各执一份，具有同等法律效力。')
    .gap(2)
    .line('（以下无正文）', 700);
  pages.push(third);
  const signature = new PageBuilder({ confidence: o.confidence, top: 300 })
    .row([
      [150, '甲方（盖章）'],
      [900, '乙方（签字）'],
    ])
    .row([
      [150, employer],
      [900, o.signedEmployee ?? employee],
    ])
    .row([[150, '法定代表人或委托代理人（签字）']])
    .gap(2)
    .row([
      [150, '2020 年 2 月 26 日'],
      [900, '2020 年 2 月 26 日'],
    ]);
  pages.push(signature);
  const numbered = o.numberBodyOnly ? pages.slice(o.instructions === false ? 1 : 2) : pages;
  numbered.forEach((b, i) => footer(b, style, i + 1, numbered.length));
  return pages.map((b, i) => ({ ...b.build(), pageNumber: i + 1 }));
}

/** A blank back side as the engine reads it: nothing, or a speck. */
export function blankPage(speck = ''): OcrPage {
  const b = new PageBuilder();
  if (speck) b.at(1400, 2100, speck, { confidence: 0.4 });
  return b.build();
}

/** Renumbers pages 1..n in file order. */
export function renumber(pages: readonly OcrPage[]): OcrPage[] {
  return pages.map((p, i) => ({ ...p, pageNumber: i + 1 }));
}
