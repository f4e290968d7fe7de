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
export async function renderTextPage(texts: PageText[], options: { width?: number; height?: number; skewDegrees?: number } = {}): Promise<Buffer> {
  const width = options.width ?? 900;
  const height = options.height ?? 520;
  const skew = options.skewDegrees ?? 0;
  const body = texts
    .map((t) => `<text x="${t.x}" y="${t.y}" font-family="Noto Sans CJK SC" font-size="${t.size ?? 34}" fill="#1a1a1a">${escapeXml(t.text)}</text>`)
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

/**
 * A certificate page with its issuer and date at the lower right, where a seal goes: 1400 × 900 px, 30-px type.
 * `title` is printed red (as many certificates and licences print theirs): it must still be read.
 */
export const sealedPageLines: PageText[] = [
  { text: '职业技能等级证书', x: 520, y: 110, size: 44 },
  { text: '姓名：李静怡', x: 140, y: 230, size: 30 },
  { text: '公民身份号码：330106198805124321', x: 140, y: 310, size: 30 },
  { text: '职业（工种）：保育师　等级：四级', x: 140, y: 390, size: 30 },
  { text: '证书编号：S000033010600213000456', x: 140, y: 470, size: 30 },
  { text: '发证机构：杭州市西湖区职业技能鉴定中心', x: 560, y: 650, size: 30 },
  { text: '发证日期：2022年09月26日', x: 700, y: 730, size: 30 },
];

export const sealedPageTexts = sealedPageLines.map((line) => line.text);

export interface ConditionOptions {
  /** A red round seal stamped across the issuer and date lines (multiply-blended, as ink on paper). */
  seal?: boolean;
  /** A dark-blue signature stroke scrawled across the seal. */
  signature?: boolean;
  /** Print the title red. */
  redTitle?: boolean;
  /** Pixel scale of the whole page (1 = 1400 × 900). */
  scale?: number;
}

function sealSvg(cx: number, cy: number, r: number, name: string): string {
  const id = 'sealArc';
  return `<g opacity="0.9" style="mix-blend-mode:multiply" font-weight="bold">
    <defs><path id="${id}" d="M ${cx - r * 0.72} ${cy + r * 0.15} A ${r * 0.72} ${r * 0.72} 0 1 1 ${cx + r * 0.72} ${cy + r * 0.15}"/></defs>
    <circle cx="${cx}" cy="${cy}" r="${r * 0.93}" fill="none" stroke="#cc1f1f" stroke-width="${r * 0.08}"/>
    <text font-size="${r * 0.22}" fill="#cc1f1f" font-family="Noto Sans CJK SC"><textPath href="#${id}" startOffset="50%" text-anchor="middle">${escapeXml(name)}</textPath></text>
    <polygon fill="#cc1f1f" transform="translate(${cx} ${cy}) scale(${r / 36})" points="0,-16 4,-3 16,-3 6,4 10,16 0,9 -10,16 -6,4 -16,-3 -4,-3"/>
    <text x="${cx}" y="${cy + r * 0.55}" font-size="${r * 0.17}" fill="#cc1f1f" text-anchor="middle" font-family="Noto Sans CJK SC">鉴定专用章</text></g>`;
}

/**
 * The sealed certificate page as PNG, optionally with its seal, a signature over the seal and a red title: the seal
 * is drawn over the text with multiply blending, so black print under it stays black and the paper turns red.
 */
export async function renderSealedPage(options: ConditionOptions = {}): Promise<Buffer> {
  const scale = options.scale ?? 1;
  const width = Math.round(1400 * scale);
  const height = Math.round(900 * scale);
  const body = sealedPageLines
    .map((t, k) => {
      const fill = k === 0 && options.redTitle ? '#c81e1e' : '#1a1a1a';
      return `<text x="${t.x}" y="${t.y}" font-family="Noto Sans CJK SC" font-size="${t.size ?? 30}" fill="${fill}">${escapeXml(t.text)}</text>`;
    })
    .join('');
  const seal = options.seal ? sealSvg(960, 680, 150, '杭州市西湖区职业技能鉴定中心') : '';
  const signature = options.signature
    ? `<path d="M 840 760 C 880 640, 930 800, 980 690 S 1060 620, 1100 720 S 1150 700, 1180 650" fill="none" stroke="#1d2a6b" stroke-width="5" opacity="0.9"/>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1400 900">
    <rect width="100%" height="100%" fill="#ffffff"/>${body}${seal}${signature}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A faint photocopy: ink lifted to light grey, paper slightly grey (levels squeezed into 170–245). */
export async function faintCopy(png: Buffer): Promise<Buffer> {
  return sharp(png).greyscale().linear(0.3, 170).jpeg({ quality: 85 }).toBuffer();
}

/** A phone photo with a shadow: the page darkens steeply towards one side (down to ~35 % of the light). */
export async function shadowed(png: Buffer): Promise<Buffer> {
  const { width, height } = await sharp(png).metadata();
  const shade = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="1" y2="0.3">
      <stop offset="0" stop-color="#5a5a5a"/><stop offset="0.45" stop-color="#9a9a9a"/><stop offset="1" stop-color="#f2f2f2"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#s)"/></svg>`);
  return sharp(png)
    .composite([{ input: shade, blend: 'multiply' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * A booklet spread as a flatbed scans it: two pages side by side with a dark band where the binding lifted off the
 * glass (black at the fold, fading out over ~8 % of the width each side).
 */
export async function bookletSpread(left: Buffer, right: Buffer): Promise<Buffer> {
  const { width, height } = await sharp(left).metadata();
  const w = width!;
  const h = height!;
  const band = Math.round(w * 0.16);
  const shade = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${band}" height="${h}">
    <defs><linearGradient id="b" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#ffffff"/><stop offset="0.42" stop-color="#3a3a3a"/><stop offset="0.5" stop-color="#0a0a0a"/>
      <stop offset="0.58" stop-color="#3a3a3a"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#b)"/></svg>`);
  return sharp({ create: { width: 2 * w, height: h, channels: 3, background: '#ffffff' } })
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: w, top: 0 },
      { input: shade, left: w - Math.round(band / 2), top: 0, blend: 'multiply' },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Moiré as a photo of a screen shows it: a fine interference pattern of light and dark bands over the page. */
export async function moire(png: Buffer): Promise<Buffer> {
  const { width, height } = await sharp(png).metadata();
  const pattern = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><pattern id="m" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(17)">
      <rect width="7" height="7" fill="#ffffff"/><rect width="3" height="7" fill="#b9b9c6"/></pattern></defs>
    <rect width="100%" height="100%" fill="url(#m)"/></svg>`);
  return sharp(png)
    .composite([{ input: pattern, blend: 'multiply' }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/**
 * A site watermark as intake portals stamp them on every upload: `text` in light grey, tiled diagonally over the
 * whole page and multiply-blended (print under it stays black). `grey` is the watermark's ink (default #d6d6d6).
 */
export async function watermarked(png: Buffer, text = '仅限办理职业技能补贴使用', grey = '#d6d6d6'): Promise<Buffer> {
  const { width, height } = await sharp(png).metadata();
  const w = width!;
  const h = height!;
  const size = Math.round(Math.max(w, h) / 40);
  const rows: string[] = [];
  // Rows of the phrase along a -30° diagonal, spaced about two text heights apart, covering the page once turned.
  for (let y = -h; y < 2 * h; y += size * 4) {
    for (let x = -w; x < 2 * w; x += size * (text.length + 3)) {
      rows.push(`<text x="${x}" y="${y}" font-size="${size}" fill="${grey}" font-family="Noto Sans CJK SC">${escapeXml(text)}</text>`);
    }
  }
  const overlay = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="#ffffff"/><g transform="rotate(-30 ${w / 2} ${h / 2})">${rows.join('')}</g></svg>`);
  return sharp(png)
    .composite([{ input: overlay, blend: 'multiply' }])
    .jpeg({ quality: 90 })
    .toBuffer();
}
