/**
 * Extraction speed: `extractDocuments` (everything after OCR: normalising, classifying, grouping, reading fields,
 * checks) over a varied set of synthetic OCR pages — every document type, label layouts inline/right/below, a
 * two-page booklet spread, a table, multi-page contracts and a multi-document scan. Prints pages/s and ms/page; the
 * goal is ≪ 10 ms a page (5 % of the ~0.5–2 s a page of OCR).
 */
import { performance } from 'node:perf_hooks';
import { extractDocuments } from '../shared/extraction/index.js';
import type { OcrPage } from '../shared/ocr/index.js';
import {
  businessLicensePage,
  employmentLetterPage,
  idCardPage,
  internshipAgreementPage,
  laborContractPages,
  otherCertificatePage,
  qualificationBookletPage,
  skillLevelCertificatePage,
  socialInsurancePage,
} from '../test/extraction/support/documents.js';

function files(): OcrPage[][] {
  const renumber = (pages: OcrPage[]) => pages.map((p, i) => ({ ...p, pageNumber: i + 1 }));
  return [
    [skillLevelCertificatePage({ layout: 'inline' })],
    [skillLevelCertificatePage({ layout: 'right', confidence: 0.95 })],
    [skillLevelCertificatePage({ layout: 'below', nameLabel: '持证人' })],
    [qualificationBookletPage()],
    [
      otherCertificatePage('特种作业操作证', {
        extra: [
          ['作业类别', '电工作业'],
          ['准操项目', '低压电工作业'],
        ],
      }),
    ],
    [otherCertificatePage('培训合格证书', { extra: [['培训项目', '育婴员培训']] })],
    laborContractPages(),
    laborContractPages({ openEnded: true, pageNumbers: false }),
    [socialInsurancePage()],
    [businessLicensePage()],
    [employmentLetterPage()],
    [internshipAgreementPage()],
    [idCardPage()],
    renumber([skillLevelCertificatePage(), ...laborContractPages(), socialInsurancePage(), qualificationBookletPage()]),
  ];
}

export async function run(): Promise<void> {
  const set = files();
  const pageCount = set.reduce((n, f) => n + f.length, 0);
  // Warm-up: JIT and regex compilation are one-off costs a Lambda pays once per container.
  for (let i = 0; i < 20; i++) for (const file of set) extractDocuments(file, { today: '2026-11-27' });
  const rounds = 200;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const file of set) extractDocuments(file, { today: '2026-11-27' });
  const ms = performance.now() - started;
  const perPage = ms / (rounds * pageCount);
  console.log(`extraction: ${set.length} files, ${pageCount} pages × ${rounds} rounds`);
  console.log(`  ${perPage.toFixed(3)} ms/page, ${Math.round(1000 / perPage)} pages/s`);
  console.log(`  share of OCR time at 0.5 s/page: ${((perPage / 500) * 100).toFixed(2)} % (goal < 5 %)`);
}
