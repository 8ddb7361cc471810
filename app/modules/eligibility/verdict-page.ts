import { evaluateEligibility, type EligibilityInput, type Evaluation } from "./evaluate";
import type { ExitReason, PolicyRules } from "./policy";
import { toStoredReasons } from "./stored-reasons";

/**
 * A page of people between the database and the evaluation, in both directions (ADR 018). Pure:
 * the recompute runs it in a worker thread for the bulk pages and in-thread for a few people.
 *
 * - In: the page as the database sends it, ONE json text of an array per person.
 * - Out: the evaluated page as the write statements take it, ONE json text (`$1`).
 */

export type Policy = { id: string; version: number; rules: PolicyRules };

/** One person as the rules read them. Dates are calendar days: a Date at UTC midnight or "YYYY-MM-DD". */
export type InputRow = {
  id: string;
  exitDate: Date | string | null;
  hireDate: Date | string | null;
  exitReason: string | null;
  hrRehireFlag: string | null;
  doNotRehire: boolean;
  legalHold: boolean;
  consentReturn: string;
  periods: [string, string | null][] | null;
};

/** A person in a page as read: the InputRow's fields in order, periods as [start, end] pairs. */
type Packed = [
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  boolean,
  boolean,
  string,
  [string, string | null][] | null,
];

export type EvaluatedPerson = { alumnusId: string; evaluation: Evaluation };

const day = (value: Date | string) => (typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value);

export function toInput(row: InputRow): EligibilityInput {
  return {
    exitDate: row.exitDate === null ? null : day(row.exitDate),
    hireDate: row.hireDate === null ? null : day(row.hireDate),
    periods: (row.periods ?? []).map(([start, end]) => ({
      startDate: day(start),
      endDate: end ? day(end) : null,
    })),
    exitReason: row.exitReason as ExitReason | null,
    hrRehireFlag: row.hrRehireFlag as EligibilityInput["hrRehireFlag"],
    doNotRehire: row.doNotRehire,
    legalHold: row.legalHold,
    consentReturn: row.consentReturn as EligibilityInput["consentReturn"],
  };
}

/** The page's json text (null for an empty page) as rows. */
export function unpackPage(text: string | null): InputRow[] {
  if (!text) return [];
  return (JSON.parse(text) as Packed[]).map(
    ([id, exitDate, hireDate, exitReason, hrRehireFlag, doNotRehire, legalHold, consentReturn, periods]) => ({
      id,
      exitDate,
      hireDate,
      exitReason,
      hrRehireFlag,
      doNotRehire,
      legalHold,
      consentReturn,
      periods,
    }),
  );
}

export function evaluateRows(rows: InputRow[], policy: Policy, now: Date): EvaluatedPerson[] {
  return rows.map((row) => ({
    alumnusId: row.id,
    evaluation: evaluateEligibility(toInput(row), policy, now),
  }));
}

/** The write statements' `$1`: per person its id, outcome, reasons as stored and the re-evaluation day. */
export function toPayload(items: EvaluatedPerson[]): string {
  return JSON.stringify(
    items.map((i) => ({
      a: i.alumnusId,
      o: i.evaluation.outcome,
      r: toStoredReasons(i.evaluation.reasons),
      d: i.evaluation.reevaluateOn,
    })),
  );
}

export type EvaluatedPage = { payload: string; count: number; /** milliseconds it took */ ms: number };

/** A page as read, evaluated and ready to write. */
export function evaluatePage(text: string | null, policy: Policy, now: Date): EvaluatedPage {
  const started = performance.now();
  const items = evaluateRows(unpackPage(text), policy, now);
  return { payload: toPayload(items), count: items.length, ms: performance.now() - started };
}
