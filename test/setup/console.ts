import { afterEach, beforeEach, vi } from "vitest";

/**
 * A test fails when something logs console.error unexpectedly. Tests that expect an error call
 * `allowConsoleError()` first.
 */
let allowed = false;
let calls: unknown[][] = [];

export function allowConsoleError() {
  allowed = true;
}

beforeEach(() => {
  allowed = false;
  calls = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (!allowed && calls.length > 0) {
    const first = calls[0].map((a) => (a instanceof Error ? a.stack : String(a))).join(" ");
    throw new Error(`console.error was called ${calls.length} time(s) unexpectedly. First call: ${first}`);
  }
});
