import { Link } from "@remix-run/react";
import { ProgressFunnel } from "~/components/pipeline/progress";
import { Card, EmptyState, Facts, Table } from "~/components/ui";
import type { phaseProgress } from "~/modules/applications/program-progress.server";
import { DECISION_STATUS_LABELS } from "~/modules/decisions/decision-schemas";
import type { getDecision } from "~/modules/decisions/get-decision.server";

type Found = Awaited<ReturnType<typeof getDecision>>;
export type DecisionDetails = Found["decision"];
export type DecisionPhase = DecisionDetails["phases"][number];
export type DecisionAlumni = NonNullable<Found["alumni"]>;
export type PhaseProgress = Awaited<ReturnType<typeof phaseProgress>>;

const number = new Intl.NumberFormat("en");

/** Why the decision was made, and its dates and size. */
export function DecisionSummary({ decision: d }: { decision: DecisionDetails }) {
  return (
    <Card title="The decision">
      <p className="mb-4 whitespace-pre-wrap text-sm">{d.rationale}</p>
      <Facts
        items={[
          { label: "Announced", value: d.announcedOn },
          { label: "Effective from", value: d.effectiveOn },
          {
            label: "Roles affected",
            value: d.rolesAffected === null ? null : number.format(d.rolesAffected),
          },
          { label: "Status", value: DECISION_STATUS_LABELS[d.status] },
        ]}
      />
    </Card>
  );
}

/** The phases' target headcounts at a glance, to scale; the table beside them carries the same figures. */
function PhaseBars({ phases, rolesAffected }: { phases: DecisionPhase[]; rolesAffected: number | null }) {
  const max = Math.max(rolesAffected ?? 0, ...phases.map((p) => p.targetHeadcount), 1);
  return (
    <div aria-hidden="true" className="mb-4 space-y-2">
      {phases.map((p) => (
        <div key={p.id} className="flex items-center gap-3 text-xs">
          <span className="w-28 shrink-0 truncate sm:w-40">{p.name}</span>
          <span
            className="h-3 rounded bg-brand"
            style={{ width: `${Math.max(1, (p.targetHeadcount / max) * 60)}%` }}
          />
          <span>{number.format(p.targetHeadcount)}</span>
        </div>
      ))}
      {rolesAffected ? (
        <p className="text-xs text-muted">
          Bars are to scale against the {number.format(rolesAffected)} roles the decision affected.
        </p>
      ) : null}
    </div>
  );
}

/** The decision's phases in order, each with its dates and target headcount. */
export function DecisionPhases({
  phases,
  rolesAffected,
}: {
  phases: DecisionPhase[];
  rolesAffected: number | null;
}) {
  return (
    <Card title="Phases">
      {phases.length === 0 ? (
        <EmptyState title="No phases yet">
          When the decision is phased back, each phase appears here with its target headcount.
        </EmptyState>
      ) : (
        <>
          <PhaseBars phases={phases} rolesAffected={rolesAffected} />
          <Table
            caption="Phases in order"
            rows={phases}
            rowKey={(p) => p.id}
            stackBelow="sm"
            columns={[
              { key: "name", label: "Phase", rowHeader: true, cell: (p) => p.name },
              { key: "from", label: "From", cell: (p) => p.startsOn ?? "—" },
              { key: "until", label: "Until", cell: (p) => p.endsOn ?? "—" },
              {
                key: "target",
                label: "Target headcount",
                align: "right",
                cell: (p) => number.format(p.targetHeadcount),
              },
              {
                key: "notes",
                label: "Notes",
                cell: (p) => <span className="whitespace-pre-wrap">{p.notes || "—"}</span>,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** Each phase's target headcount against the return programs' applications, offers and hires. */
export function PhaseProgressCard({ progress }: { progress: PhaseProgress }) {
  return (
    <Card title="Return progress by phase">
      <p className="mb-4 text-sm text-muted">
        Each phase's target headcount against the people applying, shortlisted, offered and hired across its
        return programs, then those under contract and those active (onboarding done).
      </p>
      <div className="space-y-6">
        {progress.map((phase) => (
          <section key={phase.id} aria-labelledby={`phase-${phase.id}`}>
            <h3 id={`phase-${phase.id}`} className="mb-2 text-sm font-semibold">
              {phase.name}
            </h3>
            {phase.programs.length ? (
              <>
                <ProgressFunnel
                  progress={phase.progress}
                  goal={phase.targetHeadcount}
                  goalLabel="Target headcount"
                  caption={`${phase.name}: target headcount against applications`}
                />
                <p className="mt-2 text-xs text-muted">
                  Programs:{" "}
                  {phase.programs.map((p, i) => (
                    <span key={p.id}>
                      {i ? ", " : ""}
                      <Link to={`/staff/programs/${p.id}`} className="text-brand underline">
                        {p.title}
                      </Link>
                    </span>
                  ))}
                </p>
              </>
            ) : (
              <p className="text-sm text-muted">
                No return program for this phase yet (target {number.format(phase.targetHeadcount)}).{" "}
                <Link to="/staff/programs/new" className="text-brand underline">
                  Create one
                </Link>
              </p>
            )}
          </section>
        ))}
      </div>
    </Card>
  );
}

/** How many people left under the decision, how many are open to returning, and the first few of them. */
export function DecisionAlumniCard({ decisionId, alumni }: { decisionId: string; alumni: DecisionAlumni }) {
  return (
    <Card title="People who left under it" className="self-start">
      <p className="text-3xl font-semibold">{number.format(alumni.total)}</p>
      <p className="text-sm text-muted">{number.format(alumni.consenting)} open to hearing about returning</p>
      {alumni.sample.length ? (
        <ul className="mt-3 space-y-1 text-sm">
          {alumni.sample.map((a) => (
            <li key={a.id}>
              <Link to={`/staff/alumni/${a.id}`} className="text-brand underline">
                {a.preferredName || a.firstName} {a.lastName}
              </Link>
              {a.jobTitle ? <span className="text-muted"> · {a.jobTitle}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-muted">
          Nobody is linked yet. Tick people in the alumni list (or filter them) and use “Link” to attach them
          to this decision.
        </p>
      )}
      <Link
        to={`/staff/alumni?decisionId=${encodeURIComponent(decisionId)}`}
        className="mt-4 inline-block text-sm text-brand underline"
      >
        See all of them in the alumni list →
      </Link>
    </Card>
  );
}
