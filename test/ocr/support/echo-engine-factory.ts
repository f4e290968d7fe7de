/**
 * An engine factory a `PaddleOcrWorkerPool` worker can build from (`WorkerEngineFactory`): its engine reads no pixels
 * and answers with one line saying which factory built it and with which options, so a test sees what each worker ran.
 */
import type { OcrLine, OcrPage } from '../../../shared/documents/ocr-page.js';
import type { PageImage, RegionToRead } from '../../../shared/ocr/index.js';
import type { PaddleOcrEngineOptions } from '../../../shared/ocr/paddle-ocr-engine.js';
import type { Raster } from '../../../shared/ocr/raster.js';

export function createEchoEngine(options: PaddleOcrEngineOptions) {
  const said = (what: string): OcrLine => ({
    text: `echo ${what} threads=${options.intraOpNumThreads} seals=${String(options.sealRings)}`,
    confidence: 1,
    box: { x: 0, y: 0, width: 1, height: 1 },
  });
  return {
    name: 'paddle' as const,
    async recognize(image: PageImage): Promise<OcrPage> {
      return { pageNumber: image.pageNumber, width: 10, height: 10, rotation: 0, source: 'paddle', lines: [said('page')] };
    },
    async recognizeRegion(raster: Raster, region: RegionToRead): Promise<OcrLine[]> {
      return [said(`region ${raster.width}x${raster.height} at ${region.box.x},${region.box.y}`)];
    },
  };
}
