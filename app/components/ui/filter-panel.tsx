import { useEffect, useRef, type ReactNode } from "react";

/**
 * A list's filters, folded on small screens: a native <details> (it opens and closes without
 * JavaScript) that starts open, and closes itself on narrow screens once the page runs unless
 * filters are in use. A "Skip to results" link comes first so keyboard users reach the list
 * in one Tab.
 */
export function FilterPanel({
  title = "Filters",
  active = 0,
  resultsId,
  children,
}: {
  title?: string;
  /** How many filters are in use (shown in the summary; a panel with filters in use stays open). */
  active?: number;
  /** The id of the element holding the results, for the skip link. */
  resultsId: string;
  children: ReactNode;
}) {
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (active === 0 && window.matchMedia("(max-width: 1023px)").matches) {
      panel.current?.removeAttribute("open");
    }
  }, [active]);
  return (
    <>
      <a
        href={`#${resultsId}`}
        className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:ring-2 focus:ring-brand"
      >
        Skip to results
      </a>
      <details ref={panel} open className="group mb-6 rounded-lg border border-line bg-white">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-2 px-5 py-3 font-semibold [&::-webkit-details-marker]:hidden">
          <span>
            {title}
            {active > 0 ? (
              <span className="ml-2 text-sm font-normal text-muted">({active} in use)</span>
            ) : null}
          </span>
          <span aria-hidden="true" className="text-muted group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="border-t border-line px-5 py-4">{children}</div>
      </details>
    </>
  );
}
