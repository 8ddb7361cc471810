import { useEffect, useId, useRef, type MouseEvent } from "react";
import { useUiWords } from "./words";

export type ErrorSummaryItem = { fieldId: string; message: string };

/**
 * The box at the top of a form that failed: a heading, then one link per field in error.
 * It takes focus when it appears (and again after each failed attempt, `attempt`), so keyboard
 * and screen-reader users learn at once that the form did not go through; each link moves focus
 * to its field. Without JavaScript the server renders it the same way, links included.
 */
export function ErrorSummary({
  title,
  description,
  items,
  attempt,
}: {
  title?: string;
  /** A sentence under the heading (the server's message when it is not about one field). */
  description?: string;
  items: ErrorSummaryItem[];
  /** Changes on every failed submission, so focus returns here each time. */
  attempt?: unknown;
}) {
  const words = useUiWords();
  const heading = title ?? words.problem;
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  const goTo = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  };
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="rounded-md border-2 border-bad bg-red-50 px-4 py-3 text-sm focus:outline-none focus-visible:ring-4 focus-visible:ring-bad/30"
      data-error-summary=""
    >
      <h2 id={titleId} className="text-base font-semibold text-bad">
        {heading}
      </h2>
      {description ? <p className="mt-1">{description}</p> : null}
      {items.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map((item) => (
            <li key={item.fieldId}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => goTo(event, item.fieldId)}
                className="font-medium text-bad underline"
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
