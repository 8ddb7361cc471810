/**
 * The throttle schedule (ADR 024): recipient number `sequence` may leave at
 * anchorAt + floor((sequence - anchorSeq) / perHour) hours. Each hour's slot holds at most
 * `perHour` messages, so no more than that many are handed to the dispatcher per hour.
 * Launch anchors at the send time and sequence 0; resume re-anchors at "now" and the first
 * recipient not yet delivered.
 */
export const HOUR_MS = 3_600_000;

export function throttleSlot(input: { sequence: number; anchorAt: Date; anchorSeq: number; perHour: number }): Date {
  const offset = Math.max(0, input.sequence - input.anchorSeq);
  const hours = Math.floor(offset / Math.max(1, input.perHour));
  return new Date(input.anchorAt.getTime() + hours * HOUR_MS);
}

/**
 * Queued messages of a paused campaign wait at this time: the dispatcher only claims messages
 * whose nextAttemptAt has passed. Resume sets them back on the throttle schedule.
 */
export const HELD_UNTIL = new Date("9999-12-31T00:00:00.000Z");

export function isHeld(nextAttemptAt: Date) {
  return nextAttemptAt.getTime() >= HELD_UNTIL.getTime();
}
