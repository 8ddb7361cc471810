import { afterEach } from "vitest";

/**
 * Component tests (`// @vitest-environment happy-dom` at the top of a `*.test.tsx`) render into
 * a document; each test starts from an empty one.
 */
if (typeof window !== "undefined") {
  const { cleanup } = await import("@testing-library/react");
  afterEach(() => cleanup());
}
