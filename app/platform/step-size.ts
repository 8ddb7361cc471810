/**
 * Sizes the steps of long background work by time (ADR 089): each step reports how many rows it
 * did and how long it held the database, and the next step gets as many rows as fit in the
 * target time at that pace. A loaded machine gets smaller steps (each still short, so requests
 * waiting on the embedded database's one backend are served in between); a quiet one gets
 * larger steps and fewer round trips. The size shrinks at once when a step was slow and grows by
 * at most half per step, between `min` and `max` rows.
 */
export class StepSizer {
  private size: number;

  constructor(private readonly options: { start: number; min: number; max: number; targetMs: number }) {
    this.size = this.clamp(options.start);
  }

  /** Rows for the next step. */
  get rows() {
    return this.size;
  }

  /** A step of `rows` rows held the database for `ms` milliseconds. */
  record(rows: number, ms: number) {
    if (rows <= 0) return;
    const fits = Math.floor((rows * this.options.targetMs) / Math.max(ms, 1));
    this.size = this.clamp(Math.min(fits, Math.ceil(this.size * 1.5)));
  }

  private clamp(rows: number) {
    return Math.max(this.options.min, Math.min(this.options.max, Math.round(rows)));
  }
}
