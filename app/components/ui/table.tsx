import type { ReactNode } from "react";
import { cx } from "./cx";

export type Column<T> = {
  /** Stable key for React and for tests. */
  key: string;
  /** The column heading, and the label beside each value when rows stack as cards. */
  label: string;
  /** What the heading shows on wide screens, when it is more than the label (a "tick all" box). */
  header?: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (`<th scope="row">`); it becomes the card's title on phones. */
  rowHeader?: boolean;
  align?: "left" | "right";
  /** Extra classes for this column's cells (e.g. a width on wide screens: `md:w-40`). */
  className?: string;
  /** Hide this column's label on the card (e.g. a tick box whose own label says enough). */
  hideCardLabel?: boolean;
};

/**
 * Below this width the rows stack as cards. A table with many columns stacks up to `lg`, so
 * tablets get cards too rather than a table that scrolls sideways.
 */
export type StackBelow = "sm" | "md" | "lg" | "xl";

// Tailwind only ships classes it can see written out whole, hence one set per breakpoint.
const STACK = {
  sm: {
    table: "block sm:table",
    head: "sr-only sm:not-sr-only sm:table-header-group",
    body: "block sm:table-row-group",
    row: "block sm:table-row mb-3 sm:mb-0 rounded-lg sm:rounded-none border sm:border-0 sm:border-t border-line p-3 sm:p-0",
    cell: "grid grid-cols-[minmax(6rem,35%)_1fr] gap-x-3 py-1 sm:table-cell sm:py-2 sm:pr-3",
    title: "block pb-1 sm:table-cell sm:py-2 sm:pr-3",
    label: "sm:hidden",
    right: "sm:text-right",
    wrap: "[overflow-wrap:anywhere] sm:[overflow-wrap:break-word]",
  },
  md: {
    table: "block md:table",
    head: "sr-only md:not-sr-only md:table-header-group",
    body: "block md:table-row-group",
    row: "block md:table-row mb-3 md:mb-0 rounded-lg md:rounded-none border md:border-0 md:border-t border-line p-3 md:p-0",
    cell: "grid grid-cols-[minmax(6rem,35%)_1fr] gap-x-3 py-1 md:table-cell md:py-2 md:pr-3",
    title: "block pb-1 md:table-cell md:py-2 md:pr-3",
    label: "md:hidden",
    right: "md:text-right",
    wrap: "[overflow-wrap:anywhere] md:[overflow-wrap:break-word]",
  },
  lg: {
    table: "block lg:table",
    head: "sr-only lg:not-sr-only lg:table-header-group",
    body: "block lg:table-row-group",
    row: "block lg:table-row mb-3 lg:mb-0 rounded-lg lg:rounded-none border lg:border-0 lg:border-t border-line p-3 lg:p-0",
    cell: "grid grid-cols-[minmax(6rem,35%)_1fr] gap-x-3 py-1 lg:table-cell lg:py-2 lg:pr-3",
    title: "block pb-1 lg:table-cell lg:py-2 lg:pr-3",
    label: "lg:hidden",
    right: "lg:text-right",
    wrap: "[overflow-wrap:anywhere] lg:[overflow-wrap:break-word]",
  },
  xl: {
    table: "block xl:table",
    head: "sr-only xl:not-sr-only xl:table-header-group",
    body: "block xl:table-row-group",
    row: "block xl:table-row mb-3 xl:mb-0 rounded-lg xl:rounded-none border xl:border-0 xl:border-t border-line p-3 xl:p-0",
    cell: "grid grid-cols-[minmax(6rem,35%)_1fr] gap-x-3 py-1 xl:table-cell xl:py-2 xl:pr-3",
    title: "block pb-1 xl:table-cell xl:py-2 xl:pr-3",
    label: "xl:hidden",
    right: "xl:text-right",
    wrap: "[overflow-wrap:anywhere] xl:[overflow-wrap:break-word]",
  },
} as const;

/** A table too narrow to need cards (a label and a figure per row): a table at every width. */
const NEVER = {
  table: "",
  head: "",
  body: "",
  row: "border-t border-line",
  cell: "py-2 pr-3",
  title: "py-2 pr-3",
  label: "hidden",
  right: "text-right",
  wrap: "",
} as const;

/**
 * The one data table. On wide screens it is a real table (caption, column headers, a row
 * header per row). Below `stackBelow` each row becomes a card: the row header is its title and
 * every other value sits beside its column's label, so nothing scrolls sideways on a phone.
 * Words wrap at spaces. On cards, unbroken strings (emails, ids) may break anywhere; in the
 * wide table they do not, so a squeezed column never shows one letter per line.
 */
export function Table<T>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  rowClassName,
  stackBelow = "md",
  empty,
}: {
  /** Says what the rows are; read out by screen readers (visible when `captionHidden` is false). */
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  /** `false` for a table of a few narrow columns, which fits a phone as it is. */
  stackBelow?: StackBelow | false;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const s = stackBelow ? STACK[stackBelow] : NEVER;
  return (
    <table className={cx("w-full text-left text-sm [overflow-wrap:break-word]", s.table)}>
      <caption className={captionHidden ? "sr-only" : "mb-2 text-left text-sm text-muted"}>{caption}</caption>
      <thead className={cx("text-muted", s.head)}>
        <tr>
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              className={cx("py-2 pr-3 align-bottom font-medium", c.align === "right" && "text-right")}
            >
              {c.header ?? c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={s.body}>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={cx("align-top", s.row, rowClassName?.(row))}>
            {columns.map((c) => {
              const value = c.cell(row);
              if (c.rowHeader) {
                return (
                  <th key={c.key} scope="row" className={cx("font-normal", s.title, c.className)}>
                    {value}
                  </th>
                );
              }
              return (
                <td
                  key={c.key}
                  className={cx(
                    "min-w-0",
                    s.wrap,
                    c.hideCardLabel ? s.title : s.cell,
                    c.align === "right" && s.right,
                    c.className,
                  )}
                >
                  {c.hideCardLabel ? null : <span className={cx("text-muted", s.label)}>{c.label}</span>}
                  <div className="min-w-0">{value}</div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
