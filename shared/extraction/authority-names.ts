/**
 * The names of the public authorities that issue vocational certificates (issue 12, issuers under red seals). Such a
 * name is a place and a body set by law (`杭州市` + `人力资源和社会保障局`, `浙江省` + `应急管理厅`), so an issuer the
 * engine misread by a character or two (`杭州市人分资源和社会保障局`, a seal's red over `力`), or read with a stray
 * word glued on (`业务专用章浙江省…厅`, `…指导中心杭州`), is the one authority's name it lies nearest, when exactly one
 * lies that near. The name so found is a correction the clerk confirms, never a reading.
 */

/** Zhejiang's cities, under the province. */
const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
/** Hangzhou's districts and counties (the bureau's own city), printed with or without the city before them. */
const HANGZHOU_DISTRICTS = ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市'];

/** Bodies of a province (厅) and of a city, district or county (局); the guidance centres are named alike at both. */
// `职业技能鉴定中心` is a body of its own beside `…鉴定指导中心`: listed so that neither is taken for the other.
const CENTRES = ['职业技能鉴定指导中心', '职业技能鉴定中心', '职业能力建设指导服务中心'];
const PROVINCE_BODIES = ['人力资源和社会保障厅', '应急管理厅', ...CENTRES, '市场监督管理局'];
const LOCAL_BODIES = ['人力资源和社会保障局', '应急管理局', ...CENTRES, '市场监督管理局'];
// Only in full: a bare `人力资源和社会保障部` would lie one character from any bureau whose place was lost.
const NATIONAL = ['中华人民共和国人力资源和社会保障部', '中华人民共和国应急管理部'];

const LOCAL_PLACES = [...CITIES, ...HANGZHOU_DISTRICTS.flatMap((d) => [`杭州市${d}`, d])];

/** Every authority name known, longest first. */
export const AUTHORITY_NAMES: readonly string[] = [
  ...NATIONAL,
  ...PROVINCE_BODIES.map((b) => `浙江省${b}`),
  ...LOCAL_PLACES.flatMap((p) => LOCAL_BODIES.map((b) => `${p}${b}`)),
].sort((a, b) => b.length - a.length);

/** Issue on an issuer read as the authority's name it lies nearest: a correction, for the clerk to confirm. */
export const AUTHORITY_NAME_INFERRED = 'authority_name_inferred';
/** The reason recorded with such a correction (`correction.reason`). */
export const AUTHORITY_NAME_CORRECTION = 'ocr_misread_fixed_authority_name';

/**
 * Edits that turn `read` into `name`, where characters before and after the name in `read` cost nothing (a word glued
 * on either side); `read` must still hold at least half of the name's characters in order.
 */
function editsWithin(read: string, name: string): number {
  const n = read.length;
  const m = name.length;
  // prev[j]: the edits aligning name[0..j) to a text of read ending at the current position.
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let best = ORGANISATION_END.test(read) ? Infinity : prev[m];
  for (let i = 1; i <= n; i++) {
    const cur = [0];
    for (let j = 1; j <= m; j++) {
      const same = read[i - 1] === name[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j - 1] + same, prev[j] + 1, cur[j - 1] + 1);
    }
    // What follows the name in `read` is a stray word, not more of an organisation's name (`…保障厅职业技能鉴定中心`
    // is a body of its own, not the 厅).
    if (!ORGANISATION_END.test(read.slice(i))) best = Math.min(best, cur[m]);
    prev = cur;
  }
  return best;
}

/** How the name of an organisation or of one of its departments ends. */
const ORGANISATION_END = /(中心|局|厅|部|处|科|站|所|院|校|会|司|室|队)$/;

/** How many edits a name of this length may be away: one in up to ten characters, two from eleven on. */
function allowedEdits(name: string): number {
  return name.length >= 11 ? 2 : 1;
}

/** Fewest characters of an authority's name read right at its head (its place) and at its end (its body). */
const ANCHOR_HEAD = 4;
const ANCHOR_END = 5;
/** Most characters of the name between the two that may be misread, lost or run together. */
const MISREAD_MIDDLE = 4;

/**
 * The one authority whose place `read` opens with and whose body it ends with, the few characters between misread
 * past the edits `nearestAuthorityName` allows (`杭州市西湖务专源和社会保障局`: 区人力资 read 务专, four edits in
 * sixteen). The head (at least four characters, so the district too) and the end (at least five) must be read right;
 * what lies between may be no longer than the name's own middle and one more, so another body or a school named
 * between a place and a body's words (`杭州市西湖区东方红职业技能鉴定中心`) is never taken for one.
 */
function anchoredAuthorityName(read: string): string | undefined {
  const found = AUTHORITY_NAMES.filter((name) => {
    let head = 0;
    while (head < Math.min(read.length, name.length) && read[head] === name[head]) head++;
    let end = 0;
    while (end < Math.min(read.length, name.length) - head && read[read.length - 1 - end] === name[name.length - 1 - end]) end++;
    const middle = name.length - head - end;
    return head >= ANCHOR_HEAD && end >= ANCHOR_END && middle <= MISREAD_MIDDLE && read.length - head - end <= middle + 1;
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The one authority's name `read` lies within a character or two of (stray words before or after it ignored; `hidden`
 * more where the name was read in pieces with room for that many characters between them), or
 * `undefined` when `read` already is one, when none lies that near, or when two lie equally near (`州市人力资源…局`:
 * 杭州市, 温州市 or 台州市).
 *
 * @example
 * nearestAuthorityName('杭州市人分资源和社会保障局'); // '杭州市人力资源和社会保障局'
 * nearestAuthorityName('州市人力资源和社会保障局'); // undefined (杭州, 温州, 台州 …)
 * nearestAuthorityName('杭州西溪职业技术培训中心'); // undefined (no authority)
 */
export function nearestAuthorityName(read: string, hidden = 0): string | undefined {
  if (AUTHORITY_NAMES.includes(read)) return undefined;
  let best = Infinity;
  let found: string[] = [];
  for (const name of AUTHORITY_NAMES) {
    // Characters a seal hid between the pieces the name was read in may be missing too, and no more.
    const allowed = allowedEdits(name) + hidden;
    // Nothing far shorter than a name can be it, however few its edits look.
    if (read.length < name.length - allowed) continue;
    const edits = editsWithin(read, name);
    if (edits > allowed) continue;
    if (edits < best) {
      best = edits;
      found = [name];
    } else if (edits === best) found.push(name);
  }
  // A district's body named with and without its city (`杭州市西湖区…局`, `西湖区…局`) is one authority: the full name.
  found = found.filter((name) => !found.some((other) => other !== name && other.endsWith(name)));
  if (found.length === 0) return anchoredAuthorityName(read);
  if (found.length !== 1) return undefined;
  // A district's body found past words that open like its city (`杭康商湖区…局`: 杭州市西湖区, the 州市西 misread) is
  // the full name: the city is printed before it, read too badly to count.
  const district = HANGZHOU_DISTRICTS.find((d) => found[0].startsWith(d));
  const cityRead = district !== undefined && read.startsWith('杭') && !read.startsWith(district);
  return cityRead ? `杭州市${found[0]}` : found[0];
}
