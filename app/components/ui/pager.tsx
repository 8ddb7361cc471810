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

type NumberedPages = {
  page: number;
  pageCount: number;
  /** Names the navigation landmark, e.g. "Pages of the review queue". */
  label: string;
  limit?: number;
  /** The query string to keep; defaults to the current address's. */
  search?: string;
};

/** For a list read by cursor (newest first, no page count): where the links go and what they say. */
type CursorPages = {
  label: string;
  previous?: { to: string; text: string } | null;
  next?: { to: string; text: string } | null;
};

const LINK = "rounded-md px-3 py-2 font-medium text-brand underline hover:bg-brand-soft";

/**
 * Previous / next links for a list split into pages, with "Page 3 of 40" between them. The
 * links keep the current address's other parameters, so filters survive paging. `limit` caps
 * how far the links go (deep pages of a huge list are cheaper reached by narrowing the filter).
 * A list read by cursor (the audit trail) passes its `previous` and `next` links instead.
 */
export function Pager(props: NumberedPages | CursorPages) {
  const location = useLocation();
  if (!("page" in props)) {
    const { label, previous, next } = props;
    if (!previous && !next) return null;
    return (
      <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2 text-sm">
        {previous ? (
          <Link to={previous.to} className={LINK} rel="prev">
            ← {previous.text}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={next.to} className={LINK} rel="next">
            {next.text} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    );
  }
  const { page, pageCount, label, limit, search } = props;
  if (pageCount <= 1) return null;
  const query = search ?? location.search;
  const last = limit ? Math.min(pageCount, limit) : pageCount;
  const link = LINK;
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
