import { describe, expect, it } from 'vitest';
import { withBoxedSpacedLabelJoined } from '../../shared/extraction/boxed-spaced-labels.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { person } from './support/documents.js';
import { enginePage, type Line } from './support/text-lines.js';

/** A line of 40-px characters, 44 px high, at (x, y). */
const at = (text: string, x: number, y: number): Line => [text, x, y, [...text].length * 40, 44];

// A letter-spaced label the engine boxed with one of its gaps kept and its last character glued to the value
// (`准操项 目熔化焊接与热切割作业` on a photo with an EXIF turn, seed 9551 of the seen certificate families, 2026-12-05
// night): the label was not found, so the operation certificate's occupation came from 作业类别 at 0.97, unflagged.
// Built on constructed OCR lines: no eval file is read here.

const TODAY = '2026-12-05';

describe('a spaced label whose last characters are glued to its value', () => {
  it('joins the label and keeps it glued to the value', () => {
    expect(withBoxedSpacedLabelJoined('准操项 目熔化焊接与热切割作业')).toBe('准操项目熔化焊接与热切割作业');
    expect(withBoxedSpacedLabelJoined('准操 项目熔化焊接与热切割作业')).toBe('准操项目熔化焊接与热切割作业');
  });

  it('joins a label of three characters the same way (`参　保　人侯辉宇`, the engine keeping one of its gaps)', () => {
    expect(withBoxedSpacedLabelJoined('参保 人侯辉宇')).toBe('参保人侯辉宇');
  });

  it("reads a record's insured person glued to the end of a spread 参保人", () => {
    // A social-insurance record photographed with an EXIF turn (seed 9575 of the seen families): `参　保　人侯辉宇`.
    const doc = extractDocuments(
      [
        enginePage([
          at('杭州市社会保险参保缴费证明(个人)', 380, 208),
          ['参　保　人侯辉宇', 131, 328, 365, 46],
          at('公民身份号码362502198112190401', 132, 407),
          at('参保状态', 131, 486),
          at('正常参保', 381, 487),
        ]),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.personName.value).toBe('侯辉宇');
  });

  it('moves a colon the engine read in a spread label’s gap to after the label', () => {
    expect(withBoxedSpacedLabelJoined('性:别女')).toBe('性别:女');
    expect(withBoxedSpacedLabelJoined('证书:号Y330106407370204597219')).toBe('证书号:Y330106407370204597219');
    expect(withBoxedSpacedLabelJoined('姓名:王晓明')).toBe('姓名:王晓明');
    expect(withBoxedSpacedLabelJoined('杭州:西溪')).toBe('杭州:西溪');
  });

  it('never reads the head of 性:别 as the end of the holder’s name above it', () => {
    // A noisy scan of a skill-level certificate (seed 9575 of the seen families): the name alone on its line under
    // 持证人姓名, then `性：别女`, read `史英性` while 性别 was no label.
    const doc = extractDocuments(
      [
        enginePage([
          at('职业技能等级证书', 497, 206),
          ['持证人姓名', 160, 366, 171, 51],
          ['史英', 164, 410, 76, 47],
          ['性：别女', 158, 460, 246, 59],
          ['出生日期1998-09-23', 166, 519, 374, 53],
          ['身份证号330105199809236443', 168, 568, 600, 62],
        ]),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.holderName.value).toBe('史英');
  });

  it('leaves a label already whole before its gap, and words that spell no label', () => {
    expect(withBoxedSpacedLabelJoined('姓名 王晓明')).toBe('姓名 王晓明');
    expect(withBoxedSpacedLabelJoined('杭州 西溪科技')).toBe('杭州 西溪科技');
    expect(withBoxedSpacedLabelJoined('王晓明 性别')).toBe('王晓明 性别');
  });

  it("reads an operation certificate's occupation beside 准操项目, not the category beside 作业类别", () => {
    const doc = extractDocuments(
      [
        enginePage([
          at('特种作业操作证', 456, 153),
          at('持证人姓名', 184, 341),
          at(person.name, 184, 385),
          at(`身份证号${person.id}`, 188, 462),
          at('作业类别', 186, 524),
          at('焊接与热切割', 349, 536),
          at('准操项 目熔化焊接与热切割作业', 590, 527),
          at('作业', 348, 583),
          at('有效期至', 190, 649),
          at('2027.11.21', 324, 651),
          at('发证日期：2021.11.22', 187, 1053),
        ]),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.certificateKind.value).toBe('special_operation');
    expect(doc.fields.occupation.value).toBe('熔化焊接与热切割作业');
  });
});
