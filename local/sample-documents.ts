/**
 * Sample claim documents for trying the embedded stack, the end-to-end test and the pipeline benchmark: a scanned
 * vocational certificate (a PNG rendered from SVG with the installed CJK fonts, as a flatbed scan of a printed page
 * looks to OCR) and a digital labour contract (a PDF with a real text layer, drawn by mupdf). The facts are fictional
 * but valid: the ID number, credit code and certificate number carry correct check characters.
 */
import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { buildSkillLevelCertificateNumber } from '../shared/extraction/certificate-number.js';
import { creditCodeCheckCharacter } from '../shared/extraction/credit-code.js';
import { residentIdCheckCharacter } from '../shared/extraction/resident-id.js';

/** The facts one sample claim prints: one person, one employer, one certificate, one contract. */
export interface SampleClaim {
  personName: string;
  idNumber: string;
  employerName: string;
  creditCode: string;
  occupation: string;
  /** 1 = 高级技师 … 5 = 初级工. */
  level: number;
  certificateNumber: string;
  /** YYYY-MM-DD */
  issueDate: string;
  issuer: string;
  contractStart: string;
  contractEnd: string;
  signedDate: string;
}

const LEVEL_TEXT: Record<number, string> = { 1: '一级/高级技师', 2: '二级/技师', 3: '三级/高级工', 4: '四级/中级工', 5: '五级/初级工' };
const NAMES = ['王晓明', '李建国', '陈思远', '张丽华', '刘海燕', '周志强', '吴佳琪', '徐文辉'];
const OCCUPATIONS = ['电工', '焊工', '育婴员', '养老护理员', '中式烹调师', '茶艺师', '汽车维修工', '数控车工'];
const EMPLOYERS = ['杭州西溪智能科技有限公司', '杭州文三电子设备有限公司', '杭州之江建设工程有限公司', '杭州龙井茶业有限公司'];

/**
 * The facts of sample claim number `n` (deterministic, so runs can be compared).
 *
 * @example
 * sampleClaim(0).personName; // '王晓明'
 */
export function sampleClaim(n = 0): SampleClaim {
  const birth = `19${80 + (n % 15)}0${1 + (n % 9)}1${n % 10}`;
  const first17 = `330106${birth}${String(100 + (n % 900)).padStart(3, '0')}`;
  const creditFirst17 = `91330106MA2${String(100000 + n).slice(-6)}0${String(n % 100).padStart(2, '0')}`.slice(0, 17);
  const level = 1 + (n % 5);
  return {
    personName: NAMES[n % NAMES.length],
    idNumber: first17 + residentIdCheckCharacter(first17),
    employerName: EMPLOYERS[n % EMPLOYERS.length],
    creditCode: creditFirst17 + creditCodeCheckCharacter(creditFirst17),
    occupation: OCCUPATIONS[n % OCCUPATIONS.length],
    level,
    certificateNumber: buildSkillLevelCertificateNumber({ assessor: 'S', organisationCode: '330106000123', year: 2021, level, serial: 1000 + n }),
    issueDate: '2021-06-18',
    issuer: '杭州市西湖区职业技能培训学校',
    contractStart: '2020-03-01',
    contractEnd: '2023-02-28',
    signedDate: '2020-02-25',
  };
}

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A scanned vocational skill-level certificate page as a PNG (A4 at `dpi`, greyish paper, dark ink).
 *
 * @example
 * const png = await renderCertificateScan(sampleClaim(0));
 */
export async function renderCertificateScan(claim: SampleClaim, options: { dpi?: number } = {}): Promise<Uint8Array> {
  const dpi = options.dpi ?? 150;
  const width = Math.round((210 / 25.4) * dpi);
  const height = Math.round((297 / 25.4) * dpi);
  const unit = width / 100;
  const line = (y: number, text: string, size = 3.2, anchor = 'start', x = 14) =>
    `<text x="${x * unit}" y="${y * unit}" font-size="${size * unit}" text-anchor="${anchor}">${escapeXml(text)}</text>`;
  const rows: Array<[string, string]> = [
    ['姓名', claim.personName],
    ['身份证号', claim.idNumber],
    ['职业（工种）', claim.occupation],
    ['职业技能等级', LEVEL_TEXT[claim.level]],
    ['证书编号', claim.certificateNumber],
    ['发证日期', cnDate(claim.issueDate)],
    ['评价机构', claim.issuer],
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#f3f1ea"/>
  <rect x="${6 * unit}" y="${6 * unit}" width="${88 * unit}" height="${129 * unit}" fill="none" stroke="#8a6d3b" stroke-width="${0.6 * unit}"/>
  <g font-family="Noto Serif CJK SC, Noto Sans CJK SC, WenQuanYi Zen Hei" fill="#1c1c1c">
    ${line(24, '职业技能等级证书', 6.5, 'middle', 50)}
    ${line(31, 'VOCATIONAL SKILL LEVEL CERTIFICATE', 2.4, 'middle', 50)}
    ${rows.map(([label, value], i) => line(46 + i * 8, `${label}：${value}`, 3.4)).join('\n    ')}
    ${line(112, '经评价，该同志达到上述职业技能等级要求，特发此证。', 3)}
    ${line(124, '（评价机构盖章）', 3, 'end', 86)}
  </g>
</svg>`;
  // A touch of blur and grey is what a 150 dpi flatbed scan of a printed certificate looks like to OCR. Opaque, as a
  // scan is: the rendered SVG would otherwise carry an alpha channel no scanner produces.
  const png = await sharp(Buffer.from(svg)).blur(0.6).greyscale().flatten({ background: '#ffffff' }).png({ compressionLevel: 6 }).toBuffer();
  return new Uint8Array(png);
}

function utf16Hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex');
}

/**
 * A digital labour contract (劳动合同) PDF with a text layer; `pages` ≥ 1 (later pages carry the usual clauses).
 *
 * @example
 * const pdf = makeLaborContractPdf(sampleClaim(0), { pages: 3 });
 */
export function makeLaborContractPdf(claim: SampleClaim, options: { pages?: number } = {}): Uint8Array {
  const pageCount = Math.max(1, options.pages ?? 2);
  const document = new mupdf.PDFDocument();
  try {
    const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
    const resources = document.addObject({ Font: { F1: font } });
    const a4: [number, number, number, number] = [0, 0, 595, 842];
    const draw = (runs: Array<[number, string, number?]>) =>
      runs.map(([y, text, size]) => `BT /F1 ${size ?? 12} Tf 72 ${842 - y} Td <${utf16Hex(text)}> Tj ET`).join('\n');
    const signature: Array<[number, string, number?]> = [
      [640, `甲方（盖章）：${claim.employerName}`],
      [670, `乙方（签字）：${claim.personName}`],
      [700, `签订日期：${cnDate(claim.signedDate)}`],
    ];
    const first = draw([
      [90, '劳动合同', 22],
      [130, `甲方（用人单位）：${claim.employerName}`],
      [150, `统一社会信用代码：${claim.creditCode}`],
      [170, '住所：浙江省杭州市西湖区文三路 90 号'],
      [200, `乙方（劳动者）：${claim.personName}`],
      [220, `身份证号码：${claim.idNumber}`],
      [250, '第一条 合同期限'],
      [270, `本合同为固定期限劳动合同，自${cnDate(claim.contractStart)}起至${cnDate(claim.contractEnd)}止。`],
      [300, '第二条 工作内容和工作地点'],
      [320, `乙方同意根据甲方工作需要，担任${claim.occupation}岗位工作，工作地点为杭州市西湖区。`],
      ...(pageCount === 1 ? signature : []),
    ]);
    document.insertPage(-1, document.addPage(a4, 0, resources, first));
    const clauses = ['第三条 工作时间和休息休假', '第四条 劳动报酬', '第五条 社会保险和福利待遇', '第六条 劳动保护和劳动条件', '第七条 合同的变更、解除和终止'];
    for (let page = 2; page <= pageCount; page += 1) {
      const isLast = page === pageCount;
      const runs: Array<[number, string, number?]> = clauses.flatMap(
        (clause, i): Array<[number, string, number?]> => [
          [90 + i * 100, clause],
          [110 + i * 100, '甲乙双方按照国家和浙江省有关规定执行，具体约定如下。'],
          [130 + i * 100, '甲方依法为乙方缴纳社会保险费，乙方个人缴纳部分由甲方代扣代缴。'],
        ],
      );
      if (isLast) runs.push(...signature);
      document.insertPage(-1, document.addPage(a4, 0, resources, draw(runs)));
    }
    return document.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    document.destroy();
  }
}

/**
 * A digital vocational skill-level certificate (职业技能等级证书) as a one-page PDF with a text layer: what an
 * evaluation body's certificate system exports, and what most of a training body's batch is.
 *
 * @example
 * const pdf = makeCertificatePdf(sampleClaim(0));
 */
export function makeCertificatePdf(claim: SampleClaim): Uint8Array {
  const document = new mupdf.PDFDocument();
  try {
    const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
    const resources = document.addObject({ Font: { F1: font } });
    const rows: Array<[number, string, number?]> = [
      [110, '职业技能等级证书', 24],
      [160, `姓名：${claim.personName}`],
      [185, `身份证号：${claim.idNumber}`],
      [210, `职业（工种）：${claim.occupation}`],
      [235, `职业技能等级：${LEVEL_TEXT[claim.level]}`],
      [260, `证书编号：${claim.certificateNumber}`],
      [285, `发证日期：${cnDate(claim.issueDate)}`],
      [310, `评价机构：${claim.issuer}`],
      [360, '经评价，该同志达到上述职业技能等级要求，特发此证。'],
    ];
    const content = rows.map(([y, text, size]) => `BT /F1 ${size ?? 14} Tf 72 ${842 - y} Td <${utf16Hex(text)}> Tj ET`).join('\n');
    document.insertPage(-1, document.addPage([0, 0, 595, 842], 0, resources, content));
    return document.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    document.destroy();
  }
}
