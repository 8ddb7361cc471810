import type { ReactNode } from "react";
import { cx } from "./cx";

export type NoticeTone = "info" | "success" | "warning" | "error";

/**
 * A message box: the outcome of an action ("Tag added to 12 people"), a warning about the page
 * ("No SMTP server is configured"), or an error that is not about one field. Errors are
 * announced at once (role="alert"); the others politely (role="status").
 */
export function Notice({
  tone = "info",
  title,
  children,
  className,
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const styles = {
    info: "border-brand/30 bg-brand-soft",
    success: "border-good/30 bg-green-50",
    warning: "border-warn/30 bg-amber-50",
    error: "border-bad/30 bg-red-50",
  }[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx("rounded-md border px-4 py-3 text-sm", styles, className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

/**
 * Says which parts of the address a list left out because it could not read them (a mistyped
 * date, a stale bookmark): the list still opens, without them. `names` are the filters' labels
 * as the page shows them.
 */
export function IgnoredNotice({ names }: { names: string[] | undefined }) {
  if (!names?.length) return null;
  return (
    <Notice tone="warning" title="Part of this address was left out">
      Comeback could not read {names.length === 1 ? "this filter" : "these filters"} in the address, so the
      list is shown without {names.length === 1 ? "it" : "them"}: {names.join(", ")}. Check the values in the
      form and apply it again.
    </Notice>
  );
}
