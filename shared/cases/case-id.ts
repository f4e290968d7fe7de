/**
 * The id of a case. One case per submission; for a training body's batch, one per certificate (the document's place
 * in its file), so a redelivered message always finds the same case.
 *
 * @example
 * caseIdFor('sub-42'); // 'case-sub-42'
 * caseIdFor('batch-7', { documentId: 'doc-1', indexInFile: 2 }); // 'case-batch-7-doc-1-2'
 */
export function caseIdFor(submissionId: string, certificate?: { documentId: string; indexInFile: number }): string {
  return certificate ? `case-${submissionId}-${certificate.documentId}-${certificate.indexInFile}` : `case-${submissionId}`;
}
