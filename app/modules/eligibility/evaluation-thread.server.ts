import { serveRequests } from "~/platform/worker-thread.server";
import { evaluatePage, type EvaluatedPage, type Policy } from "./verdict-page";

/**
 * The bulk recompute's evaluation thread (ADR 018): pages of people in as read from the database,
 * pages of verdicts out as the write statement takes them. Pure work only.
 */
export type EvaluationRequest = { page: string | null; policy: Policy; now: number };

serveRequests<EvaluationRequest, EvaluatedPage>(({ page, policy, now }) =>
  evaluatePage(page, policy, new Date(now)),
);
