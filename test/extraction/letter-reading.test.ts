import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const read = (page: OcrPage) => extractDocuments([page], { today: '2026-11-27' })[0];
const values = (page: OcrPage) => Object.fromEntries(Object.entries(read(page).fields).map(([k, f]) => [k, f.value]));

function letter(body: string[], o: { salutation?: string; employer?: string; date?: string } = {}): OcrPage {
  const b = new PageBuilder().title('聘 书');
  if (o.salutation) b.line(o.salutation);
  for (const line of body) b.line(line, 210);
  return b
    .gap(2)
    .line(o.employer ?? company.name, 900)
    .line(o.date ?? '二〇二〇年十二月二十日', 900)
    .build();
}

describe('reading a 聘书 written as sentences', () => {
  it('reads 兹聘任 X 为 Y，聘期自 A 至 B', () => {
    expect(values(letter(['兹聘任李娜为我公司人力资源部经理，聘期自2021年3月1日至2024年2月29日。', '特发此书。']))).toMatchObject({
      employeeName: '李娜',
      title: '人力资源部经理',
      startDate: '2021-03-01',
      endDate: '2024-02-29',
      employerName: company.name,
      issueDate: '2020-12-20',
    });
  });

  it('reads 经研究决定，聘任 X 担任 Y 职务', () => {
    const doc = read(letter(['经研究决定，聘任赵磊同志担任数控车间主任职务，', '聘期自2021年1月1日起至2022年12月31日止。']));
    expect(doc.fields.employeeName.value).toBe('赵磊');
    expect(doc.fields.title.value).toBe('数控车间主任');
    expect(doc.fields.endDate.value).toBe('2022-12-31');
  });

  it.each([
    ['王晓明同志：', '王晓明'],
    ['尊敬的陈建生先生：', '陈建生'],
    ['刘芳女士：', '刘芳'],
    ['吕伊君先生：', '吕伊君'],
  ])('reads the person from the salutation %s and the post from 特聘请您为 Y', (salutation, name) => {
    const doc = read(letter(['鉴于您在焊接技术领域的专业水平，', '特聘请您为我公司首席技师，聘期自2021年7月1日至2024年6月30日。'], { salutation }));
    expect(doc.fields.employeeName.value).toBe(name);
    expect(doc.fields.title.value).toBe('首席技师');
    expect(doc.fields.employeeName.needsReview).toBe(false);
  });

  it('reads a salutation with the letter running on after the colon', () => {
    const doc = read(letter(['尊敬的许文卿女士：我公司特聘请您担任质量总监一职，聘期自2022年1月1日至2024年12月31日。']));
    expect(doc.fields.employeeName.value).toBe('许文卿');
    expect(doc.fields.title.value).toBe('质量总监');
  });

  it('never shortens a name ending in 君 or 生 in a sentence', () => {
    expect(values(letter(['兹聘请吕伊君为我单位高级技师，聘期自2021年1月1日至2023年12月31日。'])).employeeName).toBe('吕伊君');
    expect(values(letter(['兹聘请陈建生先生为我单位技术顾问，聘期自2021年1月1日至2023年12月31日。'])).employeeName).toBe('陈建生');
  });

  it('computes the end of 聘期三年，自 A 起 and marks it as computed for the clerk', () => {
    const doc = read(letter(['兹聘任周涛为我公司技术总监，聘期三年，自2021年7月1日起。']));
    expect(doc.fields.startDate.value).toBe('2021-07-01');
    expect(doc.fields.endDate).toMatchObject({ value: '2024-06-30', needsReview: true });
    expect(doc.fields.endDate.issues).toContain('end_date_inferred_from_term');
  });

  it('computes the end of a term given in months', () => {
    const doc = read(letter(['兹聘任周涛为我公司技术总监，自2021年7月1日起聘期为24个月。']));
    expect(doc.fields.endDate.value).toBe('2023-06-30');
  });

  it('reads the issue date under the seal, not a date of the term', () => {
    const doc = read(letter(['兹聘任周涛为我公司技术总监，聘期自2021年7月1日至2024年6月30日。'], { date: '2021 年 6 月 28 日' }));
    expect(doc.fields.issueDate).toMatchObject({ value: '2021-06-28' });
  });
});

describe('reading a labour contract whose parties are in its opening sentence', () => {
  it('reads employer and employee from 本合同由 X（以下简称甲方）与 Y（以下简称乙方）签订', () => {
    const page = new PageBuilder()
      .title('劳动合同')
      .line(`本合同由${company.name}（以下简称甲方）与吕伊君（以下简称乙方）`)
      .line('经平等协商，于 2020 年 2 月 26 日签订。')
      .line('第一条 合同期限自 2020 年 3 月 1 日起至 2023 年 2 月 28 日止。')
      .line('第二条 乙方同意担任电工岗位工作。')
      .build();
    const doc = read(page);
    expect(doc.fields.employerName.value).toBe(company.name);
    expect(doc.fields.employeeName.value).toBe('吕伊君');
    expect(doc.fields.startDate.value).toBe('2020-03-01');
  });
});

describe('reading names that end in 君', () => {
  it('keeps a labelled employee name ending in 君 whole on a contract', () => {
    const page = new PageBuilder()
      .title('劳动合同书')
      .line(`甲方（用人单位）：${company.name}`)
      .line('乙方（劳动者）：罗玲君')
      .line('合同期限：自 2020 年 3 月 1 日起至 2023 年 2 月 28 日止。')
      .build();
    expect(read(page).fields.employeeName.value).toBe('罗玲君');
  });

  it('reads a decision of appointment titled 关于聘任…的决定 as a letter of engagement', () => {
    const page = new PageBuilder()
      .title('关于聘任孙志刚同志的决定')
      .line('经公司研究决定，聘任孙志刚同志为生产部经理，')
      .line('聘期自2019年5月1日至2022年4月30日。')
      .gap(2)
      .line(company.name, 900)
      .line('2020 年 2 月 20 日', 900)
      .build();
    const doc = read(page);
    expect(doc.type).toBe('employment_letter');
    expect(Object.fromEntries(Object.entries(doc.fields).map(([k, f]) => [k, f.value]))).toMatchObject({
      employeeName: '孙志刚',
      title: '生产部经理',
      startDate: '2019-05-01',
      endDate: '2022-04-30',
      employerName: company.name,
    });
  });
});

describe('reading the start of an open-ended contract from the day it takes effect', () => {
  it('reads 本合同为无固定期限劳动合同。本合同于 A 生效 as a start A and no end', () => {
    const page = new PageBuilder()
      .title('劳动合同书')
      .line(`甲方（用人单位）：${company.name}`)
      .line('乙方（劳动者）：李娜')
      .line('第一条 劳动合同期限')
      .line('本合同为无固定期限劳动合同。本合同于2020-02-10生效。')
      .line('第二条 甲方安排乙方在钳工岗位工作。')
      .build();
    const doc = read(page);
    expect(doc.fields.startDate).toMatchObject({ value: '2020-02-10' });
    expect(doc.fields.endDate.value).toBeNull();
    expect(doc.fields.endDate.needsReview).toBe(false);
  });
});

describe('reading an employer name wrapped in its cell', () => {
  it('joins 杭州之江建筑工 / 程有限公司 under it and flags the join', () => {
    const page = new PageBuilder()
      .title('劳动合同')
      .at(330, 400, '甲方（用人单位）')
      .at(656, 400, '杭州之江建筑工')
      .at(654, 436, '程有限公司')
      .at(330, 520, '乙方（员工）')
      .at(656, 520, '薛文颖')
      .at(330, 600, '合同期限：自 2019 年 6 月 9 日起至 2022 年 6 月 8 日止。')
      .build();
    const doc = read(page);
    expect(doc.fields.employerName).toMatchObject({ value: '杭州之江建筑工程有限公司', needsReview: true });
    expect(doc.fields.employerName.issues).toContain('wrap_joined_inferred');
  });

  it('joins 杭州灵隐汽车维修有限 / 公司 wrapped in the employer cell', () => {
    const page = new PageBuilder()
      .title('劳动合同')
      .at(330, 400, '甲方（用人单位）')
      .at(656, 400, '杭州灵隐汽车维修有限')
      .at(656, 436, '公司')
      .at(330, 520, '乙方（员工）')
      .at(656, 520, '薛文颖')
      .at(330, 600, '合同期限：自 2019 年 6 月 9 日起至 2022 年 6 月 8 日止。')
      .build();
    expect(read(page).fields.employerName?.value).toBe('杭州灵隐汽车维修有限公司');
  });

  it('flags a name cut at the cell end that nothing under it completes', () => {
    const page = new PageBuilder()
      .title('劳动合同')
      .at(330, 400, '甲方（用人单位）')
      .at(656, 400, '杭州灵隐汽车维修有限')
      .at(330, 520, '乙方（员工）')
      .at(656, 520, '薛文颖')
      .at(330, 600, '合同期限：自 2019 年 6 月 9 日起至 2022 年 6 月 8 日止。')
      .build();
    const employer = read(page).fields.employerName;
    expect(employer).toMatchObject({ value: '杭州灵隐汽车维修有限', needsReview: true });
    expect(employer.issues).toContain('value_may_continue');
  });
});

describe('reading a labour contract whose signing date is unreadable', () => {
  it('flags a signing date that is only the term end read under 合同终止日期', () => {
    const page = new PageBuilder()
      .title('劳动合同')
      .at(330, 400, '甲方（用人单位）')
      .at(656, 400, '杭州灵隐汽车维修有限公司')
      .at(330, 520, '乙方（员工）')
      .at(656, 520, '薛文颖')
      .at(330, 600, '合同起始日期：')
      .at(656, 600, '2021年5月25日')
      .at(330, 680, '合同终止日期：')
      .at(656, 680, '2024年5月25日')
      .at(330, 900, '签订日期：2021年5924日')
      .build();
    const signed = read(page).fields.signedDate;
    expect(signed?.needsReview).toBe(true);
  });
});

describe('classifying a certificate whose title is set over two lines', () => {
  it('reads 中华人民共和国职业资格 / 证书 as a qualification certificate', () => {
    const page = new PageBuilder()
      .at(300, 120, '中华人民共和国职业资格')
      .at(420, 170, '证书')
      .at(200, 400, '姓名：王晓明')
      .at(200, 460, '职业（工种）：电工')
      .build();
    const doc = read(page);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.certificateKind.value).toBe('qualification');
  });
});
