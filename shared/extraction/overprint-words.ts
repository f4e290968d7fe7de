/** Words that stamps and site watermarks are made of (see page-layout.ts's OVERPRINT); only ever together, never a field's value. */
export const OVERPRINT_WORDS = [
  '仅限',
  '仅供',
  '使用',
  '之用',
  '复印',
  '无效',
  '审核',
  '申报',
  '办理',
  '与原件',
  '原件',
  '一致',
  '相符',
  '他用',
  '它用',
  '核验',
  '本次',
  '补贴',
];

/** The characters of those words: a stamp's or watermark's letters wherever the engine reads them. */
export const OVERPRINT_CHARS: ReadonlySet<string> = new Set([...OVERPRINT_WORDS.join('')]);
