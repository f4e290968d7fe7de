import type { Clock } from '../../../shared/ports/index.js';

/**
 * A Clock that stands still until told to move (leases, validity windows).
 *
 * @example
 * const clock = new FixedClock('2021-06-18T08:00:00Z');
 * clock.advance(60_000);
 */
export class FixedClock implements Clock {
  private current: Date;

  constructor(at: string | Date = '2021-06-18T08:00:00.000Z') {
    this.current = new Date(at);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: string | Date): void {
    this.current = new Date(at);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
