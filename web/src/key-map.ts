/**
 * Every key of the case view in one list: the `?` overlay shows it, the handlers are checked against it, and a test
 * holds it against the keys the browser keeps for itself. Alt+D (address bar), Alt+E / Alt+F (Chromium's menu on
 * Linux and Windows) and Ctrl+W/T/L/R/N are the browser's: a page that binds them either loses the key or takes it
 * from the clerk.
 */

/** One binding as the overlay shows it. `keys` is in Playwright's notation (`Alt+b`, `PageDown`). */
export interface KeyBinding {
  keys: string;
  zh: string;
  /** Only outside a text field (single characters would otherwise be typed into the field). */
  outsideFields?: boolean;
}

/**
 * The case view's keys.
 *
 * @example
 * CASE_KEYS.find((k) => k.keys === 'Alt+b')?.zh; // '要求补件'
 */
export const CASE_KEYS: readonly KeyBinding[] = [
  { keys: 'Enter', zh: '接受当前字段并跳到下一个待核对字段' },
  { keys: 'Tab', zh: '下一个字段或操作' },
  { keys: 'Control+Enter', zh: '确认并领取下一件（对话框中：提交）' },
  { keys: 'Alt+j', zh: '补录核对结果（居住证、本地就业等）' },
  { keys: 'Alt+y', zh: '处理疑点' },
  { keys: 'Alt+k', zh: '人工分类（未分类案件）' },
  { keys: 'Alt+g', zh: '调整材料分页（拆分、合并）' },
  { keys: 'Alt+n', zh: '不予补贴' },
  { keys: 'Alt+r', zh: '退回' },
  { keys: 'Alt+b', zh: '要求补件' },
  { keys: 'Alt+l', zh: '释放回队列' },
  { keys: 'Alt+p', zh: '审批通过' },
  { keys: 'Alt+z', zh: '追回已拨付资金' },
  { keys: 'Alt+h', zh: '审核记录' },
  { keys: 'PageDown', zh: '下一页材料' },
  { keys: 'PageUp', zh: '上一页材料' },
  { keys: '+', zh: '放大页面', outsideFields: true },
  { keys: '-', zh: '缩小页面', outsideFields: true },
  { keys: '0', zh: '页面复原（适合宽度、不旋转）', outsideFields: true },
  { keys: 'r', zh: '页面顺时针旋转 90°', outsideFields: true },
  { keys: '?', zh: '显示 / 关闭本快捷键列表', outsideFields: true },
  { keys: 'Escape', zh: '关闭列表或对话框；否则返回队列' },
];

/**
 * Keys Chromium (and the other browsers) keep or act on before a page: binding one of them is a collision.
 *
 * @example
 * BROWSER_KEYS.includes('Alt+d'); // true: focuses the address bar
 */
export const BROWSER_KEYS: readonly string[] = [
  'Control+w',
  'Control+t',
  'Control+n',
  'Control+l',
  'Control+r',
  'Control+q',
  'Control+Tab',
  'Control+PageUp',
  'Control+PageDown',
  'Control+Shift+t',
  'Control+Shift+n',
  'Control+Shift+w',
  'Control+h',
  'Control+j',
  'Control+d',
  'Control+f',
  'Control+g',
  'Control+p',
  'Control+s',
  'Control+u',
  'Control+o',
  'Alt+d',
  'Alt+e',
  'Alt+f',
  'Alt+Home',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Alt+Tab',
  'Alt+F4',
  'F1',
  'F3',
  'F5',
  'F6',
  'F7',
  'F11',
  'F12',
];

/** The label of a binding as a person reads it (`Ctrl+Enter`, `Alt+B`). */
export function keyLabel(keys: string): string {
  return keys
    .replace('Control', 'Ctrl')
    .replace(/\+([a-z])$/, (_, c: string) => `+${c.toUpperCase()}`)
    .replace(/^([a-z])$/, (c) => c.toUpperCase());
}

/** Whether the event's target takes typed text (a single-character key then belongs to it). */
export function typingInField(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type))
  );
}
