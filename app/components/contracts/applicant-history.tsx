import { Link } from "@remix-run/react";
import { Time } from "~/components/time";
import type { ApplicantHistory as History } from "~/modules/contracts/views";

/** Past stints, when they left (and why, for HR only: the server leaves it out for managers), and the application. */
export function ApplicantHistory({
  history,
  applicationLinks,
}: {
  history: History | null;
  applicationLinks?: boolean;
}) {
  if (!history) return <p className="text-sm text-muted">Nothing recorded about this person yet.</p>;
  return (
    <div className="space-y-3 text-sm">
      <div>
        <h4 className="font-medium">Past work with us</h4>
        {history.stints.length ? (
          <ul className="mt-1 space-y-1">
            {history.stints.map((s, i) => (
              <li key={i}>
                {s.jobTitle}
                {s.department ? ` · ${s.department}` : ""}{" "}
                <span className="text-muted">
                  ({s.from} to {s.to ?? "?"})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-muted">No earlier roles recorded.</p>
        )}
        {history.leftOn ? (
          <p className="mt-1 text-muted">
            Left on {history.leftOn}
            {history.exitReason ? `: ${history.exitReason}` : ""}.
          </p>
        ) : null}
      </div>
      {history.applications.map((a) => (
        <div key={a.id}>
          <h4 className="font-medium">
            {applicationLinks ? (
              <Link className="text-brand underline" to={`/staff/applications/${a.id}`}>
                Application to {a.program}
              </Link>
            ) : (
              `Application to ${a.program}`
            )}{" "}
            <span className="font-normal text-muted">
              · <Time iso={a.submittedAt} />
            </span>
          </h4>
          <p className="mt-1 whitespace-pre-wrap text-muted">{a.motivation}</p>
        </div>
      ))}
    </div>
  );
}
