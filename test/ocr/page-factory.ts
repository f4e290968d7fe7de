import sharp from 'sharp';

export interface PageText {
  text: string;
  x: number;
  y: number;
  size?: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A scanned-looking page: dark text in Noto Sans CJK on white, drawn from SVG by sharp (librsvg + fontconfig use the
 * installed CJK fonts). `skewDegrees` turns the text slightly, as a page fed crookedly into a scanner.
 */
export async function renderTextPage(
  texts: PageText[],
  options: { width?: number; height?: number; skewDegrees?: number } = {},
): Promise<Buffer> {
  const width = options.width ?? 900;
  const height = options.height ?? 520;
  const skew = options.skewDegrees ?? 0;
  const body = texts
    .map(
      (t) =>
        `<text x="${t.x}" y="${t.y}" font-family="Noto Sans CJK SC" font-size="${t.size ?? 34}" fill="#1a1a1a">${escapeXml(t.text)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <g transform="rotate(${skew} ${width / 2} ${height / 2})">${body}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The certificate excerpt the OCR tests read: a name, an ID number and a date. */
export const certificateLines: PageText[] = [
  { text: '职业技能等级证书', x: 300, y: 80, size: 40 },
  { text: '姓名：王晓明', x: 80, y: 180 },
  { text: '证件号码：330106199001011234', x: 80, y: 260 },
  { text: '发证日期：2021年06月18日', x: 80, y: 340 },
  { text: '发证机构：杭州市西湖区职业技能鉴定中心', x: 80, y: 420 },
];

export const certificateTexts = certificateLines.map((line) => line.text);
