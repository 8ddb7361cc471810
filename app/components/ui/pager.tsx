import { Link, useLocation } from "@remix-run/react";

const number = new Intl.NumberFormat("en");

/** The address of page `p`, keeping every other query parameter (filters, sort). */
export function pageHref(search: string, p: number) {
  const params = new URLSearchParams(search);
  if (p <= 1) params.delete("page");
  else params.set("page", String(p));
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/**
 * Previous / next links for a list split into pages, with "Page 3 of 40" between them. The
 * links keep the current address's other parameters, so filters survive paging. `limit` caps
 * how far the links go (deep pages of a huge list are cheaper reached by narrowing the filter).
 */
export function Pager({
  page,
  pageCount,
  label,
  limit,
  search,
}: {
  page: number;
  pageCount: number;
  /** Names the navigation landmark, e.g. "Pages of the review queue". */
  label: string;
  limit?: number;
  /** The query string to keep; defaults to the current address's. */
  search?: string;
}) {
  const location = useLocation();
  if (pageCount <= 1) return null;
  const query = search ?? location.search;
  const last = limit ? Math.min(pageCount, limit) : pageCount;
  const link = "rounded-md px-3 py-2 font-medium text-brand underline hover:bg-brand-soft";
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link to={pageHref(query, page - 1)} className={link} rel="prev">
          ← Previous<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span />
      )}
      <span className="text-center">
        Page {number.format(page)} of {number.format(pageCount)}
        {limit && pageCount > limit ? (
          <span className="block text-xs text-muted">
            Narrow the view to see beyond page {number.format(limit)}
          </span>
        ) : null}
      </span>
      {page < last ? (
        <Link to={pageHref(query, page + 1)} className={link} rel="next">
          Next<span className="sr-only"> page</span> →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
