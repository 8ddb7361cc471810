// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ScheduleCard, type ScheduledCampaign } from "./launch-card";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => element }]);
  return render(<Stub initialEntries={["/staff/campaigns/c1"]} />);
}

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
    expect(launch.value).toBe("launch");
    expect(launch.closest("details")?.open).toBe(false);
  });

  it("says one person, and opens the confirmation again with the error when a launch failed", async () => {
    inRouter(
      <ScheduleCard
        campaign={draft}
        recipients={1}
        toneOk
        canOverride={false}
        launchError={{ message: "Nobody in this segment can be written to now." }}
      />,
    );
    const launch = await screen.findByRole("button", { name: "Yes, send to 1 person" });
    expect(launch.closest("details")?.open).toBe(true);
    expect(screen.getByText("Nobody in this segment can be written to now.")).toBeTruthy();
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
