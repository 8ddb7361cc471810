import { Link } from "@remix-run/react";

/** Previous / next links that keep the page's other query parameters. */
export function Pager({
  page,
  pageCount,
  search,
  label,
}: {
  page: number;
  pageCount: number;
  search: string;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const to = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link to={to(page - 1)} className="text-brand underline" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={to(page + 1)} className="text-brand underline" rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
