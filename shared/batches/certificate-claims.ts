/**
 * Which batches' rosters list a certificate number. One certificate pays once (XH36-3.7), but who listed a number
 * first decides nothing: a number listed in more than one batch is a finding for the bureau's clerks (naming every
 * batch), shown to a training body only as "awaiting the bureau's check" — never with another body's batch id, so
 * listing a competitor's numbers neither reveals its batches nor holds its claims. DynamoDB (a string set) on AWS and
 * locally; a Map in tests.
 */
export interface CertificateClaims {
  /** Records that the batch's roster lists the number; returns every batch that lists it, this one included. */
  claim(certificateNumber: string, batchId: string): Promise<{ listedBy: string[] }>;
}

export interface CrossBatchDuplicate {
  certificateNumber: string;
  rowNumber: number;
  /** The other batches whose rosters list the number (staff only: never shown to a training body). */
  otherBatches: string[];
}

/**
 * Records the certificate number of every roster row for the batch and lists the rows whose number another batch's
 * roster lists too, whichever listed it first. Listing again for the same batch (a redelivery, a poll) changes nothing.
 *
 * @example
 * await findCrossBatchDuplicates(roster.rows, 'batch-2', claims); // [{ certificateNumber: 'S0001…', rowNumber: 4, otherBatches: ['batch-1'] }]
 */
export async function findCrossBatchDuplicates(
  rows: readonly { rowNumber: number; certificateNumber?: string }[],
  batchId: string,
  claims: CertificateClaims,
): Promise<CrossBatchDuplicate[]> {
  const duplicates: CrossBatchDuplicate[] = [];
  for (const row of rows) {
    if (!row.certificateNumber) continue;
    const { listedBy } = await claims.claim(row.certificateNumber, batchId);
    const otherBatches = listedBy.filter((id) => id !== batchId).sort();
    if (otherBatches.length > 0) duplicates.push({ certificateNumber: row.certificateNumber, rowNumber: row.rowNumber, otherBatches });
  }
  return duplicates;
}

/**
 * What a training body may see of a cross-batch duplicate: that the row awaits the bureau's check, not who else
 * listed the number.
 *
 * @example
 * forInstitution({ certificateNumber: 'S1', rowNumber: 4, otherBatches: ['batch-9'] }); // { certificateNumber: 'S1', rowNumber: 4, otherBatches: [] }
 */
export function forInstitution(duplicate: CrossBatchDuplicate): CrossBatchDuplicate {
  return { certificateNumber: duplicate.certificateNumber, rowNumber: duplicate.rowNumber, otherBatches: [] };
}
