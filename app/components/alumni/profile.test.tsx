// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderOnPage } from "../../../test/components/on-page";
import { DoNotRehireControl } from "./do-not-rehire";
import { ProfileSummary } from "./profile-summary";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/alumni/a1"]} />);
}

describe("the top of a person's profile", () => {
  it("says who the person is and leads with the step that needs doing", async () => {
    inRouter(
      <ProfileSummary
        role="Customer Service Agent, Support, for 4 years"
        left="on 2 Nov 2025: Layoff (automation)"
        verdict={{ outcome: "needs_review", note: "under the policy", href: "/staff/eligibility/people/a1" }}
        openToReturn="Open to return opportunities"
        availability="20 hours a week · Monday, Wednesday"
        flags={[{ label: "Regrettable loss", tone: "warn" }]}
        nextSteps={[
          { label: "Add a private note", href: "#note" },
          { label: "Decide the review", href: "/staff/eligibility/people/a1", primary: true },
        ]}
      />,
    );
    const who = await screen.findByLabelText("Who this is");
    expect(who.textContent).toContain("Worked asCustomer Service Agent, Support, for 4 years");
    expect(who.textContent).toContain("May come backNeeds review");
    expect(who.textContent).toContain("Could work20 hours a week · Monday, Wednesday");
    expect(who.textContent).toContain("Regrettable loss");
    const steps = screen.getByRole("navigation", { name: "Next steps" });
    const links = within(steps).getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["Decide the review", "Add a private note"]);
    expect(links[0].getAttribute("href")).toBe("/staff/eligibility/people/a1");
  });

  it("says what is not recorded, and shows no verdict line to someone who may not see verdicts", async () => {
    inRouter(
      <ProfileSummary role={null} left={null} openToReturn={null} availability={null} nextSteps={[]} />,
    );
    const who = await screen.findByLabelText("Who this is");
    expect(who.textContent).not.toContain("May come back");
    expect(within(who).getAllByText("Not recorded")).toHaveLength(4);
    expect(screen.getByText("Nothing for you to do here.")).toBeTruthy();
  });
});

describe("the do-not-rehire flag", () => {
  it("is a folded, restricted action at the end of the page, not a red button", async () => {
    inRouter(<DoNotRehireControl doNotRehire={false} reason={null} version={3} canEdit />);
    const section = await screen.findByRole("region", { name: "Restricted" });
    expect(section.textContent).toContain("Not marked do not rehire.");
    const details = section.querySelector("details");
    expect(details?.open).toBe(false);
    expect(within(section).getByText("Mark do not rehire", { selector: "summary" })).toBeTruthy();
    const button = within(section).getByRole("button", { name: "Save flag", hidden: true });
    expect(button.className).not.toMatch(/bg-bad|danger/);
    expect((section.querySelector('input[name="version"]') as HTMLInputElement).value).toBe("3");
  });

  it("shows the flag and its reason, and no form to someone who may only read it", async () => {
    inRouter(
      <DoNotRehireControl
        doNotRehire
        reason="Shared customer data (case HR-2022-114)."
        version={1}
        canEdit={false}
      />,
    );
    const section = await screen.findByRole("region", { name: "Restricted" });
    expect(section.textContent).toContain("Marked do not rehire");
    expect(section.textContent).toContain("Shared customer data (case HR-2022-114).");
    expect(section.querySelector("form")).toBeNull();
  });

  it("checks the reason in the browser first, then sends it with the version it showed", async () => {
    const { posts } = renderOnPage(
      <DoNotRehireControl doNotRehire={false} reason={null} version={3} canEdit />,
      {
        path: "/staff/alumni/a1",
        answer: () => ({ ok: true, intent: "do-not-rehire", message: "Marked do not rehire." }),
      },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByText("Mark do not rehire", { selector: "summary" }));
    await user.type(screen.getByLabelText(/^Reason/), "Too short");
    await user.click(screen.getByRole("button", { name: "Save flag" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link").getAttribute("href")).toBe("#do-not-rehire-reason");
    expect(posts).toEqual([]);

    await user.type(screen.getByLabelText(/^Reason/), " and now long enough.");
    await user.click(screen.getByRole("button", { name: "Save flag" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ intent: "do-not-rehire", version: "3", doNotRehire: "yes" });
    expect(await screen.findByText("Marked do not rehire.")).toBeTruthy();
  });
});
