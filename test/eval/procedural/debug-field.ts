/**
 * Dev-only: the candidates a labelled field gets on one cached file (label list from LABELS or given).
 *
 *   node --openssl-legacy-provider --import tsx test/eval/procedural/debug-field.ts <cache.json> <file-part> <LABELS key> [date|org|person|address|occupation]
 */
import { readFileSync } from 'node:fs';
import { findLabelledCandidates } from '../../../shared/extraction/field-search.js';
import { candidateConfidence } from '../../../shared/extraction/confidence.js';
import { LABELS } from '../../../shared/extraction/labels.js';
import { buildPageLayout } from '../../../shared/extraction/page-layout.js';
import { readAddress, readDateValue, readOccupation, readOrganisationName, readPersonName } from '../../../shared/extraction/value-readers.js';

const [cacheFile, part, key, kind = 'date'] = process.argv.slice(2);
const cache = JSON.parse(readFileSync(cacheFile!, 'utf8'));
const readers = { date: readDateValue, org: readOrganisationName, person: readPersonName, address: readAddress, occupation: readOccupation } as const;
for (const [file, entry] of Object.entries<any>(cache)) {
  if (!file.includes(part!)) continue;
  const layouts = entry.pages.map(buildPageLayout);
  const labels = (LABELS as Record<string, readonly string[]>)[key!] ?? key!.split(',');
  for (const c of findLabelledCandidates(layouts, labels, readers[kind as keyof typeof readers], { wrap: kind !== 'date' && kind !== 'person' })) {
    console.log(
      file,
      JSON.stringify(c.reading.value),
      c.labelMatch.toFixed(3),
      candidateConfidence(c).toFixed(3),
      c.labelRank,
      c.raw,
      c.reading.issues.join(','),
      `[${c.line.box.x.toFixed(0)},${c.line.box.y.toFixed(0)}]`,
    );
  }
}
