import { checkGoals, type EvalSummary, type Tally } from './metrics.js';

/** Throughput of the `intake extract` runs, measured by the runner around the subprocesses. */
export interface Throughput {
  pages: number;
  seconds: number;
}

const pct = (t: Tally): string => `${(t.rate * 100).toFixed(1).padStart(5)} %`;

function table(title: string, rows: Record<string, Tally>): string[] {
  const names = Object.keys(rows);
  if (names.length === 0) return [];
  const width = Math.max(...names.map((n) => n.length), title.length);
  return [
    '',
    `${title.padEnd(width)}   right / total   rate`,
    ...names.map((n) => `${n.padEnd(width)}   ${String(rows[n].right).padStart(5)} / ${String(rows[n].total).padEnd(5)}   ${pct(rows[n])}`),
  ];
}

function show(value: unknown): string {
  return value === undefined ? '(missing)' : JSON.stringify(value);
}

/**
 * The text `npm run eval` prints: tables by type, field, condition and family group, document-type and split
 * accuracy, confident-wrong examples, throughput, and the goals against what was measured.
 *
 * @example
 * console.log(formatReport(summarise(outcomes), { pages: 120, seconds: 300 }));
 */
export function formatReport(summary: EvalSummary, throughput?: Throughput, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Evaluated ${summary.files} files, ${summary.pages} pages, ${summary.documents} documents, ${summary.fields.total} fields.`);
  lines.push(`Fields right: ${summary.fields.right}/${summary.fields.total} (${pct(summary.fields).trim()})`);
  lines.push(...table('by document type', summary.fieldsByType));
  lines.push(...table('by condition', summary.fieldsByCondition));
  lines.push(...table('by family group', summary.fieldsByFamilyGroup));
  lines.push(...table('by field', summary.fieldsByField));
  lines.push(...table('by field, held-out layouts only', summary.fieldsByFieldHeldOut));
  const heldOut = new Set(summary.heldOutFamilies);
  const families = (held: boolean) => Object.fromEntries(Object.entries(summary.fieldsByFamily).filter(([f]) => heldOut.has(f) === held));
  lines.push(...table('by template family (seen)', families(false)));
  lines.push(...table('by template family (HELD OUT)', families(true)));
  lines.push(...table('by document structure', summary.fieldsByStructure));
  if (summary.multilineFields.total > 0) {
    lines.push('');
    lines.push(`Multi-line (wrapped) values right: ${summary.multilineFields.right}/${summary.multilineFields.total} (${pct(summary.multilineFields).trim()})`);
    lines.push(...table('multi-line values by field', summary.multilineByField));
  }
  if (summary.maskedFields.total > 0) {
    lines.push('');
    lines.push(`Masked fields left unreported: ${summary.maskedFields.right}/${summary.maskedFields.total} (${pct(summary.maskedFields).trim()})`);
  }
  if (Object.keys(summary.lettersByForm).length > 0) {
    lines.push(...table('聘书 fields by letter form', summary.fieldsByLetterForm));
    lines.push(...table('聘书 wholly right by letter form', summary.lettersByForm));
  }
  lines.push('');
  lines.push(`Document type right: ${summary.documentType.right}/${summary.documentType.total} (${pct(summary.documentType).trim()})`);
  lines.push(...table('document type by condition', summary.documentTypeByCondition));
  lines.push(...table('document type by family group', summary.documentTypeByFamilyGroup));
  lines.push('');
  if (summary.splitExactDocuments.total === 0) lines.push('Splitting (apart from fields): not measured (no file holds several documents or pages)');
  else
    lines.push(
      `Splitting (apart from fields): documents with exactly their pages ${summary.splitExactDocuments.right}/${summary.splitExactDocuments.total} (${pct(summary.splitExactDocuments).trim()}); pages assigned to the right document ${summary.splitPages.right}/${summary.splitPages.total} (${pct(summary.splitPages).trim()})` +
        (summary.blankPages.total > 0
          ? `; blank pages in no document ${summary.blankPages.right}/${summary.blankPages.total} (${pct(summary.blankPages).trim()})`
          : ''),
    );
  if (summary.sharedPages.total > 0)
    lines.push(
      `Pages two documents share (read as two, each from its own part): ${summary.sharedPages.right}/${summary.sharedPages.total} (${pct(summary.sharedPages).trim()})`,
    );
  lines.push(...table('documents with exactly their pages, by condition', summary.splitExactByCondition));
  lines.push(...table('documents with exactly their pages, by family group', summary.splitExactByFamilyGroup));
  lines.push(...table('documents with exactly their pages, by family', summary.splitExactByFamily));
  lines.push(...table('documents with exactly their pages, by structure', summary.splitExactByStructure));
  lines.push(
    `Split: files needing grouping split exactly right ${summary.splitFiles.right}/${summary.splitFiles.total} (${pct(summary.splitFiles).trim()}); documents in multi-document files found with their pages ${summary.splitDocuments.right}/${summary.splitDocuments.total} (${pct(summary.splitDocuments).trim()})`,
  );
  lines.push(
    `Flagged for review: ${summary.flagged.right}/${summary.flagged.total} reported fields (${pct(summary.flagged).trim()}); wrong but flagged: ${summary.wrongButFlagged}`,
  );
  lines.push(
    `Confident-wrong (wrong value, needsReview false): ${summary.confidentWrong}` +
      (summary.confidentWrong > 0
        ? `  ${Object.entries(summary.confidentWrongByCondition)
            .map(([c, n]) => `${c}: ${n}`)
            .join(', ')}`
        : ''),
  );
  for (const ex of summary.confidentWrongExamples) {
    lines.push(
      `  ${ex.file} [${ex.condition}, ${ex.family}] ${ex.type}.${ex.field}: expected ${ex.masked ? '(masked: no value)' : show(ex.expected)}, got ${show(ex.actual)} (confidence ${ex.confidence?.toFixed(2) ?? '?'})`,
    );
  }
  if (summary.errors.length > 0) {
    lines.push(`Files the reader rejected or skipped: ${summary.errors.length}`);
    for (const e of summary.errors.slice(0, 10)) lines.push(`  ${e.file}: ${e.code} — ${e.message}`);
  }
  if (options.verbose) {
    lines.push(`Wrong fields: ${summary.wrongFields.length}`);
    for (const f of summary.wrongFields) {
      lines.push(
        `  ${f.file} [${f.condition}, ${f.family}${f.heldOut ? ', HELD OUT' : ''}] ${f.type}.${f.field}: expected ${f.masked ? '(masked: no value)' : show(f.expected)}, got ${show(f.actual)}${f.needsReview ? ' (flagged)' : ''}`,
      );
    }
    lines.push(`Split failures: ${summary.splitFailures.length}`);
    for (const s of summary.splitFailures) lines.push(`  ${s.file}: ${s.expected}; ${s.found}`);
  }
  if (throughput && throughput.seconds > 0) {
    lines.push(
      `Throughput: ${throughput.pages} pages in ${throughput.seconds.toFixed(1)} s = ${((throughput.pages / throughput.seconds) * 60).toFixed(1)} pages/min (model loading included, once per chunk)`,
    );
  }
  lines.push('');
  lines.push('Goals');
  for (const g of checkGoals(summary)) {
    lines.push(`  ${g.met ? 'MET   ' : g.measured ? 'MISSED' : 'N/A   '}  ${g.goal.padEnd(36)} target ${g.target.padEnd(7)} actual ${g.actual}`);
  }
  return lines.join('\n');
}

/** One review threshold tried on the same OCR output: the clerk's workload against the errors nobody would see. */
export interface CalibrationRow {
  threshold: number;
  summary: EvalSummary;
}

/**
 * The calibration table of the review threshold: per threshold, the share of reported fields flagged for review,
 * the confident-wrong count (wrong and not flagged) and the wrong values that were flagged.
 *
 * @example
 * console.log(formatCalibration([{ threshold: 0.9, summary }]));
 */
export function formatCalibration(rows: readonly CalibrationRow[]): string {
  const lines = [
    '',
    'Review threshold calibration (same OCR output, reader re-run per threshold)',
    'threshold   flagged             confident-wrong   wrong but flagged   fields right',
  ];
  for (const { threshold, summary } of rows) {
    lines.push(
      `${threshold.toFixed(2).padEnd(11)} ${`${summary.flagged.right}/${summary.flagged.total} (${pct(summary.flagged).trim()})`.padEnd(19)} ${String(summary.confidentWrong).padEnd(17)} ${String(summary.wrongButFlagged).padEnd(19)} ${pct(summary.fields).trim()}`,
    );
  }
  return lines.join('\n');
}
