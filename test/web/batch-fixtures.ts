/**
 * Factories for the batch upload page test: digital certificate PDFs (a text layer, so the pipeline reads them without
 * OCR) for roster people, and a ZIP of them as an institution would pack it.
 */
import * as mupdf from 'mupdf';
import yazl from 'yazl';
import type { RosterPerson } from '../batches/roster-factory.js';

/** PDF text strings in UTF-16BE hex, which a CJK font's Identity-H encoding takes. */
const utf16Hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');

/**
 * A one-page 职业技能等级证书 with the person's values as real text.
 *
 * @example
 * const pdf = digitalCertificatePdf(people(1)[0]);
 */
export function digitalCertificatePdf(person: RosterPerson): Uint8Array {
  const document = new mupdf.PDFDocument();
  const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
  const resources = document.addObject({ Font: { F1: font } });
  const issue = person.issueDate instanceof Date ? person.issueDate : new Date(String(person.issueDate));
  const lines: [string, number, number][] = [
    ['职业技能等级证书', 24, 200],
    [`姓名：${person.name}`, 14, 300],
    [`身份证号：${person.idNumber}`, 14, 330],
    [`职业（工种）：${person.occupation}`, 14, 360],
    [`等级：${person.level}`, 14, 390],
    [`证书编号：${person.certificateNumber}`, 14, 420],
    [`发证日期：${issue.getUTCFullYear()}年${String(issue.getUTCMonth() + 1).padStart(2, '0')}月${String(issue.getUTCDate()).padStart(2, '0')}日`, 14, 450],
    ['评价机构：杭州西湖职业培训学校', 14, 480],
  ];
  const content = lines.map(([text, size, y]) => `BT /F1 ${size} Tf 72 ${842 - y} Td <${utf16Hex(text)}> Tj ET`).join('\n');
  document.insertPage(-1, document.addPage([0, 0, 595, 842], 0, resources, content));
  const bytes = document.saveToBuffer('compress').asUint8Array().slice();
  document.destroy();
  return bytes;
}

/**
 * A ZIP of named entries.
 *
 * @example
 * const zip = await zipOf([{ name: '证书/1.pdf', bytes }]);
 */
export async function zipOf(entries: { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(Buffer.from(entry.bytes), entry.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
