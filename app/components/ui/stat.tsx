import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { cx } from "./cx";

const number = new Intl.NumberFormat("en");

/**
 * One figure with what it counts. With `to`, the whole card is a link (the home page's to-do
 * counts); `tone="attention"` marks a count that asks for someone's time.
 */
export function Stat({
  label,
  value,
  to,
  hint,
  tone = "neutral",
}: {
  label: string;
  value: number | string;
  to?: string;
  hint?: ReactNode;
  tone?: "neutral" | "attention";
}) {
  const figure = typeof value === "number" ? number.format(value) : value;
  const body = (
    <>
      <span className="block text-3xl font-semibold tabular-nums">{figure}</span>
      <span className={cx("mt-1 block text-sm", to ? "font-medium text-brand underline" : "text-muted")}>
        {label}
      </span>
      {hint ? <span className="mt-1 block text-xs text-muted">{hint}</span> : null}
    </>
  );
  const frame = cx(
    "block rounded-lg border bg-white p-4",
    tone === "attention" ? "border-warn/50" : "border-line",
  );
  return to ? (
    <Link to={to} className={cx(frame, "hover:bg-brand-soft")}>
      {body}
    </Link>
  ) : (
    <div className={frame}>{body}</div>
  );
}
