import sharp from 'sharp';
import type { ExtractedDocument } from '../../shared/documents/index.js';
import type { OcrEngine, OcrPage, PageImage } from '../../shared/ocr/index.js';
import type { ClaimJudge } from '../../shared/pipeline/judge.js';
import type { Decision } from '../../shared/policy/decision.js';

/** A small blank PNG (the fake OCR engine does not look at it). */
export async function blankPng(width = 64, height = 48): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer(),
  );
}

/** An OCR engine that "reads" the given lines on every page, counting calls; `failOnCall` makes one call throw. */
export function scriptedOcr(lines: string[], options: { failOnCall?: number } = {}): OcrEngine & { calls: number } {
  const engine = {
    name: 'paddle' as const,
    calls: 0,
    async recognize(image: PageImage): Promise<OcrPage> {
      engine.calls++;
      if (options.failOnCall === engine.calls) throw new Error('worker killed mid-way');
      return {
        pageNumber: image.pageNumber,
        width: 64,
        height: 48,
        rotation: 0,
        source: 'paddle',
        lines: lines.map((text, index) => ({ text, confidence: 0.99, box: { x: 0, y: index * 10, width: 60, height: 9 } })),
      };
    },
  };
  return engine;
}

/** A stand-in for extractDocuments: `key：value` lines become fields of a vocational certificate, one document a page. */
export function lineExtractor(pages: OcrPage[]): ExtractedDocument[] {
  return pages.map((page) => ({
    type: 'vocational_certificate',
    pages: [page.pageNumber],
    typeConfidence: 0.99,
    fields: Object.fromEntries(
      page.lines
        .map((line) => line.text.split('：'))
        .filter((parts) => parts.length === 2)
        .map(([name, value]) => [name!, { value: value!, confidence: 0.99, needsReview: false, source: { page: page.pageNumber } }]),
    ),
  }));
}

/** A judge that grants 3.7.c with a once-per-person key on the holder's ID number. */
export function oncePerPersonJudge(): ClaimJudge & { judged: number } {
  const judge = {
    judged: 0,
    judge(documents: { fields: Record<string, { value: unknown }> }[], context: { claimDate: string }): Decision {
      judge.judged++;
      const id = String(documents[0]?.fields.idNumber?.value ?? 'unknown');
      return {
        programme: 'XH36-3.7.c',
        outcome: 'eligible',
        amountYuan: 5000,
        reasons: [],
        missingDocuments: [],
        trace: [],
        unconfirmedParameters: [],
        claimKeys: [{ kind: 'unique', key: `person:${id}`, ruleId: 'XH36-3.7.c' }],
        evaluatedOn: context.claimDate,
      };
    },
    queueFor: (decision: Decision | undefined) => decision?.programme ?? 'unclassified',
    withClaimKeyTaken: (decision: Decision, claimKey: { key: string }, heldBy: string | undefined): Decision => ({
      ...decision,
      outcome: 'ineligible',
      amountYuan: 0,
      claimKeys: decision.claimKeys.filter((key) => key.key !== claimKey.key),
      reasons: [...decision.reasons, { ruleId: 'XH36-3.7.c', zh: `已由案件 ${heldBy} 申领`, en: `already claimed by ${heldBy}` }],
    }),
  };
  return judge as ClaimJudge & { judged: number };
}
