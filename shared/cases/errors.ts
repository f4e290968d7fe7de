/** Base of the errors the case domain raises; `code` is stable for mapping to HTTP statuses and CLI messages. */
export class CaseDomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The sentence a clerk reads (Simplified Chinese). */
    readonly zh: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Recovery asked of a case that was not paid: there is nothing to recover (XH36-4.2 追回已拨付资金). */
export class RecoveryNotPaidError extends CaseDomainError {
  constructor(
    readonly caseId: string,
    readonly status: string,
  ) {
    super('recovery_case_not_paid', `case ${caseId} is ${status}, not paid: nothing to recover`, '此案件尚未拨付资金，无可追回。');
  }
}

/** Recovery of more than was paid, counting what was already recovered. */
export class RecoveryExceedsPaidError extends CaseDomainError {
  constructor(
    readonly caseId: string,
    readonly askedYuan: number,
    readonly recoverableYuan: number,
  ) {
    super(
      'recovery_exceeds_paid',
      `case ${caseId}: ${askedYuan} yuan asked, only ${recoverableYuan} yuan paid and not yet recovered`,
      `追回金额${askedYuan}元超过已拨付且未追回的${recoverableYuan}元。`,
    );
  }
}
