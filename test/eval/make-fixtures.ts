/**
 * Regenerates the small fixed set committed under test/fixtures/documents (every document type, every condition,
 * well under 3 MB): `node --import tsx test/eval/make-fixtures.ts`. The seed is fixed, so the files only change
 * when the generator does.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { generateFiles, type GenerationJob } from './generate.js';

export const FIXTURE_DIR = path.join('test', 'fixtures', 'documents');

/** Which document goes through which condition in the fixed set. */
export const FIXTURE_JOBS: readonly GenerationJob[] = [
  { name: 'digital-skill-level', condition: 'digital_pdf', kinds: ['skill_level'] },
  { name: 'digital-labor-contract', condition: 'digital_pdf', kinds: ['labor_contract'] },
  { name: 'digital-business-license', condition: 'digital_pdf', kinds: ['business_license'] },
  { name: 'digital-internship', condition: 'digital_pdf', kinds: ['internship_agreement'], family: 'agreement/narrative' },
  { name: 'clean-qualification', condition: 'clean_scan', kinds: ['qualification'] },
  { name: 'clean-id-card', condition: 'clean_scan', kinds: ['id_card'], family: 'id-card/enlarged' },
  { name: 'noisy-special-operation', condition: 'noisy_scan', kinds: ['special_operation'] },
  { name: 'noisy-social-insurance', condition: 'noisy_scan', kinds: ['social_insurance_record'] },
  { name: 'photo-employment-letter', condition: 'phone_photo', kinds: ['employment_letter'] },
  { name: 'photo-training', condition: 'phone_photo', kinds: ['training_completion'], family: 'certificate/bilingual-leader' },
  { name: 'turned-special-ability', condition: 'rotated_page', kinds: ['special_ability'] },
  { name: 'multi-three-certificates', condition: 'multi_document_scan', kinds: ['skill_level', 'qualification', 'special_ability'] },
];

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const name of await readdir(FIXTURE_DIR).catch(() => [] as string[])) await rm(path.join(FIXTURE_DIR, name));
  await generateFiles(FIXTURE_DIR, FIXTURE_JOBS, { seed: 36, log: console.log });
}
