import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { Badge, Card } from "~/components/ui";
import type { Outcome } from "~/modules/eligibility/policy";

export type NextStep = {
  label: string;
  href: string;
  /** the step that most needs doing (shown first, as a button) */
  primary?: boolean;
};

/**
 * The top of a person's profile: who they are in one line each (what they did, when and why they
 * left, whether they may come back, whether they want to hear from us, when they could work) and
 * what can be done next, as links. Data only; the route decides which steps the viewer may take.
 */
export function ProfileSummary({
  role,
  left,
  verdict,
  openToReturn,
  availability,
  flags = [],
  nextSteps,
  children,
}: {
  /** "Customer Service Agent, Support, for 4 years" */
  role: string | null;
  /** "Left on 2 Nov 2025: Layoff (automation)" */
  left: string | null;
  /** undefined: the viewer may not see eligibility; null: no verdict yet */
  verdict?: { outcome: Outcome | null; note: string | null; href: string } | null;
  openToReturn: string | null;
  availability: string | null;
  /** short warnings that change what HR should do (regrettable loss, do not rehire) */
  flags?: { label: string; tone: "warn" | "bad" }[];
  nextSteps: NextStep[];
  /** further steps other areas add (an invitation to a program, ...) */
  children?: ReactNode;
}) {
  const lines: { label: string; value: ReactNode }[] = [
    { label: "Worked as", value: role },
    { label: "Left", value: left },
    ...(verdict === undefined
      ? []
      : [
          {
            label: "May come back",
            value: (
              <>
                <OutcomeBadge outcome={verdict?.outcome} />
                {verdict?.note ? <span className="ml-2 text-muted">{verdict.note}</span> : null}
              </>
            ),
          },
        ]),
    { label: "Hearing from us", value: openToReturn },
    { label: "Could work", value: availability },
  ];
  const [primary, ...rest] = [...nextSteps].sort((a, b) => Number(!!b.primary) - Number(!!a.primary));
  return (
    <Card className="mb-6">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-3">
        <section className="space-y-2 text-sm md:col-span-2" aria-label="Who this is">
          <dl className="space-y-2">
            {lines.map((line) => (
              <div key={line.label} className="flex flex-wrap gap-x-2">
                <dt className="w-36 shrink-0 text-muted">{line.label}</dt>
                <dd className="min-w-0">{line.value ?? <span className="text-muted">Not recorded</span>}</dd>
              </div>
            ))}
          </dl>
          {flags.length ? (
            <div className="flex flex-wrap gap-1 pt-1">
              {flags.map((f) => (
                <Badge key={f.label} tone={f.tone}>
                  {f.label}
                </Badge>
              ))}
            </div>
          ) : null}
        </section>
        <nav aria-label="Next steps" className="text-sm">
          <h2 className="mb-2 font-semibold">Next steps</h2>
          {primary ? (
            <ul className="space-y-2">
              <li>
                <Link
                  to={primary.href}
                  className={
                    primary.primary
                      ? "inline-block rounded-md bg-brand px-3 py-2 font-medium text-white hover:bg-brand-strong"
                      : "text-brand underline"
                  }
                >
                  {primary.label}
                </Link>
              </li>
              {rest.map((step) => (
                <li key={step.href + step.label}>
                  <Link to={step.href} className="text-brand underline">
                    {step.label}
                  </Link>
                </li>
              ))}
              {children}
            </ul>
          ) : (
            <p className="text-muted">Nothing for you to do here.</p>
          )}
        </nav>
      </div>
    </Card>
  );
}
