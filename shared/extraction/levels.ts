/**
 * Certificate levels. 1–5 are the levels the policy pays for (1 = 一级/高级技师 … 5 = 五级/初级工); the levels added
 * in 2022 are recognised as their own string values so rules can decline them explicitly (POLICY.md).
 */
export const CertificateLevel = {
  apprentice: 'apprentice', // 学徒工
  principalTechnician: 'principal_technician', // 特级技师
  chiefTechnician: 'chief_technician', // 首席技师
} as const;
export type CertificateLevelValue = 1 | 2 | 3 | 4 | 5 | (typeof CertificateLevel)[keyof typeof CertificateLevel];

export interface ParsedLevel {
  value: CertificateLevelValue;
  /** True when the text names the level twice and both agree (`二级/技师`, `国家职业资格二级(技师)`). */
  corroborated: boolean;
  /** True when the text names two different levels (`二级/高级工`). */
  inconsistent: boolean;
}

const NUMERAL: Record<string, 1 | 2 | 3 | 4 | 5> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

/**
 * Reads a level in any printed form: 一级/高级技师/国家职业资格一级 → 1, 二级/技师 → 2, 三级/高级工 → 3, 四级/中级工 → 4,
 * 五级/初级工 → 5; 学徒工, 特级技师, 首席技师 → their own values. Returns null when no level is named.
 *
 * @example
 * parseLevel('二级/技师'); // { value: 2, corroborated: true, inconsistent: false }
 */
export function parseLevel(text: string): ParsedLevel | null {
  const t = text.replace(/\s+/g, '');
  if (t.includes('首席技师')) return { value: CertificateLevel.chiefTechnician, corroborated: false, inconsistent: false };
  if (t.includes('特级技师')) return { value: CertificateLevel.principalTechnician, corroborated: false, inconsistent: false };
  if (t.includes('学徒工')) return { value: CertificateLevel.apprentice, corroborated: false, inconsistent: false };
  const named: number[] = [];
  const byTitle = /高级技师|技师|高级工|中级工|初级工/.exec(t);
  if (byTitle) {
    named.push({ 高级技师: 1, 技师: 2, 高级工: 3, 中级工: 4, 初级工: 5 }[byTitle[0]] as number);
  }
  const byNumber = /([一二三四五1-5])\s*级/.exec(t);
  if (byNumber) named.push(NUMERAL[byNumber[1]]);
  if (named.length === 0) {
    // Older booklets print the grade word alone (`等级:高级`): 高级 = 高级工 (3), 中级 = 中级工 (4), 初级 = 初级工 (5).
    const grade = /^(高级|中级|初级)$/.exec(t.replace(/[()（）]/g, ''));
    if (!grade) return null;
    return { value: ({ 高级: 3, 中级: 4, 初级: 5 } as const)[grade[1] as '高级' | '中级' | '初级'], corroborated: false, inconsistent: false };
  }
  const value = named[0] as 1 | 2 | 3 | 4 | 5;
  const preferred = (byNumber ? NUMERAL[byNumber[1]] : value) as 1 | 2 | 3 | 4 | 5;
  return {
    value: preferred,
    corroborated: named.length === 2 && named[0] === named[1],
    inconsistent: named.length === 2 && named[0] !== named[1],
  };
}
