import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import {
  extractDocuments,
  MAX_SECOND_LOOKS_PER_PAGE,
  regionsByPage,
  regionsToReadAgain,
  withSecondLook,
  type SecondLookRegion,
} from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

const extract = (pages: OcrPage[]) => extractDocuments(pages, { today: '2026-12-06' });

/** A scanned licence whose rows are `gap` px apart; `legal` is the legal representative's value line, if the engine read it. */
function licence(legal: Line | undefined, gap = 80): Line[] {
  const row = (k: number) => 480 + k * gap;
  return [
    ['营业执照', 640, 300, 380, 80],
    ['统一社会信用代码', 200, row(0), 300, 40],
    ['91330106MA2CQ1UUPU', 520, row(0), 420, 40],
    ['名称', 200, row(1), 80, 40],
    ['杭州紫金信息技术有限公司', 520, row(1), 500, 40],
    ['类型', 200, row(2), 80, 40],
    ['有限责任公司(自然人投资或控股)', 520, row(2), 560, 40],
    ['法定代表人', 200, row(3), 200, 40],
    ...(legal ? [legal] : []),
    ['住所', 200, row(4), 80, 40],
    ['浙江省杭州市西湖区文三路90号', 520, row(4), 560, 40],
    ['成立日期', 200, row(5), 160, 40],
    ['2019年03月12日', 520, row(5), 300, 40],
  ];
}

/** The lines a region read again gives: those of `crop` that lie inside it (as the engine would find them there). */
function readerOf(crop: OcrPage) {
  const calls: SecondLookRegion[] = [];
  const read = async (_page: OcrPage, region: SecondLookRegion): Promise<OcrLine[]> => {
    calls.push(region);
    const { x, y, width, height } = region.box;
    return crop.lines.filter((l) => l.box.x >= x && l.box.y >= y && l.box.x + l.box.width <= x + width && l.box.y + l.box.height <= y + height);
  };
  return { read, calls };
}

describe('the reader’s second look', () => {
  it('reads a value the page’s pass lost from its label’s neighbourhood read again', async () => {
    // Prepare: the page's pass lost 王晓明 beside 法定代表人; read on its own crop, the engine finds it.
    const page = enginePage(licence(undefined));
    const crop = enginePage(licence(['王晓明', 520, 720, 120, 40]));
    const first = extract([page]);
    expect(first[0]!.fields.legalRepresentative!.value).toBeNull();
    const { read, calls } = readerOf(crop);
    // Act
    const looked = await withSecondLook([page], first, extract, read);
    // Assess
    expect(calls.map((c) => c.field)).toContain('legalRepresentative');
    expect(looked.documents[0]!.fields.legalRepresentative!.value).toBe('王晓明');
    expect(looked.pages[0]!.lines.some((l) => l.text === '王晓明')).toBe(true);
    expect(looked.documents[0]!.fields.companyName!.value).toBe(first[0]!.fields.companyName!.value);
  });

  it('asks for no second look when every field is read', async () => {
    const page = enginePage(licence(['王晓明', 520, 720, 120, 40]));
    const first = extract([page]);
    const { read, calls } = readerOf(page);
    const looked = await withSecondLook([page], first, extract, read);
    expect(regionsToReadAgain([page], first).flat()).toEqual([]);
    expect(calls).toHaveLength(0);
    expect(looked.documents).toEqual(first);
    expect(looked.pages[0]).toBe(page);
  });

  it('asks nothing for a value the uploader masked', () => {
    // Prepare: the address masked with stars; a crop could read the part the mask left (`浙江省杭州市`) as the address.
    const lines = licence(['王晓明', 520, 720, 120, 40]).map(
      (line): Line => (line[0].startsWith('浙江') ? (['浙江省杭州市**********', ...line.slice(1)] as Line) : line),
    );
    const page = enginePage(lines);
    const first = extract([page]);
    expect(first[0]!.fields.address!.issues).toContain('value_masked');
    expect(
      regionsToReadAgain([page], first)
        .flat()
        .map((r) => r.field),
    ).not.toContain('address');
  });

  it('reads at most three regions of a page however many values are lost', async () => {
    // Prepare: five labels alone on rows 300 px apart (each its own neighbourhood), their values lost.
    const lines = licence(undefined, 300).filter(([text]) => !/^(杭州|有限|浙江|2019)/.test(text));
    const page = enginePage(lines);
    const first = extract([page]);
    const asked = regionsToReadAgain([page], first).flat();
    const { read, calls } = readerOf(page);
    // Act
    await withSecondLook([page], first, extract, read);
    // Assess
    expect(asked.length).toBeGreaterThan(MAX_SECOND_LOOKS_PER_PAGE);
    expect(regionsByPage(asked).get(1)).toHaveLength(MAX_SECOND_LOOKS_PER_PAGE);
    expect(calls).toHaveLength(MAX_SECOND_LOOKS_PER_PAGE);
  });

  it('reads a page already looked at the same way again (reprocessing is idempotent)', async () => {
    const page = enginePage(licence(undefined));
    const crop = enginePage(licence(['王晓明', 520, 720, 120, 40]));
    const once = await withSecondLook([page], extract([page]), extract, readerOf(crop).read);
    const twice = await withSecondLook(once.pages, extract(once.pages), extract, readerOf(crop).read);
    expect(twice.documents).toEqual(once.documents);
    expect(twice.pages).toEqual(once.pages);
  });

  it('keeps a line the page’s pass read where the crop cut it at its edge', async () => {
    // Prepare: the crop gives back only a cut piece of the address line that reaches past the region.
    const page = enginePage(licence(undefined));
    const first = extract([page]);
    const read = async (_page: OcrPage, region: SecondLookRegion): Promise<OcrLine[]> => [
      { text: '浙江省杭州', confidence: 0.99, box: { x: 520, y: 800, width: region.box.x + region.box.width - 520 + 30, height: 40 } },
    ];
    const looked = await withSecondLook([page], first, extract, read);
    expect(looked.pages[0]!.lines.some((l) => l.text === '浙江省杭州市西湖区文三路90号')).toBe(true);
    expect(looked.pages[0]!.lines.some((l) => l.text === '浙江省杭州')).toBe(false);
  });

  it('keeps no line of a crop that read the value worse: the pages returned are the ones the documents were read from', async () => {
    // Prepare: the page's pass read the representative unsurely (flagged); the crop reads a worse name, less surely.
    const unsure = (page: OcrPage): OcrPage => ({ ...page, lines: page.lines.map((l) => (l.text === '王晓明' ? { ...l, confidence: 0.7 } : l)) });
    const page = unsure(enginePage(licence(['王晓明', 520, 720, 120, 40])));
    const first = extract([page]);
    expect(first[0]!.fields.legalRepresentative!.needsReview).toBe(true);
    const worse = async (): Promise<OcrLine[]> => [{ text: '王晓', confidence: 0.6, box: { x: 520, y: 720, width: 80, height: 40 } }];
    // Act
    const looked = await withSecondLook([page], first, extract, worse);
    // Assess: the crop's line is nowhere, and reading the returned pages again gives the returned documents.
    expect(looked.regions.map((r) => r.field)).toContain('legalRepresentative');
    expect(looked.pages[0]).toBe(page);
    expect(looked.documents).toEqual(first);
    expect(extract(looked.pages)).toEqual(looked.documents);
  });

  it('keeps the page’s value when the crop read only a part of it, however surely', async () => {
    // Prepare: the page's pass read the representative unsurely (flagged); the crop lost the name's first character
    // and read the rest surely (a line's head lost at the crop's edge reads as a sure shorter value).
    const unsure = (page: OcrPage): OcrPage => ({ ...page, lines: page.lines.map((l) => (l.text === '欧阳晓明' ? { ...l, confidence: 0.7 } : l)) });
    const page = unsure(enginePage(licence(['欧阳晓明', 520, 720, 160, 40])));
    const first = extract([page]);
    expect(first[0]!.fields.legalRepresentative).toMatchObject({ value: '欧阳晓明', needsReview: true });
    const part = async (): Promise<OcrLine[]> => [{ text: '阳晓明', confidence: 0.99, box: { x: 560, y: 720, width: 120, height: 40 } }];
    // Act
    const looked = await withSecondLook([page], first, extract, part);
    // Assess: the page's reading stands, flagged for the clerk.
    expect(looked.pages[0]).toBe(page);
    expect(looked.documents[0]!.fields.legalRepresentative).toMatchObject({ value: '欧阳晓明', needsReview: true });
  });

  it('asks nothing for a value whose only doubt comes from the page’s layout, and still asks when its characters are in doubt too', () => {
    // Prepare: the address read whole, flagged only because a wrap was joined to it from layout alone, or because a
    // wrap cuts its house number (a crop shows the same layout); then flagged also for a character the engine doubted.
    const page = enginePage(licence(['王晓明', 520, 720, 120, 40]));
    const first = extract([page]);
    const flagged = (issues: string[]) =>
      first.map((d) => ({ ...d, fields: { ...d.fields, address: { ...d.fields.address!, confidence: 0.5, needsReview: true, issues } } }));
    const asked = (documents: typeof first) =>
      regionsToReadAgain([page], documents)
        .flat()
        .map((r) => r.field);
    // Act, Assess
    expect(asked(first)).not.toContain('address');
    expect(asked(flagged(['wrap_joined_inferred']))).not.toContain('address');
    expect(asked(flagged(['wrap_joined_inferred', 'wrapped_number_incomplete']))).not.toContain('address');
    expect(asked(flagged(['wrapped_number_incomplete', 'address_number_unreadable']))).toContain('address');
    expect(asked(flagged(['value_wrap_inferred']))).toContain('address');
    expect(asked(flagged([]))).toContain('address');
  });
});

describe('a line the crop reads again a little off where the page boxed it', () => {
  it('is the same line, not a second copy under or over it (a card’s address wrap read 32 px higher)', async () => {
    const { pageWithRegionReadAgain } = await import('../../shared/extraction/second-look.js');
    // Prepare: the page's pass boxed the wrap under the address's first line; the crop boxed both a little higher.
    const page = enginePage([
      ['姓名戴娜霞', 632, 215, 152, 35],
      ['住址 安徽省合肥市蜀山区教工', 630, 324, 358, 50],
      ['路257弄30号1103室', 693, 375, 239, 31],
      ['公民身份号码', 635, 550, 140, 31],
    ]);
    const crop = enginePage([
      ['住址 安徽省合肥市蜀山区教工', 634, 303, 349, 36],
      ['路257弄30号1103室', 693, 343, 237, 29],
    ]).lines;
    // Act: the region covers the address's first row only, so the page's wrap reaches out of it.
    const merged = pageWithRegionReadAgain(page, { box: { x: 573, y: 300, width: 600, height: 75 }, lineHeight: 31 }, crop);
    // Assess
    expect(merged.lines.filter((l) => l.text === '路257弄30号1103室')).toHaveLength(1);
    expect(extract([merged])[0].fields.address.value).toBe('安徽省合肥市蜀山区教工路257弄30号1103室');
  });
});
