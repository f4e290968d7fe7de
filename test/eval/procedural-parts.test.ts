import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Rng } from './factory/random.js';
import { formatProceduralDate } from './procedural/dates.js';
import { block, type Item, labelHtml, type LayoutParams, maskHtml } from './procedural/parts.js';
import type { SheetRenderer } from './render/browser.js';
import { capturePhoto } from './render/degrade.js';

const params: LayoutParams = {
  font: 'Noto Sans CJK SC',
  valueFont: 'Noto Sans CJK SC',
  sizePt: 12,
  labelStyle: 'fullwidth_spaces',
  placement: 'beside',
  columns: 2,
  colon: '',
  valueShiftMm: 0,
  wrapLines: 2,
  rowGapMm: 2,
  labelColor: '#111',
};

const textOf = (html: string): string => html.replace(/<[^>]*>/g, '');

describe('procedural parts', () => {
  it('spreads a label across the block width with full-width spaces (名　　　称)', () => {
    expect(textOf(labelHtml('名称', 5, params))).toBe('名　　　称');
    expect(textOf(labelHtml('法定代表人', 5, params))).toBe('法定代表人');
  });

  it('leaves no trace of a value under a bar or blur mask, and only its ends under stars', () => {
    const rng = new Rng(3);
    const id = '330106199001011234';
    expect(textOf(maskHtml(id, 'bar', 12, rng))).toBe('');
    expect(textOf(maskHtml(id, 'blur', 12, rng))).toBe('');
    const starred = textOf(maskHtml(id, 'stars', 12, rng));
    expect(starred).toHaveLength(id.length);
    expect(starred).toContain('*');
    expect(starred).not.toBe(id);
  });

  it('prints a wide item across both columns and masks the fields it is told to', () => {
    const items: Item[] = [
      { field: 'companyName', label: '名称', value: '杭州之江科技有限公司', long: true },
      { field: 'creditCode', label: '统一社会信用代码', value: '91330106MA2GL1XK3P' },
      { label: '经营范围', value: '技术服务', wide: true },
    ];
    const html = block(items, params, new Map([['creditCode', 'bar']]), new Rng(1));
    expect(html).toContain('grid-column:span 3');
    expect(textOf(html)).toContain('杭州之江科技有限公司');
    expect(textOf(html)).not.toContain('91330106MA2GL1XK3P');
  });

  it('prints a bilingual grid: each label cell carries the Chinese label and its English gloss, values in cells', () => {
    const items: Item[] = [
      { field: 'holderName', label: '姓名', value: '王晓明' },
      { field: 'certificateNumber', label: '证书编号', value: 'S000033010600213000123' },
    ];
    const html = block(items, { ...params, placement: 'bilingual_cell' }, new Map(), new Rng(5));
    expect(html).toContain('<table');
    expect(textOf(html)).toContain('Certificate No.');
    expect(textOf(html)).toContain('Name');
    expect(textOf(html)).toContain('S000033010600213000123');
  });

  it('prints underlined blanks in one running paragraph, every value on its blank after its label', () => {
    const items: Item[] = [
      { field: 'employerName', label: '用人单位', value: '杭州之江科技有限公司' },
      { field: 'employeeName', label: '劳动者姓名', value: '王晓明' },
    ];
    const html = block(items, { ...params, placement: 'underline' }, new Map(), new Rng(6));
    expect(html.match(/<p /g)).toHaveLength(1);
    expect(html.match(/border-bottom:1px solid/g)).toHaveLength(2);
    expect(textOf(html).indexOf('王晓明')).toBeGreaterThan(textOf(html).indexOf('劳动者姓名'));
  });

  it('prints days in the 20s and 30s with 廿 and 卅', () => {
    expect(formatProceduralDate({ year: 2013, month: 3, day: 22 }, 'cn_nian')).toBe('二〇一三年三月廿二日');
    expect(formatProceduralDate({ year: 2020, month: 12, day: 31 }, 'cn_nian')).toBe('二〇二〇年十二月卅一日');
    expect(formatProceduralDate({ year: 2020, month: 10, day: 20 }, 'cn_nian')).toBe('二〇二〇年十月二十日');
  });
});

describe('photo and copy captures (sharp only)', async () => {
  const page = await sharp({ create: { width: 800, height: 1130, channels: 3, background: '#ffffff' } })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1130"><rect x="80" y="100" width="500" height="40" fill="#000"/></svg>',
        ),
      },
    ])
    .png()
    .toBuffer();
  const noBrowser = undefined as unknown as SheetRenderer;

  it('stores EXIF-oriented pixels turned, with the Orientation tag that turns them back', async () => {
    const { image, capture } = await capturePhoto(page, 'exif_orientation', noBrowser, new Rng(2), 100);
    const meta = await sharp(image.data).metadata();
    expect([3, 6, 8]).toContain(meta.orientation);
    expect(capture).toContain(`exif:${meta.orientation}`);
    if (meta.orientation !== 3) expect([meta.width, meta.height]).toEqual([1130, 800]);
    const upright = await sharp(await sharp(image.data).rotate().toBuffer()).metadata();
    expect([upright.width, upright.height]).toEqual([800, 1130]);
  });

  it('makes very large and small images at the sizes it records', async () => {
    const large = await capturePhoto(page, 'large', noBrowser, new Rng(4), 100);
    const small = await capturePhoto(page, 'small', noBrowser, new Rng(4), 100);
    const l = await sharp(large.image.data).metadata();
    const s = await sharp(small.image.data).metadata();
    expect(Math.max(l.width!, l.height!)).toBeGreaterThanOrEqual(5600);
    expect(large.capture).toContain(`size:${Math.max(l.width!, l.height!)}`);
    expect(Math.max(s.width!, s.height!)).toBeLessThanOrEqual(1100);
  });

  it('puts a dark binding edge beside the page of a booklet spread', async () => {
    const { image } = await capturePhoto(page, 'booklet_spread', noBrowser, new Rng(6), 100);
    const { data, info } = await sharp(image.data).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBeGreaterThan(800);
    const row = info.height >> 1;
    let darkest = 255;
    for (let x = 0; x < info.width; x++) darkest = Math.min(darkest, data[row * info.width + x]);
    expect(darkest).toBeLessThan(60);
  });

  it('washes a faint photocopy out: no pixel as dark as the original ink', async () => {
    const { image } = await capturePhoto(page, 'faint_copy', noBrowser, new Rng(8), 100);
    const stats = await sharp(image.data).greyscale().stats();
    expect(stats.channels[0].min).toBeGreaterThan(80);
  });
});
