// @vitest-environment happy-dom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatInZone, Time, TimeZoneContext } from "./time";

describe("Time", () => {
  it("shows the viewer's zone, with UTC on hover", () => {
    render(
      <TimeZoneContext.Provider value="Europe/Stockholm">
        <Time iso="2026-12-06T13:05:00.000Z" />
      </TimeZoneContext.Provider>,
    );
    const time = screen.getByText(/6 Dec 2026/);
    expect(time.textContent).toMatch(/^6 Dec 2026, 14:05 (CET|GMT\+1)$/);
    expect(time.getAttribute("title")).toBe("2026-12-06 13:05 UTC");
    expect(time.getAttribute("datetime")).toBe("2026-12-06T13:05:00.000Z");
  });

  it("is UTC until a zone is chosen, and says so", () => {
    render(<Time iso="2026-07-01T08:00:00.000Z" />);
    expect(screen.getByText(/Jul 2026/).textContent).toBe("1 Jul 2026, 08:00 UTC");
  });

  it("falls back to UTC for a zone the runtime does not know, and shows a dash for no time", () => {
    expect(formatInZone("2026-07-01T08:00:00.000Z", "Mars/Olympus")).toBe("1 Jul 2026, 08:00 UTC");
    render(<Time iso={null} fallback="Never" />);
    expect(screen.getByText("Never")).toBeTruthy();
  });
});
