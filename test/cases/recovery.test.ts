import { describe, expect, it } from 'vitest';
import { RecoveryExceedsPaidError, RecoveryNotPaidError, recordRecovery, recoveredYuan, reviewCaseSchema, type ReviewCase } from '../../shared/cases/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { individualClaim } from '../policy/factories.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { InMemoryCaseRepository } from '../support/fakes/in-memory-case-repository.js';

// 四（二）：对已享受政策的企业、个人和培训机构，若发现存在虚造信息情况，一经查实，按照相关法律法规进行处理，追回已拨付资金。
function paidCase(overrides: Partial<ReviewCase> = {}): ReviewCase {
  const decision = evaluateClaim(individualClaim());
  return aReviewCase({ status: 'paid', decision, confirmedBy: 'clerk-li', approvedBy: 'supervisor-zhao', ...overrides });
}

describe('recordRecovery (XH36-4.2 追回已拨付资金)', () => {
  it('records who, why, how much and when on a paid case, with an audit event', () => {
    const paid = paidCase();
    const { next, audit } = recordRecovery(paid, {
      amountYuan: 5000,
      reason: '聘书系伪造（虚造信息）',
      findingRef: '西人社检〔2022〕3号',
      by: 'supervisor-wang',
      at: '2022-03-01T02:00:00.000Z',
    });
    expect(next.status).toBe('paid');
    expect(next.recoveries).toEqual([
      { amountYuan: 5000, reason: '聘书系伪造（虚造信息）', findingRef: '西人社检〔2022〕3号', by: 'supervisor-wang', at: '2022-03-01T02:00:00.000Z' },
    ]);
    expect(recoveredYuan(next)).toBe(5000);
    expect(audit).toMatchObject({
      caseId: paid.caseId,
      actor: 'supervisor-wang',
      action: 'recover_funds',
      before: { paidYuan: 5000, recoveredYuan: 0 },
      after: { amountYuan: 5000, recoveredYuan: 5000, ruleId: 'XH36-4.2' },
    });
    expect(reviewCaseSchema.parse(next).recoveries).toHaveLength(1);
  });

  it('allows recovering in parts up to what was paid', () => {
    const first = recordRecovery(paidCase(), { amountYuan: 3000, reason: '社保记录不实', by: 's', at: '2022-03-01T00:00:00Z' }).next;
    const second = recordRecovery(first, { amountYuan: 2000, reason: '社保记录不实', by: 's', at: '2022-04-01T00:00:00Z' }).next;
    expect(recoveredYuan(second)).toBe(5000);
    expect(() => recordRecovery(second, { amountYuan: 1, reason: 'x', by: 's', at: '2022-05-01T00:00:00Z' })).toThrow(RecoveryExceedsPaidError);
  });

  it('refuses more than was paid, with the sentence a clerk reads', () => {
    const error = (() => {
      try {
        recordRecovery(paidCase(), { amountYuan: 6000, reason: 'x', by: 's', at: '2022-03-01T00:00:00Z' });
      } catch (e) {
        return e as RecoveryExceedsPaidError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(RecoveryExceedsPaidError);
    expect(error.zh).toBe('追回金额6000元超过已拨付且未追回的5000元。');
  });

  it.each(['needs_review', 'confirmed', 'approved', 'rejected'] as const)('refuses a case that is %s (nothing was paid)', (status) => {
    expect(() => recordRecovery(paidCase({ status }), { amountYuan: 100, reason: 'x', by: 's', at: '2022-03-01T00:00:00Z' })).toThrow(RecoveryNotPaidError);
  });

  it('refuses a recovery without a reason', () => {
    expect(() => recordRecovery(paidCase(), { amountYuan: 100, reason: '  ', by: 's', at: '2022-03-01T00:00:00Z' })).toThrow();
  });

  it('is written through the case repository with its audit event in the ledger', async () => {
    const cases = new InMemoryCaseRepository();
    const { reviewCase: stored } = await cases.create(paidCase(), anAuditEvent('x'));
    const { next, audit } = recordRecovery(stored, { amountYuan: 5000, reason: '证书系伪造', by: 'supervisor-wang', at: '2022-03-01T02:00:00.000Z' });
    await cases.update(next, stored.version, audit);
    expect((await cases.get(stored.caseId))?.recoveries?.[0]).toMatchObject({ amountYuan: 5000, by: 'supervisor-wang' });
    expect((await cases.audit(stored.caseId)).map((e) => e.action)).toContain('recover_funds');
  });
});
