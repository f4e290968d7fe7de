/**
 * Fill-in-the-blank forms print each value on an underline; on a scan the engine reads the underline's ends, and
 * the letter-spacing of a label set over one, as `_` (`营业场所_浙江省…`, `业名_称_浙江…`, `资格等级_五级`). No value
 * holds an underscore: it is spacing, so labels and values either side of it are read as if a space stood there.
 *
 * @example
 * underlinesAsSpaces('企业名_称_杭州青禾文化传媒有限公司'); // '企业名 称 杭州青禾文化传媒有限公司'
 */
export function underlinesAsSpaces(text: string): string {
  // Right after a colon the underline is the blank's start: kept, as it holds the value's place in the box (where a
  // value starts is estimated from its characters' count), and values are trimmed of it.
  return text.replace(/(^|[^:：_＿])[_＿]+/g, '$1 ');
}
