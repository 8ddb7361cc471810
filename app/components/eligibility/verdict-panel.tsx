import { Time } from "~/components/time";
import { Card } from "~/components/ui";
import { RULE_LABELS, type RuleKey } from "~/modules/eligibility/evaluate";
import type { EligibilityDetails } from "~/modules/eligibility/get-eligibility.server";
import { OUTCOME_LABELS, VERDICT_CHANGE_LABELS } from "~/modules/eligibility/policy";
import { OutcomeBadge } from "./outcome-badge";

const KIND_LABELS: Record<string, string> = VERDICT_CHANGE_LABELS;

/**
 * A person's rehire eligibility: the verdict that counts, the computed verdict with each rule's
 * reason and the policy version, any override beside it, the history and manager input.
 * Takes what getEligibilityForAlumnus returns (as loader JSON); renders nothing it is not given.
 */
export function VerdictPanel({
  eligibility,
  title = "Rehire eligibility",
}: {
  eligibility: Jsonified<EligibilityDetails> | null;
  title?: string;
}) {
  if (!eligibility) {
    return (
      <Card title={title}>
        <p className="text-sm text-muted">
          No verdict yet. One appears here once an eligibility policy is published and this person has been
          evaluated.
        </p>
      </Card>
    );
  }
  const { effective, computed, override, history, inputRequests } = eligibility;
  return (
    <Card title={title}>
      <div className="space-y-5" data-testid="verdict-panel">
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-muted">Verdict that counts:</span>
          <OutcomeBadge outcome={effective.outcome} />
          <span className="text-sm text-muted">
            {effective.source === "override"
              ? "HR decision in force"
              : `computed under policy version ${computed.policyVersion}`}
          </span>
        </div>

        {override ? (
          <section aria-label="HR decision" className="rounded-md border border-line bg-paper p-3 text-sm">
            <p className="font-medium">
              {VERDICT_CHANGE_LABELS[override.kind === "review" ? "review" : "override"]}:{" "}
              {OUTCOME_LABELS[override.outcome]}
              {override.active ? null : <span className="ml-2 text-warn">(lapsed)</span>}
            </p>
            <p className="mt-1 whitespace-pre-line">{override.justification}</p>
            <p className="mt-1 text-muted">
              By {override.byName ?? "HR"} on <Time iso={override.at} />;{" "}
              {override.active ? "in force until" : "lapsed on"} <Time iso={override.expiresAt} />.
            </p>
          </section>
        ) : null}

        <section aria-label="Computed verdict">
          <h3 className="text-sm font-semibold">
            Computed: {OUTCOME_LABELS[computed.outcome]}{" "}
            <span className="font-normal text-muted">· policy version {computed.policyVersion}</span>
          </h3>
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">Each rule of the policy and what it says about this person</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Rule
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Outcome
                </th>
                <th scope="col" className="py-1 font-medium">
                  Why
                </th>
              </tr>
            </thead>
            <tbody>
              {computed.reasons.map((r) => (
                <tr key={r.rule} className="border-t border-line align-top">
                  <th scope="row" className="py-1.5 pr-3 font-medium">
                    {RULE_LABELS[r.rule as RuleKey] ?? r.rule}
                  </th>
                  <td className="py-1.5 pr-3">
                    {r.outcome ? (
                      <OutcomeBadge outcome={r.outcome} />
                    ) : (
                      <span className="text-muted">No effect</span>
                    )}
                  </td>
                  <td className="py-1.5">{r.sentence}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-muted">
            Evaluated <Time iso={computed.computedAt} />. This outcome since <Time iso={computed.decidedAt} />
            ; {computed.expired ? "its review date has passed" : "to be reviewed again by"}{" "}
            <Time iso={computed.expiresAt} />.
            {computed.reevaluateOn ? ` A date rule changes its answer on ${computed.reevaluateOn}.` : ""}
          </p>
        </section>

        <section aria-label="History">
          <h3 className="text-sm font-semibold">History</h3>
          {history.length === 0 ? (
            <p className="mt-1 text-sm text-muted">No changes since the first verdict.</p>
          ) : (
            <ol className="mt-1 space-y-2 text-sm">
              {history.map((h) => (
                <li key={h.id} className="border-l-2 border-line pl-3">
                  <p>
                    <Time iso={h.occurredAt} /> · {KIND_LABELS[h.kind] ?? h.kind}:{" "}
                    {h.fromOutcome ? OUTCOME_LABELS[h.fromOutcome] : "none"} → {OUTCOME_LABELS[h.toOutcome]}
                    {h.policyVersion ? (
                      <span className="text-muted"> (version {h.policyVersion})</span>
                    ) : null}
                    {h.actorName ? <span className="text-muted"> by {h.actorName}</span> : null}
                  </p>
                  {h.justification ? (
                    <p className="whitespace-pre-line text-muted">{h.justification}</p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>

        {inputRequests.length ? (
          <section aria-label="Manager input">
            <h3 className="text-sm font-semibold">Manager input</h3>
            <ul className="mt-1 space-y-2 text-sm">
              {inputRequests.map((q) => (
                <li key={q.id} className="rounded-md border border-line p-2">
                  <p className="text-muted">
                    Asked {q.managerName} on <Time iso={q.requestedAt} />:
                  </p>
                  <p className="whitespace-pre-line">{q.question}</p>
                  {q.answer ? (
                    <p className="mt-1 whitespace-pre-line">
                      <span className="font-medium">
                        Answer (<Time iso={q.answeredAt} />
                        ):
                      </span>{" "}
                      {q.answer}
                    </p>
                  ) : (
                    <p className="mt-1 text-muted">Waiting for an answer.</p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Card>
  );
}

/** What loader JSON makes of the details (Dates are already ISO strings there). */
type Jsonified<T> = T;
