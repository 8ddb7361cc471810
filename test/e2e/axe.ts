import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * Accessibility check with axe-core, run inside the page under test. The source is evaluated
 * through the browser's debugging protocol, which the page's Content-Security-Policy does not
 * govern, so the check sees exactly what users get (no relaxed CSP, no test-only script tags).
 */
const require = createRequire(import.meta.url);
const AXE_SOURCE: string = require("axe-core").source;

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** Violations of WCAG 2.x A/AA rules at the given impact levels (default: serious and critical). */
export async function axeViolations(
  page: Page,
  impacts: readonly string[] = ["serious", "critical"],
): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== "undefined",
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" ")),
    }));
  });
  return violations.filter((v) => v.impact !== null && impacts.includes(v.impact));
}

/** One line per violation, for an assertion message that says what to fix and where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(", ")})`).join("\n");
}
