import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import { withoutLabelDecorations } from '../../shared/extraction/label-decorations.js';
import { otherPartyLabelStart } from '../../shared/extraction/other-party-labels.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person, residentId } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Failure classes found on the form-variety families (certificate/licence/record/contract proc-E, family12), each
// pinned on constructed OCR lines with words of our own: no eval file is read here.

const TODAY = '2026-11-27';
const readOne = (page: OcrPage) => extractDocuments([page], { today: TODAY })[0];
const contact = { name: '钟伟', id: residentId('19830217', '330102', '286') };

describe('numbered and bracketed labels', () => {
  it('cuts the item numbering before a label, in every common scheme', () => {
    expect(withoutLabelDecorations('1.姓名:王晓明')).toBe('姓名:王晓明');
    expect(withoutLabelDecorations('一、甲方(用人单位)名称:杭州西子')).toBe('甲方(用人单位)名称:杭州西子');
    expect(withoutLabelDecorations('(三)类')).toBe('类');
    expect(withoutLabelDecorations('①营')).toBe('营');
    expect(withoutLabelDecorations('一丶姓')).toBe('姓');
    expect(withoutLabelDecorations('()住')).toBe('住');
    expect(withoutLabelDecorations('(九)财务负责人:高辉')).toBe('财务负责人:高辉');
  });

  it('keeps the numbering of a clause, and digits that are a value', () => {
    expect(withoutLabelDecorations('一、乙方同意根据甲方工作需要，在上述岗位工作。')).toBe('一、乙方同意根据甲方工作需要，在上述岗位工作。');
    expect(withoutLabelDecorations('1.5万元人民币')).toBe('1.5万元人民币');
    expect(withoutLabelDecorations('91330106MA27RDUA9G (2-1)')).toBe('91330106MA27RDUA9G (2-1)');
  });

  it('reads a bracketed label as a label with its colon, whole or split by the engine into boxes', () => {
    expect(withoutLabelDecorations('【法定代表人】俞杰')).toBe('法定代表人:俞杰');
    expect(withoutLabelDecorations('[联系人姓名」东方佳秀')).toBe('联系人姓名:东方佳秀');
    expect(withoutLabelDecorations('【名')).toBe('名');
    expect(withoutLabelDecorations('称】')).toBe('称:');
    expect(withoutLabelDecorations('浙人社发[2021]12号')).toBe('浙人社发[2021]12号');
  });

  it('reads a licence whose spread labels are numbered and split into boxes by the engine', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row([
      [189, '①名'],
      [300, '称∶'],
      [540, company.name],
    ]);
    b.row([
      [189, '②法定代表人∶'],
      [540, person.name],
    ]);
    b.row([
      [189, '③统一社会信用代码∶'],
      [540, company.code],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.legalRepresentative.value).toBe(person.name);
    expect(doc.fields.creditCode.value).toBe(company.code);
  });

  it('reads values after bracketed labels without the closing bracket', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.row([
      [196, '【名　　称】'],
      [460, company.name],
    ]);
    b.row([
      [196, '【法定代表人】'],
      [460, person.name],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.legalRepresentative.value).toBe(person.name);
  });
});

describe('labels about someone else', () => {
  it('knows a label led by an other-party word as a label of its own', () => {
    expect(otherPartyLabelStart('紧急联系人身份证号:330102', 5, 0)).toBe(0);
    expect(otherPartyLabelStart('财务负责人:高辉', 2, 0)).toBe(0);
    expect(otherPartyLabelStart('原证书编号:S3301', 1, 0)).toBe(0);
    expect(otherPartyLabelStart('持证人身份证号:330102', 3, 0)).toBeUndefined();
    expect(otherPartyLabelStart('公民身份号码:330102', 2, 0)).toBeUndefined();
  });

  it('never takes a contact’s ID number for the employee’s, before or after the employee’s own', () => {
    for (const contactFirst of [true, false]) {
      const b = new PageBuilder({ width: 1654, height: 2339 }).title('劳动合同');
      b.field('用人单位：', company.name);
      b.field('劳动者姓名：', person.name);
      const own = () => b.field('身份证号码：', person.id);
      const theirs = () => b.field('紧急联系人身份证号：', contact.id);
      if (contactFirst) theirs().field('紧急联系人姓名：', contact.name);
      own();
      if (!contactFirst) theirs();
      const doc = readOne(b.build());
      expect(doc.fields.employeeIdNumber.value).toBe(person.id);
      expect(doc.fields.employeeName.value).toBe(person.name);
    }
  });

  it('never takes a contact’s ID number when the holder’s own is missing', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('社会保险参保缴费证明');
    b.field('姓名：', person.name);
    b.field('担保人身份证号：', contact.id);
    const doc = readOne(b.build());
    expect(doc.fields.idNumber?.value ?? null).not.toBe(contact.id);
  });

  it('never takes a licence’s finance officer for its legal representative', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照');
    b.field('名称：', company.name);
    b.field('财务负责人：', contact.name);
    b.field('法定代表人：', person.name);
    const doc = readOne(b.build());
    expect(doc.fields.legalRepresentative.value).toBe(person.name);
  });

  it('ends the value before it: a holder’s name on the same line as a contact’s label stays whole', () => {
    const line = buildPageLayout(new PageBuilder({ width: 1654, height: 2339 }).line(`姓名:${person.name} 联系人姓名:${contact.name}`).build()).lines[0];
    expect(line.hits.map((h) => h.form)).toEqual(['姓名', '联系人姓名']);
    expect(line.hits[0].inlineValue).toBe(person.name);
  });
});

describe('special-operation certificate numbers', () => {
  const card = (number: string) => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('特种作业操作证');
    b.field('姓名：', person.name);
    b.field('身份证号码：', person.id);
    b.field('作业类别：', '焊接与热切割作业');
    b.field('证书号：', number);
    return readOne(b.build());
  };

  it('flags a T-number whose ID part does not check (a code wrapped under itself, read short)', () => {
    const field = card(`T${person.id.slice(0, 16)}`).fields.certificateNumber;
    expect(field.value).toBe(`T${person.id.slice(0, 16)}`);
    expect(field.needsReview).toBe(true);
    expect(field.issues).toContain('certificate_number_structure_invalid');
  });

  it('takes a T-number carrying the holder’s own ID number without a doubt', () => {
    const field = card(`T${person.id}`).fields.certificateNumber;
    expect(field.value).toBe(`T${person.id}`);
    expect(field.needsReview).toBe(false);
  });
});

describe('a sex printed off its row', () => {
  it('never ends a wrapped name with the 男 of the 性别 row below, and leaves the name to the clerk', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('职业技能等级证书');
    b.at(110, 280, '姓 名：').at(365, 280, '许国');
    b.at(365, 313, '男');
    b.at(110, 348, '性').at(270, 348, '别：');
    b.at(110, 420, '公民身份号码：').at(365, 394, person.id);
    const field = readOne(b.build()).fields.holderName;
    expect(field.value).toBe('许国');
    expect(field.needsReview).toBe(true);
  });
});

describe('stacked grids and clerks’ lines', () => {
  it('never reads an other-party label standing alone in a grid’s label row as the name under 姓名', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('社会保险个人参保证明');
    b.row([
      [372, '姓　　名'],
      [1082, '原　单　位'],
    ]);
    b.row([
      [408, person.name],
      [992, company.name],
    ]);
    b.row([
      [390, '受　理　人'],
      [1064, '公民身份号码'],
    ]);
    b.row([
      [408, contact.name],
      [848, person.id],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.personName.value).not.toBe('原单位');
    expect(doc.fields.personName.value).not.toBe('受理人');
    const layout = buildPageLayout(b.build());
    expect(layout.lines.find((l) => l.flat === '原单位')?.hits[0]).toMatchObject({ form: '原单位', otherParty: true });
  });

  it('cuts the next cell’s date off a certificate number the engine boxed with it, for the clerk to confirm', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('专项职业能力证书');
    b.field('姓名：', person.name);
    b.field('身份证号：', person.id);
    b.field('项目名称：', '中式面点制作');
    b.field('证书号：', 'ZX201933016413552019-07-09');
    const field = readOne(b.build()).fields.certificateNumber;
    expect(field.value).toBe('ZX20193301641355');
    expect(field.needsReview).toBe(true);
  });

  it('reads the issuer at the foot of the fields although a clerk’s line sits in the page footer', () => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('特种作业操作证');
    b.field('持证人姓名：', person.name);
    b.field('公民身份号码：', person.id);
    b.field('作业类别：', '高处作业');
    b.field('证书号：', `T${person.id}`);
    b.gap(2).line('浙江省应急管理厅').line('2019年02月20日');
    b.at(1086, 2273, '经办人：姚怡');
    const doc = readOne(b.build());
    expect(doc.fields.issuer.value).toBe('浙江省应急管理厅');
  });
});

describe('a training body on a certificate that is not a training certificate', () => {
  const card = (withFoot: boolean) => {
    const b = new PageBuilder({ width: 1654, height: 2339 }).title('特种作业操作证');
    b.field('姓名：', person.name);
    b.field('培训机构名称：', '浙江之江职业培训学院');
    b.field('身份证号：', person.id);
    b.field('作业类别：', '焊接与热切割作业');
    b.field('证书号：', `T${person.id}`);
    if (withFoot) b.gap(2).line('杭州市应急管理局', 1000).line('2018年2月25日', 1000);
    return readOne(b.build()).fields.issuer;
  };

  it('is never taken for the issuer when the issuer stands at the foot of the fields', () => {
    const issuer = card(true);
    expect(issuer.value).toBe('杭州市应急管理局');
    expect(issuer.needsReview).toBe(true);
  });

  it('is kept for the clerk to confirm when nothing else names the issuer', () => {
    const issuer = card(false);
    expect(issuer.value).toBe('浙江之江职业培训学院');
    expect(issuer.needsReview).toBe(true);
  });
});
