import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Sheet } from '../templates/kit.js';
import { mergePdfs } from './pdf-assembly.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MM_TO_CSS_PX = 96 / 25.4;

/** Wraps one sheet into a page of exactly its paper size. */
export function sheetHtml(sheet: Sheet): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  @page { size: ${sheet.widthMm}mm ${sheet.heightMm}mm; margin: 0; }
  html, body { margin: 0; padding: 0; background: #fff; }
  .sheet { position: relative; width: ${sheet.widthMm}mm; height: ${sheet.heightMm}mm; overflow: hidden; background: #fff; }
  ${sheet.css ?? ''}
  </style></head><body><div class="sheet">${sheet.body}</div></body></html>`;
}

/**
 * One headless Debian chromium for a whole generation run: prints sheets to PDF (with a text layer) and photographs
 * them at a chosen resolution (the "scanner").
 *
 * @example
 * const renderer = await SheetRenderer.launch();
 * const pdf = await renderer.pdf(sheets);
 * await renderer.close();
 */
export class SheetRenderer {
  private readonly contexts = new Map<number, BrowserContext>();
  private readonly pages = new Map<number, Page>();

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<SheetRenderer> {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return new SheetRenderer(browser);
  }

  /** One reusable tab per scale: opening a tab per capture costs more than the capture. */
  private async tab(scale: number): Promise<Page> {
    const key = Math.round(scale * 1000);
    let page = this.pages.get(key);
    if (!page) {
      page = await (await this.context(scale)).newPage();
      this.pages.set(key, page);
    }
    return page;
  }

  private async context(scale: number): Promise<BrowserContext> {
    const key = Math.round(scale * 1000);
    let context = this.contexts.get(key);
    if (!context) {
      context = await this.browser.newContext({ deviceScaleFactor: scale });
      this.contexts.set(key, context);
    }
    return context;
  }

  /** A digital PDF of the sheets, one page each. @example await renderer.pdf(sheets); */
  async pdf(sheets: readonly Sheet[]): Promise<Buffer> {
    const page = await this.tab(1);
    const parts: Buffer[] = [];
    for (const sheet of sheets) {
      await page.setContent(sheetHtml(sheet), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      parts.push(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    }
    return mergePdfs(parts);
  }

  /** A PNG of one sheet at `dpi` (a flatbed scan without the scanner's faults). @example await renderer.png(sheet, 200); */
  async png(sheet: Sheet, dpi: number): Promise<Buffer> {
    return this.capture(sheetHtml(sheet), sheet.widthMm * MM_TO_CSS_PX, sheet.heightMm * MM_TO_CSS_PX, dpi / 96);
  }

  /** A screenshot of arbitrary HTML of the given CSS size (used to photograph a page in perspective). */
  async capture(html: string, widthPx: number, heightPx: number, scale: number): Promise<Buffer> {
    const page = await this.tab(scale);
    await page.setViewportSize({ width: Math.round(widthPx), height: Math.round(heightPx) });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page.screenshot({ type: 'png', fullPage: false, scale: 'device' });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
