import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// 聘书 as people write them (issue 19, letter21): the parts of the appointing sentence in other orders than
// `兹聘任 X 为 Y，聘期…` — the person as the subject, the post before the name, the term between name and post —
// and the term's own word (`聘任期限`, `任期`) never read as the verb.

const read = (page: OcrPage) => extractDocuments([page], { today: '2026-11-27' })[0];

function letter(body: string[], salutation?: string): OcrPage {
  const b = new PageBuilder().title('聘 书');
  if (salutation) b.line(salutation);
  for (const line of body) b.line(line, 210);
  return b.gap(2).line(company.name, 900).line('二〇二〇年十二月廿一日', 900).build();
}

describe('reading a 聘书 whose person is the subject of the sentence', () => {
  it('reads X 同志受聘担任 Y 职务 as the name and the post', () => {
    const doc = read(letter(['朱艳同志受聘担任我公司车间主任职务，', '聘期自2021年3月1日至2024年2月29日。']));
    expect(doc.fields.employeeName).toMatchObject({ value: '朱艳', needsReview: false });
    expect(doc.fields.title).toMatchObject({ value: '车间主任', needsReview: false });
  });

  it('reads X 被聘为 Y at the start of the paragraph under the title, not the title’s 书 with the name', () => {
    const doc = read(letter(['皇甫涵一被聘为本公司技术主管，聘期自2021年3月1日至2024年2月29日。']));
    expect(doc.fields.employeeName.value).toBe('皇甫涵一');
    expect(doc.fields.title.value).toBe('技术主管');
  });
});

describe('reading a 聘书 whose decision names the post before the person', () => {
  it('reads 经研究决定，我公司 Y 一职由 X 同志担任', () => {
    const doc = read(letter(['经公司研究决定，我公司高级技师一职由白海敏同志', '担任，聘期自2021年3月1日至2024年2月29日。']));
    expect(doc.fields.employeeName.value).toBe('白海敏');
    expect(doc.fields.title.value).toBe('高级技师');
  });

  it('reads 经研究决定，将 X 同志聘为 Y', () => {
    const doc = read(letter(['经研究决定，将东方敏同志聘为班组长。', '聘期自2021年3月1日至2024年2月29日。']));
    expect(doc.fields.employeeName.value).toBe('东方敏');
    expect(doc.fields.title.value).toBe('班组长');
  });
});

describe('reading a 聘书 that gives the term between the name and the post', () => {
  it('reads 兹聘请 X 先生，聘期自 A 至 B，担任 Y 一职', () => {
    const doc = read(letter(['兹聘请熊霞平先生，聘期自2019年10月19日至2021年', '10月18日，担任我公司质量工程师一职。']));
    expect(doc.fields.employeeName.value).toBe('熊霞平');
    expect(doc.fields.title.value).toBe('质量工程师');
    expect(doc.fields.startDate.value).toBe('2019-10-19');
    expect(doc.fields.endDate.value).toBe('2021-10-18');
  });

  it('does not take the 任 of 任期 for the verb (`…，自 A 起，任期三年，担任 Y`)', () => {
    const doc = read(letter(['兹聘任罗一女士，自2021年5月30日起，任期三年，担任', '公司高级技师一职。']));
    expect(doc.fields.title.value).toBe('高级技师');
    expect(doc.fields.endDate).toMatchObject({ value: '2024-05-29', needsReview: true });
  });
});

describe('reading the term’s word of a 聘书 as no verb', () => {
  it('does not read 聘用期限为两年 as 聘用 X 为 Y (the post is not 两年)', () => {
    const doc = read(letter(['感谢您对公司的支持，我们诚挚地聘请您担任班组长，', '聘用期限为两年，自2018年8月31日起。'], '戴琪先生：'));
    expect(doc.fields.title.value).toBe('班组长');
  });

  it('does not read 聘任期限为60个月 as a post when no sentence names one', () => {
    const doc = read(letter(['聘任期限为60个月，自二〇二〇年八月七日起。']));
    expect(doc.fields.title.value).not.toBe('60个月');
  });
});

// letter22: the person presented with 兹有, the employer named before the post (`受聘于我公司，担任 Y`), a note in
// brackets after the name, and 诚聘/敬聘 before 您.
describe('reading a 聘书 that presents the person or notes them in brackets', () => {
  it('reads 兹有 X 同志受聘担任 Y 职务', () => {
    const doc = read(letter(['兹有陈建同志受聘担任车间主任职务，聘期五年，', '自2020年03月13日起算。']));
    expect(doc.fields.employeeName).toMatchObject({ value: '陈建', needsReview: false });
    expect(doc.fields.title).toMatchObject({ value: '车间主任', needsReview: false });
    expect(doc.fields.endDate).toMatchObject({ value: '2025-03-12', needsReview: true });
  });

  it('reads X 同志受聘于我公司，担任 Y 一职, with or without 兹有 and the comma', () => {
    for (const sentence of ['兹有范敏洋同志受聘于我公司，担任技术主管一职，', '范敏洋同志受聘于本公司担任技术主管一职，']) {
      const doc = read(letter([sentence, '聘期自2021年5月19日至2023年05月18日。']));
      expect(doc.fields.employeeName.value).toBe('范敏洋');
      expect(doc.fields.title.value).toBe('技术主管');
    }
  });

  it('reads 兹聘任 X（身份证号码…）为 Y: the note in brackets is no part of the name', () => {
    const doc = read(letter(['兹聘任罗涵文（身份证号码340104199701267112）为本公司', '技术总监岗位，任期为2021年11月2日至2026年11月1日。']));
    expect(doc.fields.employeeName.value).toBe('罗涵文');
    expect(doc.fields.title.value).toBe('技术总监');
  });

  it('reads the post after 诚聘您为 and 敬聘您担任 under a salutation', () => {
    for (const sentence of ['我公司诚聘您为班组长，', '敬聘您担任班组长，']) {
      const doc = read(letter([sentence, '聘期自2021年5月19日至2023年05月18日。'], '尊敬的朱鸣慧同志：'));
      expect(doc.fields.employeeName.value).toBe('朱鸣慧');
      expect(doc.fields.title.value).toBe('班组长');
    }
  });
});

describe('reading a 聘书 whose comma before the term the engine read as 、', () => {
  it('ends the post at `、聘用期限` (`X 被聘为本公司 Y 岗位、聘用期限为五年`)', () => {
    const doc = read(letter(['公孙君被聘为本公司班组长岗位、聘用期限为五年，自', '2021.03.04起。']));
    expect(doc.fields.employeeName.value).toBe('公孙君');
    expect(doc.fields.title).toMatchObject({ value: '班组长', needsReview: false });
    expect(doc.fields.endDate.value).toBe('2026-03-03');
  });
});

describe('reading a 聘书 whose dateline’s 〇 the engine read as another character', () => {
  it('reads `二天一九年八月十三日` under the signature as 2019-08-13, for the clerk to confirm', () => {
    const page = new PageBuilder()
      .title('聘 书')
      .line('特聘侯宇士先生为本公司首席技师一职。', 210)
      .line('聘用期限:2019年08月22日至2022年8月21日。', 210)
      .gap(2)
      .line(`${company.name}(盖章)`, 900)
      .line('二天一九年八月十三日', 900)
      .build();
    const doc = read(page);
    expect(doc.fields.issueDate).toMatchObject({ value: '2019-08-13', needsReview: true });
    expect(doc.fields.employeeName.value).toBe('侯宇士');
  });

  it('reads no date from a line that is no whole date (`二天一九年` with no month or day)', () => {
    const page = new PageBuilder()
      .title('聘 书')
      .line('特聘侯宇士先生为本公司首席技师一职。', 210)
      .gap(2)
      .line(company.name, 900)
      .line('二天一九年', 900)
      .build();
    expect(read(page).fields.issueDate?.value ?? null).toBeNull();
  });
});

describe('reading a 聘书 that gives the term’s length after its start', () => {
  it('computes the end of `聘期自 A 起三年` and `自 A 起，为期三年`, flagged', () => {
    for (const term of ['聘期自2021年3月1日起三年。', '自2021年3月1日起，为期三年。']) {
      const doc = read(letter(['兹聘任朱艳为车间主任，', term]));
      expect(doc.fields.startDate.value).toBe('2021-03-01');
      expect(doc.fields.endDate).toMatchObject({ value: '2024-02-29', needsReview: true });
    }
  });

  it('takes the start of `聘期两年，A 起生效` from its 起', () => {
    const doc = read(letter(['兹聘任朱艳为车间主任，聘期两年，', '2021年3月1日起生效。']));
    expect(doc.fields.startDate.value).toBe('2021-03-01');
    expect(doc.fields.endDate).toMatchObject({ value: '2023-02-28', needsReview: true });
  });
});

describe('reading a 聘书 whose term between name and post says 为期', () => {
  it('does not take the 为 of 为期 for the verb (`兹聘请 X 先生，自 A 起，为期两年，担任 Y`)', () => {
    const doc = read(letter(['兹聘请邱宇林先生，自2019年12月8日起，为期两年，', '担任本公司生产经理。']));
    expect(doc.fields.employeeName.value).toBe('邱宇林');
    expect(doc.fields.title.value).toBe('生产经理');
    expect(doc.fields.endDate).toMatchObject({ value: '2021-12-07', needsReview: true });
  });
});
