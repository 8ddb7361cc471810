// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderOnPage, type PostedFields } from "../../../test/components/on-page";
import { EXCLUSION_REASONS } from "~/modules/campaigns/exclusions";
import type { CampaignPage } from "~/modules/campaigns/get-campaign-page.server";
import { AudienceCard } from "./audience-card";
import { DeliveryCard } from "./delivery-card";
import { NoteCard } from "./note-card";
import { PreviewCard } from "./preview-card";

const inRouter = (element: React.ReactElement, answer?: (posted: PostedFields) => unknown) =>
  renderOnPage(element, { path: "/staff/campaigns/c1", answer });

const audience: CampaignPage["audience"] = {
  snapshot: false,
  inSegment: 1520,
  recipients: 1200,
  excluded: 320,
  byReason: {
    do_not_contact: 12,
    unsubscribed: 8,
    no_consent: 100,
    no_email: 0,
    quiet_period: 40,
    no_verdict: 60,
    not_eligible: 100,
  },
  quietPeriodCutoff: "2026-11-07",
  onlyEligible: false,
};

describe("the campaign page's sections", () => {
  it("the audience: who gets the email, who is left out and why, with the campaign's quiet period", async () => {
    inRouter(
      <AudienceCard
        audience={audience}
        exclusionReasons={EXCLUSION_REASONS}
        campaign={{ quietDays: 45, segment: { description: "People who left Support in 2022" } }}
      />,
    );
    await screen.findByText(/People who left Support in 2022\. Counted now/);
    expect(screen.getByTestId("in-segment").textContent).toBe("1,520");
    expect(screen.getByTestId("recipients").textContent).toBe("1,200");
    expect(screen.getByText("Left less than 45 days ago, or are still leaving.")).toBeTruthy();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    // Without "only eligible people", the verdict reasons are not reasons: 5 reasons and the header.
    expect(rows).toHaveLength(6);
  });

  it("the note: saves with its own intent, checks without saving, and shows the server's refusal under the field", async () => {
    const user = userEvent.setup();
    const { posts } = inRouter(<NoteCard note="We miss you." editable noteTone={null} />, (posted) =>
      posted.intent === "save-note"
        ? {
            ok: false,
            intent: "save-note",
            values: { intent: "save-note", note: String(posted.note) },
            error: {
              code: "validation",
              message: "Some fields need your attention.",
              fieldErrors: { note: ["The note was refused."] },
            },
          }
        : { ok: true, intent: "check-note", tone: null, noteTone: null, note: String(posted.note) },
    );
    const note = await screen.findByRole("textbox", { name: "Your note" });
    expect((note as HTMLTextAreaElement).value).toBe("We miss you.");
    expect(screen.getByText("12 of 4,000 characters")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save note" }));
    await waitFor(() => expect(posts.some((p) => p.intent === "save-note")).toBe(true));
    expect(posts.find((p) => p.intent === "save-note")).toEqual({
      intent: "save-note",
      note: "We miss you.",
    });
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "The note was refused." }).getAttribute("href")).toBe(
      "#save-note-note",
    );
    expect(note.getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Check without saving" }));
    await waitFor(() => expect(posts.some((p) => p.intent === "check-note")).toBe(true));
  });

  it("a sent note is shown as text, without a form", async () => {
    inRouter(<NoteCard note="" editable={false} noteTone={null} />);
    await screen.findByText("No personal note.");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("delivery: the counts by state, pause while sending, and cancel with a reason the server may refuse", async () => {
    const user = userEvent.setup();
    const progress: CampaignPage["progress"] = {
      pending: 0,
      queued: 300,
      held: 0,
      sending: 2,
      sent: 898,
      failed: 0,
      set_aside: 1,
      cancelled: 0,
      excluded: 320,
      job: null,
    } as CampaignPage["progress"];
    const { posts } = inRouter(<DeliveryCard status="sending" progress={progress} />, (posted) =>
      posted.intent === "cancel"
        ? {
            ok: false,
            intent: "cancel",
            values: posted,
            error: {
              code: "validation",
              message: "Some fields need your attention.",
              fieldErrors: { reason: ["Keep the reason under 500 characters."] },
            },
          }
        : { ok: true, intent: posted.intent, message: "Paused." },
    );
    expect((await screen.findByTestId("count-Sent")).textContent).toBe("898");
    expect(screen.getByTestId("count-Queued").textContent).toBe("300");
    expect(screen.getByText("Updates every few seconds")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Resume" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Pause" }));
    await waitFor(() => expect(posts).toEqual([{ intent: "pause" }]));
    await user.type(screen.getByLabelText("Reason to cancel (optional)"), "Wrong segment");
    await user.click(screen.getByRole("button", { name: "Cancel campaign" }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toEqual({ intent: "cancel", reason: "Wrong segment" });
    const reason = screen.getByLabelText("Reason to cancel (optional)");
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("cancel-reason-error")?.textContent).toContain(
      "Keep the reason under 500 characters.",
    );
  });

  it("delivery: a paused campaign offers resume, a finished one no controls", async () => {
    const progress = {
      pending: 0,
      queued: 0,
      held: 5,
      sending: 0,
      sent: 0,
      failed: 0,
      set_aside: 0,
      cancelled: 0,
      excluded: 0,
      job: null,
    } as unknown as CampaignPage["progress"];
    const { unmount } = inRouter(<DeliveryCard status="paused" progress={progress} />);
    await screen.findByRole("button", { name: "Resume" });
    expect(screen.queryByRole("button", { name: "Pause" })).toBeNull();
    unmount();
    inRouter(<DeliveryCard status="completed" progress={progress} />);
    await screen.findByTestId("count-Held");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("the preview: the person chosen, the subject and the email, and who there is to choose from", async () => {
    inRouter(
      <PreviewCard
        preview={{
          personId: "p2",
          email: {
            subject: "Would you like to work with us again, Ana?",
            html: "<p>Hello Ana,</p>",
            text: "Hello Ana,\n\nWe miss you.",
          },
          tone: null as never,
          noteTone: null,
        }}
        people={[
          { id: "p1", name: "Björn Lund" },
          { id: "p2", name: "Ana Silva" },
        ]}
        find=""
        pickerLimit={50}
      />,
    );
    expect((await screen.findByTestId("preview-subject")).textContent).toBe(
      "Would you like to work with us again, Ana?",
    );
    expect((screen.getByLabelText("Preview for") as HTMLSelectElement).value).toBe("p2");
    expect(screen.getByText("2 people to choose from.")).toBeTruthy();
    expect(screen.getByTitle("The email as HTML").getAttribute("sandbox")).toBe("");
    expect(screen.getByText(/We miss you\./)).toBeTruthy();
  });
});
