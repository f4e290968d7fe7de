/**
 * Which batch first claimed a certificate number. One certificate pays once (XH36-3.7): a number already claimed in
 * another batch is flagged as a duplicate. DynamoDB (conditional put) on AWS and locally; a Map in tests.
 */
export interface CertificateClaims {
  /** Claims the number for the batch; returns the batch that holds it (this one when the claim is new or repeated). */
  claim(certificateNumber: string, batchId: string): Promise<{ heldBy: string }>;
}

export interface CrossBatchDuplicate {
  certificateNumber: string;
  rowNumber: number;
  heldBy: string;
}

/**
 * Claims the certificate number of every roster row for the batch and lists the rows whose number another batch
 * already holds. Claiming again for the same batch (a redelivery) is no duplicate.
 *
 * @example
 * await findCrossBatchDuplicates(roster.rows, 'batch-2', claims); // [{ certificateNumber: 'S0001…', rowNumber: 4, heldBy: 'batch-1' }]
 */
export async function findCrossBatchDuplicates(
  rows: readonly { rowNumber: number; certificateNumber?: string }[],
  batchId: string,
  claims: CertificateClaims,
): Promise<CrossBatchDuplicate[]> {
  const duplicates: CrossBatchDuplicate[] = [];
  for (const row of rows) {
    if (!row.certificateNumber) continue;
    const { heldBy } = await claims.claim(row.certificateNumber, batchId);
    if (heldBy !== batchId) duplicates.push({ certificateNumber: row.certificateNumber, rowNumber: row.rowNumber, heldBy });
  }
  return duplicates;
}
