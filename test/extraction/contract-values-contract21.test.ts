import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { scanPage, textLayerPage, type Line } from './support/text-lines.js';
import { signedContract } from './support/signed-contract.js';

// Classes found on seen-family samples (contract21, seeds 9741-9742: contract/proc-A, -C, -CS, -D, -E, -M, record
// and ID-card families on every condition). Constructed lines from the seen pages' geometry, values of their own.

const TODAY = '2026-12-06';

/** The document read from a page built by `page` (a scan unless given) holding `lines`. */
function read(lines: readonly Line[], page: (lines: readonly Line[]) => OcrPage = scanPage) {
  return extractDocuments([page(lines)], { today: TODAY })[0];
}

describe('a party’s name flush left in a grid cell wider than its neighbour’s, under a centred caption', () => {
  // A proc-E photo: captions centred in their cells over values set at each cell's left; the second cell of the
  // `法定代表人` | `乙 方` row is twice as wide, so its name starts left of the midpoint between the two captions.
  const lines: Line[] = [
    ['劳动合同（简易版）', 500, 284, 478, 54],
    ['用人单位', 657, 393, 201, 38],
    ['宁波海曙恒远物流有限公司', 341, 445, 330, 35],
    ['统一社会信用代码', 651, 534, 199, 37],
    ['91330203MA2H4K8Q1B', 340, 583, 421, 39],
    ['法定代表人', 334, 636, 195, 38],
    ['乙　方', 759, 644, 198, 34],
    ['钱立新', 333, 687, 80, 38],
    ['孙志伟', 544, 694, 79, 31],
    ['身份证号码', 647, 747, 199, 38],
    ['330106197906182448', 330, 795, 252, 34],
    ['合同起始日期', 754, 856, 198, 39],
    ['2024/3/1', 747, 925, 122, 39],
    ['签订日期：2024/2/26', 298, 1457, 228, 46],
  ];

  it('reads the name at the left of the wide cell as the employee’s, flagged', () => {
    const doc = read(lines);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('孙志伟');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('keeps the left cell’s name, starting under its own caption, from the wide cell’s caption', () => {
    // Only the legal representative's name under the row: no employee name is guessed from it.
    const doc = read(lines.filter(([text]) => text !== '孙志伟'));
    expect(doc.fields.employeeName.value).not.toBe('钱立新');
  });
});

describe('a party’s name in a text layer’s grid spaced wider than two heights from caption to value', () => {
  // A proc-E text layer: `工作岗位` `乙方` `合同类型` (the last no label of the reader's) centred over `钳工` `侯刚晓`
  // `无固定期限`, each value 2.3 caption heights under its caption's row.
  const lines: Line[] = [
    ['劳动合同', 653, 210, 327, 67],
    ['联系电话', 344, 374, 128, 32],
    ['甲方（用人单位）名称', 1086, 374, 319, 34],
    ['13822309417', 219, 468, 195, 32],
    ['宁波海曙恒远物流有限公司', 1057, 447, 384, 32],
    ['身份证号码', 328, 564, 160, 32],
    ['法定代表人', 747, 564, 160, 32],
    ['合同起始日期', 1150, 564, 192, 32],
    ['330106197906182448', 219, 636, 319, 32],
    ['钱立新', 638, 636, 96, 32],
    ['二〇二四年三月一日', 1057, 636, 287, 32],
    ['工作岗位', 344, 857, 128, 32],
    ['乙方', 795, 857, 64, 32],
    ['合同类型', 1182, 857, 128, 32],
    ['钳工', 219, 930, 64, 32],
    ['孙志伟', 638, 930, 96, 32],
    ['无固定期限', 1057, 930, 160, 32],
    ['签订日期：2024/2/26', 197, 1639, 309, 34],
  ];

  it('reads the name on the row of values under the captions beside its caption', () => {
    const doc = read(lines, textLayerPage);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('孙志伟');
  });
});

describe('a signing date whose year a seal took whole', () => {
  // A proc-A noisy scan: `签订日期：` with `年二月十二日` beside it, the year under the employer's seal; the term's
  // start read two lines up.
  const contract = (start: string, signed: readonly Line[]): Line[] => signedContract(start, signed, { employeeCaption: false });

  it('takes the year of the term’s start when the month and day fall before it, flagged', () => {
    const doc = read(
      contract('二〇二四年三月一日', [
        ['签订日期：', 188, 1517, 145, 42],
        ['年二月二十六日', 481, 1502, 202, 44],
      ]),
    );
    expect(doc.fields.signedDate.value).toBe('2024-02-26');
    expect(doc.fields.signedDate.needsReview).toBe(true);
  });

  it('takes the year before when the month and day fall after the start’s, past a mark left of the year', () => {
    const doc = read(
      contract('2024年1月8日', [
        ['签订日期：', 236, 1513, 111, 37],
        ['O', 353, 1523, 56, 27],
        ['年十二月二十八日', 440, 1522, 160, 39],
      ]),
    );
    expect(doc.fields.signedDate.value).toBe('2023-12-28');
    expect(doc.fields.signedDate.needsReview).toBe(true);
  });

  it('guesses no year when the term’s start was not read', () => {
    const lines = contract('二〇二四年三月一日', [
      ['签订日期：', 188, 1517, 145, 42],
      ['年二月二十六日', 481, 1502, 202, 44],
    ]);
    const doc = read(lines.filter(([text]) => text !== '二〇二四年三月一日'));
    expect(doc.fields.signedDate?.value ?? null).toBeNull();
  });
});
