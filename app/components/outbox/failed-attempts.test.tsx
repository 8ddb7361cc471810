// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderOnPage } from "../../../test/components/on-page";
import { FailedAttemptsTable } from "./failed-attempts";

describe("a message's failed attempts", () => {
  it("names each attempt, says in words whether it may be tried again, and what the server said", async () => {
    renderOnPage(
      <FailedAttemptsTable
        failures={[
          { at: "2026-12-07T10:00:05.000Z", attempt: 2, kind: "permanent", error: "550 mailbox unavailable" },
          { at: "2026-12-07T09:59:00.000Z", attempt: 1, kind: "transient", error: "451 try again later" },
        ]}
      />,
    );
    const table = await screen.findByRole("table", { name: "Failed attempts, newest first" });
    const [, newest, first] = within(table).getAllByRole("row");
    expect(within(newest).getByRole("rowheader").textContent).toBe("Attempt 2");
    expect(newest.textContent).toContain("KindRefused for good");
    expect(newest.textContent).toContain("What the server said550 mailbox unavailable");
    expect(first.textContent).toContain("KindTemporary");
  });
});
