import { LABEL_GROUP_OF, LABELS_BY_FIRST_CHAR } from './labels.js';
import type { LabelHit, LayoutLine } from './page-layout.js';
import { centreY } from './line-geometry.js';

/** One Chinese character, optionally its colon, optionally the value after it (`至`, `至:`, `至2023年08月20日`). */
const TAIL = /^([\u3400-\u9fff])(:?)(.*)$/u;

/**
 * Joins a label the engine boxed in two at its last character (`合同期限` | `至`, `合同期限` | `至:2023年…`): a box that
 * ends with a whole label, and tight after it on its row a box opening with one character that makes a longer label
 * of another group (`合同期限` names the term, `合同期限至` its end). Left apart, the first box is read as the term's
 * label and the lone character is looked past, so the end date had no label at all. The tail must touch the label
 * (a gap under half a character, or no wider than the label's own letter-spacing): a character further off is a
 * value or a mark of its own.
 *
 * `findHits` is passed in (it lives with the layout) to read the joined line's labels again.
 *
 * @example
 * joinLabelTails(lines, findHits); // `合同期限` + `至` → one line `合同期限至`, a hit of the end date's label
 */
export function joinLabelTails(lines: LayoutLine[], findHits: (text: string) => LabelHit[]): void {
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    const hit = a.hits[a.hits.length - 1];
    if (!hit || hit.otherParty || a.text.slice(hit.end).trim() !== '') continue;
    const h = a.box.height;
    const right = a.box.x + a.box.width;
    // A label letter-spaced across its cell leaves its characters' spacing before the tail too.
    const reach = Math.max(h * 0.5, a.box.width / Math.max(1, a.flat.length) - h * 0.5);
    const b = lines.find(
      (o) =>
        o !== a &&
        o.page === a.page &&
        o.half === a.half &&
        o.hits.length === 0 &&
        Math.abs(centreY(o) - centreY(a)) < Math.min(h, o.box.height) * 0.5 &&
        o.box.x - right > -h * 0.5 &&
        o.box.x - right < reach,
    );
    const tail = b ? TAIL.exec(b.flat) : null;
    if (!b || !tail) continue;
    const form = a.text.slice(hit.start, hit.end) + tail[1];
    const group = LABEL_GROUP_OF.get(form);
    // The tail makes a label of another group, or completes the one read with its last character lost (`劳动者姓` |
    // `名`, whose `名` would otherwise be taken for the value's head).
    const completes = hit.fuzzy === true && form === hit.form;
    if (!group || (group === LABEL_GROUP_OF.get(hit.form) && !completes)) continue;
    const text = `${a.text}${tail[1]}${tail[2] || (tail[3] ? ' ' : '')}${tail[3]}`;
    const hits = findHits(text);
    if (!hits.some((x) => x.form === form && x.end === a.text.length + 1)) continue;
    const top = Math.min(a.box.y, b.box.y);
    const bottom = Math.max(a.box.y + a.box.height, b.box.y + b.box.height);
    a.box = { x: a.box.x, y: top, width: b.box.x + b.box.width - a.box.x, height: bottom - top };
    const oTop = Math.min(a.original.y, b.original.y);
    const oBottom = Math.max(a.original.y + a.original.height, b.original.y + b.original.height);
    a.original = { x: a.original.x, y: oTop, width: b.original.x + b.original.width - a.original.x, height: oBottom - oTop };
    a.raw = `${a.raw}${b.raw}`;
    a.text = text;
    a.flat = text.replace(/\s+/g, '');
    a.confidence = Math.min(a.confidence, b.confidence);
    a.chars = a.chars && b.chars ? [...a.chars, ...b.chars] : undefined;
    a.hits = hits;
    lines.splice(lines.indexOf(b), 1);
  }
}

/**
 * A longer label that lost its last character where a shorter one stands whole inside it (`用人单位名：` for
 * `用人单位名称`, `乙方(劳动者)姓` ending its box for `乙方(劳动者)姓名`): the character after the short label, then a
 * colon, a space or the box's end, with exactly one label spelled by the two plus one more character. Left as read,
 * the short label took `名：杭州…` as its value. Returns the longer form and where it ends in `text`.
 *
 * @example
 * labelLostLastCharacter('用人单位名:杭州西溪科技有限公司', 0, 4); // { form: '用人单位名称', end: 5 }
 * labelLostLastCharacter('姓名:王晓明', 0, 2); // undefined
 */
export function labelLostLastCharacter(text: string, at: number, end: number): { form: string; end: number } | undefined {
  if (!/[\u3400-\u9fff]/u.test(text[end] ?? '') || !(end + 1 === text.length || /[:\s(]/.test(text[end + 1]))) return undefined;
  const head = text.slice(at, end + 1);
  const forms = (LABELS_BY_FIRST_CHAR.get(text[at]) ?? []).filter((l) => l.form.length === head.length + 1 && l.form.startsWith(head));
  return forms.length === 1 ? { form: forms[0].form, end: end + 1 } : undefined;
}
