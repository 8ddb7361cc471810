import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every form that posts follows the form pattern (ADR 010, docs/STYLE.md "Forms"): it is a
 * `ValidatedForm`, or a Remix `<Form>` wired to `useValidatedForm` (`onSubmit={form.onSubmit}`).
 * This scans the route modules and components for `<Form method="post">`, `<form method="post">`
 * and `<fetcher.Form method="post">` and fails on any other, so the pattern stays true.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const SCANNED = ["routes", "components"];

/** Posting forms that need no schema, each with the reason. Keep this short. */
const ALLOWED: { file: string; match: string; why: string }[] = [
  {
    file: "components/staff-shell.tsx",
    match: 'action="/sign-out"',
    why: "the sign-out button: no fields to check, and it must work even when the page is broken",
  },
  {
    file: "routes/staff.account.tsx",
    match: 'action="/sign-out"',
    why: "the same sign-out button on the account page",
  },
  {
    file: "components/portal/portal-shell.tsx",
    match: 'action="/portal/sign-out"',
    why: "the portal's sign-out button: no fields to check",
  },
];

type FoundForm = { file: string; line: number; tag: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) ? [full] : [];
  });
}

/** The opening tag starting at `start`, up to its closing `>` outside braces and quotes. */
function openingTag(source: string, start: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === ">" && depth === 0) return source.slice(start, i + 1);
  }
  return source.slice(start);
}

/** Every `<Form>`, `<form>` or `<x.Form>` whose method is post. */
function postingForms(): FoundForm[] {
  const found: FoundForm[] = [];
  for (const dir of SCANNED) {
    for (const full of sourceFiles(path.join(ROOT, dir))) {
      const file = path.relative(ROOT, full).split(path.sep).join("/");
      if (file === "components/form.tsx") continue; // ValidatedForm itself
      const source = readFileSync(full, "utf8");
      for (const m of source.matchAll(/<(?:Form|form|[A-Za-z_$][\w$]*\.Form)(?=[\s>])/g)) {
        const tag = openingTag(source, m.index);
        if (!/\bmethod\s*=\s*(?:"post"|'post'|\{\s*["'`]post["'`]\s*\})/i.test(tag)) continue;
        found.push({ file, line: source.slice(0, m.index).split("\n").length, tag });
      }
    }
  }
  return found;
}

/** A raw posting form follows the pattern when useValidatedForm checks it before sending. */
function followsThePattern(form: FoundForm): boolean {
  return /\bonSubmit\s*=\s*\{\s*[\w$.]*\.onSubmit\s*\}/.test(form.tag) && /\bnoValidate\b/.test(form.tag);
}

describe("forms that post", () => {
  const forms = postingForms();
  const allowed = (f: FoundForm) => ALLOWED.some((a) => a.file === f.file && f.tag.includes(a.match));
  const offending = forms.filter((f) => !followsThePattern(f) && !allowed(f));

  it("finds the posting forms it is meant to check", () => {
    // The scan itself works: the sign-out buttons are posting forms it must see.
    expect(forms.filter(allowed).length).toBeGreaterThanOrEqual(ALLOWED.length);
  });

  it("every posting form uses useValidatedForm or is on the short allow-list", () => {
    expect(
      offending.map((f) => `${f.file}:${f.line}`),
      "posting forms without useValidatedForm (see docs/STYLE.md, Forms)",
    ).toEqual([]);
  });

  it("every allow-list entry still matches a form", () => {
    expect(ALLOWED.filter((a) => !forms.some((f) => f.file === a.file && f.tag.includes(a.match)))).toEqual(
      [],
    );
  });
});
