/** Joins class names, skipping the falsy ones. */
export function cx(...classes: (string | number | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}
