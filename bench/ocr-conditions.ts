/**
 * Dev script: reads generated pages under photo and stamp conditions with the page conditioning off ("before") and on
 * ("after") and prints lines read exactly and CPU per page.
 *   node --import tsx bench/ocr-conditions.ts [condition…]
 */
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
import { createPaddleOcrEngine, type OcrPage } from '../shared/ocr/index.js';
import { bookletSpread, faintCopy, moire, renderSealedPage, sealedPageTexts, shadowed } from '../test/ocr/page-factory.js';

const only = process.argv.slice(2);
const norm = (s: string) => s.replace(/[\s　]/g, '');

async function pages(): Promise<[string, Buffer, string[]][]> {
  const plain = await renderSealedPage();
  const sealed = await renderSealedPage({ seal: true, redTitle: true });
  const signed = await renderSealedPage({ seal: true, signature: true });
  const spreadTexts = [...sealedPageTexts, ...sealedPageTexts];
  return [
    ['plain', plain, sealedPageTexts],
    ['seal+redtitle', sealed, sealedPageTexts],
    ['seal+signature', signed, sealedPageTexts],
    ['seal jpeg q70', await sharp(sealed).jpeg({ quality: 70 }).toBuffer(), sealedPageTexts],
    ['turned 90 seal', await sharp(sealed).rotate(90).jpeg({ quality: 85 }).toBuffer(), sealedPageTexts],
    ['faint', await faintCopy(plain), sealedPageTexts],
    ['shadow', await shadowed(plain), sealedPageTexts],
    ['shadow+seal', await shadowed(signed), sealedPageTexts],
    ['spread', await bookletSpread(plain, plain), spreadTexts],
    ['moire', await moire(plain), sealedPageTexts],
    ['small 0.4', await sharp(plain).resize({ width: 560 }).png().toBuffer(), sealedPageTexts],
    ['small 0.3', await sharp(plain).resize({ width: 420 }).png().toBuffer(), sealedPageTexts],
    ['fainter', await sharp(plain).greyscale().linear(0.18, 200).jpeg({ quality: 85 }).toBuffer(), sealedPageTexts],
    [
      'shadow x2',
      await shadowed(
        await sharp(await shadowed(plain))
          .png()
          .toBuffer(),
      ),
      sealedPageTexts,
    ],
    ['huge 4.3', await renderSealedPage({ scale: 4.3, seal: true }), sealedPageTexts],
  ];
}

const before = createPaddleOcrEngine({ pageConditioning: false, secondReadings: false, detection: { minLongSide: 0 } });
const after = createPaddleOcrEngine({
  onTimings: (t) => process.env.VERBOSE && console.log(JSON.stringify(t, (k, v) => (typeof v === 'number' ? Math.round(v) : v))),
});
await after.warmUp();
const all = (await pages()).filter(([name]) => only.length === 0 || only.some((o) => name.includes(o)));
for (const [name, bytes, truth] of all) {
  writeFileSync(`/tmp/ocrexp/${name.replace(/\W+/g, '_')}.jpg`, await sharp(bytes).jpeg().toBuffer());
  const row: string[] = [];
  for (const [label, engine] of [
    ['before', before],
    ['after', after],
  ] as const) {
    const cpu = process.cpuUsage();
    const page: OcrPage = await engine.recognize({ bytes, pageNumber: 1 });
    const used = process.cpuUsage(cpu);
    // Each printed value (the text after the label) must be found verbatim in the page's text, as often as printed.
    let text = page.lines.map((l) => norm(l.text)).join('|');
    let found = 0;
    for (const t of truth) {
      const value = norm(t).split('：').at(-1)!;
      const k = text.indexOf(value);
      if (k >= 0) {
        found++;
        text = text.slice(0, k) + text.slice(k + value.length);
      }
    }
    const second = page.lines.filter((l) => l.secondReading);
    row.push(
      `${label} ${found}/${truth.length} ${Math.round((used.user + used.system) / 1000)}ms rot${page.rotation} 2nd:${second.length}(${second.filter((l) => !l.secondReading!.agrees).length} disagree)`,
    );
    if (process.env.VERBOSE)
      console.log(
        label,
        page.lines.map((l) => `${l.text}${l.secondReading ? ` [2nd ${l.secondReading.agrees ? '=' : '≠'} ${l.secondReading.text}]` : ''}`).join(' | '),
      );
  }
  console.log(name.padEnd(16), row.join('   '));
}
