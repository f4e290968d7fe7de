import type { Line } from './text-lines.js';

/**
 * A one-page contract as seen-family scans print it (contract19-22's pages, values of their own): the employer over
 * its label, the employee and ID, the term from `start` to no fixed end, the employer's sealing caption
 * `甲方（盖章）：` and, unless left out, the employee's `乙方（签字）：` beside it, then the lines `signed` under them.
 *
 * @example
 * signedContract('二〇二四年三月一日', [['签订日期：2024年3月1日', 188, 1517, 420, 42]], { employeeCaption: false });
 */
export function signedContract(start: string, signed: readonly Line[], options: { employeeCaption?: boolean } = {}): Line[] {
  return [
    ['劳动合同书', 607, 217, 432, 83],
    ['用人单位', 137, 382, 301, 56],
    ['宁波海曙恒远物流有限公司', 436, 363, 535, 61],
    ['乙方', 147, 714, 120, 54],
    ['孙志伟', 436, 714, 148, 54],
    ['身份证号码', 153, 777, 175, 54],
    ['330106197906182448', 451, 761, 337, 56],
    ['合同起始日期', 162, 983, 207, 55],
    [start, 460, 967, 367, 57],
    ['合同期限至', 166, 1055, 173, 53],
    ['无固定期限', 461, 1042, 175, 54],
    ['甲方（盖章）：', 183, 1441, 201, 51],
    ...(options.employeeCaption === false ? [] : ([['乙方（签字）：', 840, 1441, 201, 51]] as Line[])),
    ...signed,
  ];
}
