import { describe, expect, it } from 'vitest';
import { extractDocuments, iso7064Mod1110Valid, parseDate, registrationNumberCheckDigit, validateRegistrationNumber } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, creditCode, person, residentId, skillLevelCertificatePage, socialInsurancePage } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const TODAY = '2026-11-27';
const read = (pages: OcrPage[]) => extractDocuments(pages, { today: TODAY });
const readOne = (page: OcrPage) => read([page])[0];

const LONG_NAME = '杭州西湖区云栖数字智能科技股份有限公司';
const ADDRESS_1 = '浙江省杭州市西湖区三墩镇西园八路';
const ADDRESS_2 = '11号A座5楼503室';

/** A licence page: title, then the rows the test gives (each a list of [x, text] boxes on one row). */
function licence(rows: Array<Array<[number, string]>>, o: { width?: number; height?: number; lineHeight?: number } = {}): OcrPage {
  const b = new PageBuilder({ width: o.width ?? 2339, height: o.height ?? 1654, lineHeight: o.lineHeight }).title('营业执照');
  for (const row of rows) b.row(row);
  return b.build();
}

describe('spread labels (分散对齐)', () => {
  it('joins a label whose characters the engine returned as separate boxes on one row', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [
          [300, '名'],
          [420, '称'],
          [600, company.name],
        ],
        [
          [300, '法'],
          [340, '定'],
          [380, '代'],
          [420, '表'],
          [460, '人'],
          [600, '李建国'],
        ],
        [
          [300, '成'],
          [360, '立'],
          [420, '日'],
          [480, '期'],
          [600, '2016年05月12日'],
        ],
        [
          [300, '住'],
          [420, '所'],
          [600, '浙江省杭州市西湖区文三路90号'],
        ],
      ]),
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });

  it('reads labels spaced with ideographic spaces inside one box, the value in the last piece', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [
          [300, '名'],
          [420, `称　${company.name}`],
        ],
        [[300, '住　　　所　浙江省杭州市西湖区文三路90号']],
        [[300, '成 立 日 期 2016年05月12日']],
      ]),
    );
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
  });

  it('recognises a long label with one character misread or missing', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代 ${company.code}`]],
        [
          [300, '名称'],
          [600, company.name],
        ],
        [
          [300, '法定代表入'],
          [600, '李建国'],
        ],
      ]),
    );
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
    expect(doc.fields.creditCode.value).toBe(company.code);
  });

  it('does not take a short label with a character wrong as a label', () => {
    // `名林` is not `名称`: the name is not read as its value; the one line of a registered name's shape on the page
    // is read by its shape alone, for the clerk to confirm (shape23).
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [
          [300, '名林'],
          [600, company.name],
        ],
      ]),
    );
    expect(doc.fields.companyName.issues).toContain('label_not_found');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});

describe('two label/value columns on one row', () => {
  it('ends a value where the next label column starts (separate boxes)', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [
          [200, '名称'],
          [420, company.name],
          [1300, '注册资本'],
          [1520, '伍佰万元整'],
        ],
        [
          [200, '类型'],
          [420, '有限责任公司'],
          [1300, '成立日期'],
          [1520, '2016年05月12日'],
        ],
        [
          [200, '法定代表人'],
          [420, '李建国'],
          [1300, '住所'],
          [1520, '浙江省杭州市西湖区文三路90号'],
        ],
      ]),
    );
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });

  it('ends a value at the next label when the engine read the whole row as one box', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [[200, `名称 ${company.name} 注册资本 伍佰万元整`]],
        [[200, '成立日期 2016年05月12日 住所 浙江省杭州市西湖区文三路90号']],
      ]),
    );
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
  });
});

describe('values that wrap', () => {
  it('joins a company name wrapped onto the next line of its column, beside a second column', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照').line(`统一社会信用代码 ${company.code}`, 200);
    b.row([
      [200, '名称'],
      [420, LONG_NAME.slice(0, 12)],
      [1300, '注册资本'],
      [1520, '伍佰万元整'],
    ]);
    // The wrapped part sits right under the name, a little more than a line lower (rows advance 1.8 heights).
    b.gap(-0.55);
    b.row([
      [420, LONG_NAME.slice(12)],
      [1300, '成立日期'],
      [1520, '2016年05月12日'],
    ]);
    b.row([
      [200, '住所'],
      [420, '浙江省杭州市西湖区文三路90号'],
    ]);
    const doc = readOne(b.build());
    expect(doc.fields.companyName.value).toBe(LONG_NAME);
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
  });

  it('reads the whole address beside a label centred on its two lines, not only the last line', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照').line(`统一社会信用代码 ${company.code}`, 200);
    b.row([
      [200, '名称'],
      [420, company.name],
    ]);
    // Label centred between the two lines of its value.
    b.at(420, 600, ADDRESS_1).at(200, 620, '住所').at(420, 640, ADDRESS_2);
    b.at(200, 760, '成立日期').at(420, 760, '2016年05月12日');
    const doc = readOne(b.build());
    expect(doc.fields.address.value).toBe(ADDRESS_1 + ADDRESS_2);
    expect(doc.fields.establishedDate.value).toBe('2016-05-12');
  });

  it('joins an address wrapped under an inline label and value', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照').line(`统一社会信用代码 ${company.code}`, 200);
    b.line(`名称：${company.name}`, 200);
    b.at(200, 600, `住所：${ADDRESS_1}`).at(296, 640, ADDRESS_2);
    b.at(200, 760, '成立日期：2016年05月12日');
    const doc = readOne(b.build());
    expect(doc.fields.address.value).toBe(ADDRESS_1 + ADDRESS_2);
  });

  it('flags a value that still goes on after three continuation lines in a wide column', () => {
    // Fourteen characters a line: three more lines hold any address (a narrow column may wrap one over more).
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('营业执照').line(`统一社会信用代码 ${company.code}`, 200);
    b.line(`名称：${company.name}`, 200);
    b.at(200, 600, '住所：浙江省杭州市西湖区三墩镇西园')
      .at(296, 640, '八路11号紫金港')
      .at(296, 680, '科技城创业大厦')
      .at(296, 720, 'A座5楼')
      .at(296, 760, '503室');
    const doc = readOne(b.build());
    expect(doc.fields.address.needsReview).toBe(true);
    expect(doc.fields.address.issues).toContain('value_may_continue');
  });

  it('does not join the next field’s value under a value that does not wrap', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [
          [200, '名称'],
          [420, company.name],
        ],
        [
          [200, '住所'],
          [420, '浙江省杭州市西湖区文三路90号'],
        ],
        [
          [200, '法定代表人'],
          [420, '李建国'],
        ],
      ]),
    );
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });
});

describe('other kinds and generations of licence', () => {
  // A 14-digit body with its MOD 11,10 check digit.
  const registration = `33010600012345${registrationNumberCheckDigit('33010600012345')}`;

  it('checks ISO 7064 MOD 11,10 against published vectors', () => {
    expect(iso7064Mod1110Valid('794623')).toBe(true);
    expect(iso7064Mod1110Valid('002006673085')).toBe(true);
    expect(iso7064Mod1110Valid('794624')).toBe(false);
    expect(validateRegistrationNumber(registration)).toBe(true);
    expect(validateRegistrationNumber(registration.slice(0, 14) + ((Number(registration[14]) + 1) % 10))).toBe(false);
  });

  it('reports a pre-2016 licence’s 15-digit 注册号 as its code, flagged for the clerk', () => {
    const doc = readOne(
      licence([
        [[200, `注册号 ${registration}`]],
        [
          [200, '名称'],
          [420, company.name],
        ],
        [
          [200, '住所'],
          [420, '浙江省杭州市西湖区文三路90号'],
        ],
        [
          [200, '法定代表人姓名'],
          [520, '李建国'],
        ],
        [
          [200, '成立日期'],
          [420, '二〇一三年三月廿二日'],
        ],
      ]),
    );
    expect(doc.fields.creditCode.value).toBe(registration);
    expect(doc.fields.creditCode.issues).toContain('credit_code_is_registration_number');
    expect(doc.fields.creditCode.needsReview).toBe(true);
    expect(doc.fields.establishedDate.value).toBe('2013-03-22');
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
  });

  it('flags a 注册号 whose check digit fails', () => {
    const wrong = registration.slice(0, 14) + ((Number(registration[14]) + 1) % 10);
    const doc = readOne(
      licence([
        [[200, `注册号：${wrong}`]],
        [
          [200, '名称'],
          [420, company.name],
        ],
      ]),
    );
    expect(doc.fields.creditCode.issues).toContain('registration_number_checksum_failed');
    expect(doc.fields.creditCode.needsReview).toBe(true);
  });

  it('reads an individual business licence (经营者, 组成形式, 经营场所, 注册日期)', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${creditCode('MA2AB3C4D', '330106')}`]],
        [
          [200, '名称'],
          [420, '杭州西湖区晓明小吃店'],
        ],
        [
          [200, '经营者'],
          [420, '吕伊君'],
          [1300, '组成形式'],
          [1520, '个人经营'],
        ],
        [
          [200, '经营场所'],
          [420, '浙江省杭州市西湖区文一路8号'],
        ],
        [
          [200, '注册日期'],
          [420, '2013年03月22日'],
          [1300, '发照日期'],
          [1520, '2019年07月01日'],
        ],
      ]),
    );
    expect(doc.fields.companyName.value).toBe('杭州西湖区晓明小吃店');
    expect(doc.fields.legalRepresentative.value).toBe('吕伊君');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文一路8号');
    expect(doc.fields.establishedDate.value).toBe('2013-03-22');
  });

  it('does not take a number printed beside the credit code as part of it', () => {
    const doc = readOne(
      licence([
        [
          [200, `统一社会信用代码 ${company.code}(1-1)`],
          [1500, '证照编号：33010600000012345'],
        ],
        [
          [200, '名称'],
          [420, company.name],
        ],
      ]),
    );
    expect(doc.fields.creditCode.value).toBe(company.code);
    expect(doc.fields.creditCode.needsReview).toBe(false);
  });

  it('reads a branch licence (负责人, 营业场所)', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [
          [200, '名称'],
          [420, '杭州西子智能科技有限公司西湖分公司'],
        ],
        [
          [200, '负责人'],
          [420, '陈鸣'],
        ],
        [
          [200, '营业场所'],
          [420, '浙江省杭州市西湖区文三路90号'],
        ],
      ]),
    );
    expect(doc.fields.legalRepresentative.value).toBe('陈鸣');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });
});

describe('dates in Chinese numerals', () => {
  it('reads 廿 and 卅', () => {
    expect(parseDate('二〇一三年三月廿二日')).toBe('2013-03-22');
    expect(parseDate('二〇一三年十月卅一日')).toBe('2013-10-31');
    expect(parseDate('二〇一三年二月卅日')).toBeNull();
  });
});

describe('text printed over fields', () => {
  it('keeps a watermark placed right after a value out of the value', () => {
    const doc = readOne(
      licence([
        [[200, `统一社会信用代码 ${company.code}`]],
        [
          [200, '名称'],
          [420, `${company.name}仅限办理技能补贴使用`],
        ],
        [
          [200, '住所'],
          [420, '浙江省杭州市西湖区文三路90号 与原件一致'],
        ],
      ]),
    );
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });

  it('reads a value printed a few millimetres off its label’s row', () => {
    const b = new PageBuilder({ width: 2339, height: 1654 }).title('职业技能等级证书');
    b.at(300, 400, '姓名').at(520, 428, person.name); // dot-matrix fill-in below the label's baseline
    b.at(300, 520, '证件号码').at(520, 494, person.id); // and one above
    b.at(300, 640, '职业名称').at(520, 640, '电工');
    const doc = readOne(b.build());
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});

describe('names', () => {
  it('never shortens a name ending in a character that is also a form of address', () => {
    const doc = readOne(skillLevelCertificatePage({ name: '吕伊君' }));
    expect(doc.fields.holderName.value).toBe('吕伊君');
  });

  it('still drops a form of address set after the name', () => {
    const doc = readOne(skillLevelCertificatePage({ name: '王晓明 同志' }));
    expect(doc.fields.holderName.value).toBe('王晓明');
  });
});

describe('masked fields', () => {
  it('reports an ID number with digits barred out as missing and flagged', () => {
    const doc = readOne(skillLevelCertificatePage({ id: '330106********1234' }));
    expect(doc.fields.idNumber.value).toBeNull();
    expect(doc.fields.idNumber.needsReview).toBe(true);
    expect(doc.fields.idNumber.issues).toContain('value_masked');
  });

  it('reports a name partly barred out as missing, never what is left of it', () => {
    const doc = readOne(skillLevelCertificatePage({ name: '王*明' }));
    expect(doc.fields.holderName.value).toBeNull();
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('does not take a minority name’s separator dot for a mask', () => {
    const doc = readOne(skillLevelCertificatePage({ name: '买买提•艾力' }));
    expect(doc.fields.holderName.value).not.toBeNull();
  });
});

describe('social-insurance rows whose order means nothing', () => {
  it('takes the current employer from the row that covers the last month, wherever it is printed', () => {
    const doc = readOne(
      socialInsurancePage({
        rows: [
          ['杭州西子智能科技有限公司', '2019-01', '2021-12', 36],
          ['杭州东方电子有限公司', '2015-03', '2016-06', 16],
          ['杭州钱塘机械制造有限公司', '2016-09', '2018-12', 28],
        ],
      }),
    );
    expect(doc.fields.employerName.value).toBe('杭州西子智能科技有限公司');
    expect(doc.fields.periodStart.value).toBe('2015-03');
    expect(doc.fields.periodEnd.value).toBe('2021-12');
    expect(doc.fields.monthsPaid.value).toBe(80);
  });
});

void residentId;
