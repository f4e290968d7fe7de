import { describe, expect, it } from 'vitest';
import { RestartRecovery } from '../../local/restart-recovery.js';

const at = (time: string) => Date.parse(`2026-12-04T${time}Z`);
const dead = (messageId: string, firstReceivedAt: string, deadLetteredAt: string) => ({
  messageId,
  firstReceivedAt: at(firstReceivedAt),
  deadLetteredAt: at(deadLetteredAt),
  deadLetterHandled: true,
});

describe('RestartRecovery', () => {
  it('resumes a message whose retries began before a restart and ran out after it', () => {
    const recovery = new RestartRecovery();
    recovery.restarted(at('14:18:00'));
    expect(recovery.resumes(dead('m1', '14:17:50', '14:18:15'))).toBe(true);
  });

  it('resumes it once: failing again after that is a real fault, left failed', () => {
    const recovery = new RestartRecovery();
    recovery.restarted(at('14:18:00'));
    expect(recovery.resumes(dead('m1', '14:17:50', '14:18:15'))).toBe(true);
    expect(recovery.resumes(dead('m1', '14:17:50', '14:19:30'))).toBe(false);
  });

  it('leaves work that started after the restart, and work that died before it (the restart pass took those)', () => {
    const recovery = new RestartRecovery();
    recovery.restarted(at('14:18:00'));
    expect(recovery.resumes(dead('later', '14:18:05', '14:18:20'))).toBe(false);
    expect(recovery.resumes(dead('earlier', '14:17:00', '14:17:40'))).toBe(false);
  });

  it('resumes nothing when no part has restarted', () => {
    expect(new RestartRecovery().resumes(dead('m1', '14:17:50', '14:18:15'))).toBe(false);
  });
});
