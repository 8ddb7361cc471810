// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderOnPage } from "../../../test/components/on-page";
import type { CampaignAnswers } from "~/modules/invitation-answers/get-campaign-answers.server";
import { CampaignAnswersCard } from "./campaign-answers";

const answers: CampaignAnswers = {
  counts: { interested: 17, not_now: 23, stop: 4 },
  answered: 44,
  notAnswered: 956,
  toFollowUp: 0,
  filter: null,
  page: 1,
  pageCount: 1,
  canHandle: true,
  program: null,
  canApply: false,
  rows: [],
};

/** The count a stat link shows, found by the stat's label (the figure sits just before it). */
function stat(label: string) {
  const link = screen.getByRole("link", { name: new RegExp(`${label}$`) });
  return { figure: link.firstChild?.textContent, href: link.getAttribute("href") };
}

describe("the campaign page's answers", () => {
  it("counts interested, not now and opted out apart, each a filter, and who has not answered", async () => {
    renderOnPage(<CampaignAnswersCard answers={answers} />, { path: "/staff/campaigns/c1" });
    await screen.findByText("Answers");
    expect(stat("Interested")).toEqual({
      figure: "17",
      href: "/staff/campaigns/c1?answer=interested#answers",
    });
    expect(stat("Not now")).toEqual({ figure: "23", href: "/staff/campaigns/c1?answer=not_now#answers" });
    expect(stat("Opted out")).toEqual({ figure: "4", href: "/staff/campaigns/c1?answer=stop#answers" });
    expect(screen.getByText("No answer yet").previousSibling?.textContent).toBe("956");
    expect(screen.getByText("Nobody has answered yet.", { exact: false })).toBeTruthy();
  });

  it("a filtered list says which answer it shows and how to see every answer", async () => {
    renderOnPage(
      <CampaignAnswersCard
        answers={{
          ...answers,
          filter: "not_now",
          rows: [
            {
              id: "a1",
              campaign: { id: "c1", name: "Support 2022" },
              alumnusId: "p1",
              name: "Maja Berg",
              answer: "not_now",
              answerLabel: "Not now",
              availability: null,
              message: null,
              answeredAt: "2026-12-01T09:00:00.000Z",
              answerCount: 1,
              handled: null,
              needsFollowUp: false,
              application: null,
            },
          ],
        }}
      />,
      { path: "/staff/campaigns/c1?answer=not_now" },
    );
    await screen.findByText(/Showing people whose answer is “not now”/);
    const row = within(screen.getByRole("table", { name: "Who answered what" })).getAllByRole("row")[1];
    expect(within(row).getByRole("link", { name: "Maja Berg" }).getAttribute("href")).toBe(
      "/staff/alumni/p1",
    );
    expect(row.textContent).toContain("Nothing to follow up");
    expect(screen.getByRole("link", { name: "Show every answer" })).toBeTruthy();
  });
});
