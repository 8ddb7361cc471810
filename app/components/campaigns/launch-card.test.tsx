// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderOnPage, type PostedFields } from "../../../test/components/on-page";
import { ScheduleCard, type ScheduledCampaign } from "./launch-card";

const inRouter = (element: React.ReactElement, answer?: (posted: PostedFields) => unknown) =>
  renderOnPage(element, { path: "/staff/campaigns/c1", answer });

const draft: ScheduledCampaign = {
  status: "draft",
  sendAt: null,
  throttlePerHour: 1200,
  quietDays: 30,
  onlyEligible: true,
  senderName: "Hanna Berg",
  senderRole: "People Partner",
  senderEmail: "hanna.berg@fjordpay.example",
  launchedAt: null,
  toneOverrideReason: null,
};

describe("the campaign's schedule and launch", () => {
  it("asks once more with the number of people before a draft is launched", async () => {
    inRouter(<ScheduleCard campaign={draft} recipients={1234} toneOk canOverride={false} />);
    await screen.findByText("Launch campaign…");
    expect(screen.getByText("As soon as it is launched")).toBeTruthy();
    expect(screen.getByText("At most 1,200 emails per hour")).toBeTruthy();
    expect(screen.getByText("Hanna Berg (People Partner), hanna.berg@fjordpay.example")).toBeTruthy();
    expect(screen.getByTestId("launch-recipients").textContent).toBe("1,234 people");
    const launch = screen.getByRole("button", { name: "Yes, send to 1,234 people" }) as HTMLButtonElement;
    expect(launch.closest("details")?.open).toBe(false);
    expect((launch.closest("form")?.querySelector('input[name="intent"]') as HTMLInputElement).value).toBe(
      "launch",
    );
  });

  it("says one person, and opens the confirmation again with the error when a launch failed", async () => {
    const user = userEvent.setup();
    const { posts } = inRouter(
      <ScheduleCard campaign={draft} recipients={1} toneOk canOverride={false} />,
      () => ({
        ok: false,
        intent: "launch",
        error: { code: "conflict", message: "Nobody in this segment can be written to now." },
      }),
    );
    await user.click(await screen.findByText("Launch campaign…"));
    await user.click(screen.getByRole("button", { name: "Yes, send to 1 person" }));
    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("Nobody in this segment can be written to now.");
    expect(posts).toEqual([{ intent: "launch" }]);
    expect(screen.getByRole("button", { name: "Yes, send to 1 person" }).closest("details")?.open).toBe(true);
  });

  it("posts the override reason, and shows the server's refusal under that field and in the summary", async () => {
    const user = userEvent.setup();
    const { posts } = inRouter(
      <ScheduleCard campaign={draft} recipients={5} toneOk={false} canOverride />,
      () => ({
        ok: false,
        intent: "launch",
        values: { intent: "launch", overrideReason: "Agreed with the works council" },
        error: {
          code: "validation",
          message: "Some fields need your attention.",
          fieldErrors: { overrideReason: ["Keep the reason under 500 characters."] },
        },
      }),
    );
    const reason = await screen.findByLabelText("Reason to launch despite the tone errors");
    await user.click(screen.getByText("Launch campaign…"));
    await user.type(reason, "Agreed with the works council");
    await user.click(screen.getByRole("button", { name: "Yes, send to 5 people" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({ intent: "launch", overrideReason: "Agreed with the works council" });
    const summary = await screen.findByRole("alert");
    const link = within(summary).getByRole("link", { name: "Keep the reason under 500 characters." });
    expect(link.getAttribute("href")).toBe(`#${reason.id}`);
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(`${reason.id}-error`)?.textContent).toContain(
      "Keep the reason under 500 characters.",
    );
  });

  it("asks for a reason when the tone check failed and the viewer may override it; otherwise says who can", async () => {
    const { unmount } = inRouter(<ScheduleCard campaign={draft} recipients={5} toneOk={false} canOverride />);
    expect(await screen.findByLabelText("Reason to launch despite the tone errors")).toBeTruthy();
    unmount();
    inRouter(<ScheduleCard campaign={draft} recipients={5} toneOk={false} canOverride={false} />);
    await screen.findByText(/only someone allowed to override the tone check can launch it/);
    expect(screen.queryByLabelText("Reason to launch despite the tone errors")).toBeNull();
  });

  it("shows the facts and no launch once the campaign is under way", async () => {
    inRouter(
      <ScheduleCard
        campaign={{
          ...draft,
          status: "sending",
          launchedAt: "2026-12-07T09:00:00.000Z",
          toneOverrideReason: "The wording is agreed with the works council.",
        }}
        recipients={5}
        toneOk
        canOverride
      />,
    );
    await screen.findByText("The wording is agreed with the works council.");
    expect(screen.queryByText("Launch campaign…")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
