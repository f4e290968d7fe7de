import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Confidence that accounts for completeness: a value that may have run on or been cut short is never passed
// unreviewed, however sure the engine was of its characters (issue 12, "Confidence").

const TODAY = '2026-11-27';
const readOne = (page: OcrPage) => extractDocuments([page], { today: TODAY })[0];

function trainingCertificate(occupationLine: string): OcrPage {
  return new PageBuilder({ width: 1654, height: 2339 })
    .title('培训合格证书')
    .line(`姓名：${person.name}`, 200)
    .line(`身份证号：${person.id}`, 200)
    .line(occupationLine, 200)
    .line('发证日期：2021年06月18日', 200)
    .line('杭州市西湖区职业技能培训中心', 900)
    .build();
}

describe('values that ran into the next field', () => {
  it('flags an occupation that ends in a label noun (an unknown label glued to it)', () => {
    // (培训时间 itself is a known label since 2026-12-04: an unknown one ending in 时间 stands in for it.)
    const field = readOne(trainingCertificate('培训项目：养老护理员岗前培训考核时间')).fields.occupation;
    expect(field.value).toBe('养老护理员岗前培训考核时间');
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('value_ends_like_label');
  });

  it('flags an occupation that ends in a printed label of another field', () => {
    const field = readOne(trainingCertificate('培训项目：电工有效期')).fields.occupation;
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('value_ends_like_label');
  });

  it('passes an ordinary occupation unflagged', () => {
    const field = readOne(trainingCertificate('培训项目：养老护理员')).fields.occupation;
    expect(field.value).toBe('养老护理员');
    expect(field.needsReview).toBe(false);
  });

  it('flags an occupation with a bracket closed and never opened (the tail of a wrapped remark)', () => {
    const field = readOne(trainingCertificate('培训项目：验)')).fields.occupation;
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('value_bracket_unopened_incomplete');
  });

  it('flags an occupation with a bracket opened and never closed', () => {
    const field = readOne(trainingCertificate('培训项目：家政服务员技能培训(已核')).fields.occupation;
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('value_bracket_unclosed_incomplete');
  });
});

describe('values cut short', () => {
  it('flags an organisation name that starts inside its legal-form suffix', () => {
    const b = new PageBuilder().title('劳动合同书');
    b.line('甲方(用人单位)：份有限公司', 150).line(`乙方(劳动者)：${person.name}`, 150).line(`身份证号码：${person.id}`, 150);
    b.line('合同期限：自2020年3月1日起至2023年2月28日止', 150).line('签订日期：2020年2月26日', 150);
    const doc = readOne(b.build());
    expect(doc.fields.employerName.value).toBe('份有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('flags a company name the engine boxed in two pieces and only the first was read as the value', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row([[200, `统一社会信用代码 ${company.code}`]]);
    // Two boxes, the second one character height after the first: the reader cannot tell a value split by the
    // engine from text printed after it, so it shows the clerk.
    b.row([
      [200, '名称'],
      [420, '杭州西子智能'],
      [650, '数码科技集团'],
    ]);
    b.row([
      [200, '住所'],
      [420, '浙江省杭州市西湖区文三路90号'],
    ]);
    const field = readOne(b.build()).fields.companyName;
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('value_may_continue');
  });

  it('does not flag a name followed by a form of address in a box of its own', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('职业技能等级证书');
    b.row([
      [200, '姓名'],
      [420, person.name],
      [540, '同志'],
    ]);
    b.line(`证件号码：${person.id}`, 200);
    const field = readOne(b.build()).fields.holderName;
    expect(field.value).toBe(person.name);
    expect(field.issues ?? []).not.toContain('value_may_continue');
  });
});

describe('readings that disagree', () => {
  it('flags a labelled holder name that the sentence of award contradicts', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('培训合格证书');
    b.line('姓名：王晓', 300).gap(2);
    b.line(`兹证明 ${person.name} 同志于2021年3月1日至2021年4月30日参加养老护理员培训，`, 300);
    b.line('经考核成绩合格，特发此证。', 300);
    const field = readOne(b.build()).fields.holderName;
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('conflicting_values');
  });

  it('passes a labelled holder name the sentence of award repeats', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('培训合格证书');
    b.line(`姓名：${person.name}`, 300).gap(2);
    b.line(`兹证明 ${person.name} 同志于2021年3月1日至2021年4月30日参加养老护理员培训，`, 300);
    const field = readOne(b.build()).fields.holderName;
    expect(field.value).toBe(person.name);
    expect(field.needsReview).toBe(false);
  });
});
