/**
 * Which dead-lettered work died because a part of the embedded stack was down, and goes back on the queue.
 *
 * When DynamoDB Local or the S3 server restarts after a crash, the stack redrives what was dead-lettered meanwhile.
 * A message whose retries straddle the restart (first received before the part was back, out of receives after)
 * died for the same reason but is dead-lettered too late for that pass: this decides it is resumed too, once. A
 * message that fails again after that stays `failed` with its stored reason (a real fault, not the outage).
 *
 * @example
 * const recovery = new RestartRecovery();
 * recovery.restarted(Date.parse('2026-12-04T14:18:00Z'));
 * recovery.resumes({ messageId: 'm1', firstReceivedAt: Date.parse('2026-12-04T14:17:50Z'), deadLetteredAt: Date.parse('2026-12-04T14:18:15Z'), deadLetterHandled: true }); // true
 * recovery.resumes({ messageId: 'm1', firstReceivedAt: Date.parse('2026-12-04T14:17:50Z'), deadLetteredAt: Date.parse('2026-12-04T14:19:00Z'), deadLetterHandled: true }); // false: resumed once already
 */
import type { DeadLetteredMessage } from './local-queue.js';

export class RestartRecovery {
  private readonly restarts: number[] = [];
  private readonly resumed = new Set<string>();

  /** A part answered again at `at` (epoch ms); the stack has just redriven what was dead-lettered until then. */
  restarted(at: number): void {
    this.restarts.push(at);
  }

  /** True once for a message dead-lettered after a restart whose attempts began before it. */
  resumes(message: DeadLetteredMessage): boolean {
    if (this.resumed.has(message.messageId)) return false;
    const straddled = this.restarts.some((at) => message.firstReceivedAt <= at && message.deadLetteredAt > at);
    if (!straddled) return false;
    this.resumed.add(message.messageId);
    return true;
  }
}
