import type { ToneFinding, ToneReport } from "~/modules/outreach/tone";
import { Badge, cx } from "./ui";

/**
 * Shows a tone report: each finding with its severity, where it is, the words that
 * triggered it and a suggestion in plain words. Used by the template previews and by anything
 * that lets HR write a personal note.
 */

const SOURCE_LABEL: Record<ToneFinding["source"], string> = {
  subject: "Subject",
  note: "Your note",
  text: "Email",
};

export function ToneSummary({ report }: { report: ToneReport }) {
  if (report.findings.length === 0) return <Badge tone="good">No problems found</Badge>;
  return (
    <span className="inline-flex gap-2">
      {report.errors > 0 ? (
        <Badge tone="bad">{report.errors === 1 ? "1 error" : `${report.errors} errors`}</Badge>
      ) : null}
      {report.warnings > 0 ? (
        <Badge tone="warn">{report.warnings === 1 ? "1 warning" : `${report.warnings} warnings`}</Badge>
      ) : null}
    </span>
  );
}

export function ToneFindings({
  report,
  id,
  emptyText = "Nothing to improve: the wording is warm, clear and complete.",
  placeOf,
}: {
  report: ToneReport;
  id?: string;
  emptyText?: string;
  /** Where a finding is, in the words of the form it came from (default: source and line). */
  placeOf?: (finding: ToneFinding) => string;
}) {
  if (report.findings.length === 0) {
    return (
      <p id={id} className="text-sm text-good">
        {emptyText}
      </p>
    );
  }
  return (
    <ul id={id} className="space-y-3">
      {report.findings.map((finding, i) => (
        <li
          key={`${finding.ruleId}-${finding.source}-${finding.position?.start ?? i}`}
          // The rule's code stays out of sight (it means nothing to HR); tests find findings by it.
          data-rule={finding.ruleId}
          className={cx(
            "rounded-md border-l-4 bg-white px-3 py-2 text-sm ring-1 ring-line",
            finding.severity === "error" ? "border-l-bad" : "border-l-warn",
          )}
        >
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={finding.severity === "error" ? "bad" : "warn"}>
              {finding.severity === "error" ? "Error" : "Warning"}
            </Badge>
            <span className="text-muted">
              {placeOf ? (
                placeOf(finding)
              ) : (
                <>
                  {SOURCE_LABEL[finding.source]}
                  {finding.position ? `, line ${finding.position.line}` : ""}
                </>
              )}
            </span>
          </p>
          <p className="mt-1">{finding.message}</p>
          {finding.match && finding.category !== "reading" && finding.category !== "subject" ? (
            <p className="mt-1">
              <mark className="rounded bg-amber-50 px-1">{finding.match}</mark>
            </p>
          ) : null}
          <p className="mt-1 text-muted">
            <span className="font-medium text-ink">Try this: </span>
            {finding.suggestion}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function ReadingGrade({ report, which }: { report: ToneReport; which: "text" | "note" }) {
  const stats = report.readability[which];
  if (!stats || stats.words === 0) return null;
  const judged = stats.words >= report.readability.minWords[which];
  const ok = stats.grade <= report.readability.target;
  const counts = `${stats.words} ${stats.words === 1 ? "word" : "words"} in ${stats.sentences} ${stats.sentences === 1 ? "sentence" : "sentences"}`;
  if (!judged) {
    return (
      <p className="text-sm text-muted">
        {counts}: too short for a reading grade (it needs {report.readability.minWords[which]} words or more).
      </p>
    );
  }
  return (
    <p className="text-sm text-muted">
      Reading grade{" "}
      <span className={cx("font-medium", ok ? "text-good" : "text-warn")}>{stats.grade.toFixed(1)}</span>{" "}
      (Flesch-Kincaid; aim for {report.readability.target} or lower) · {counts}
    </p>
  );
}
