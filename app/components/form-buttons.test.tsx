// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderOnPageEntries } from "../../test/components/on-page";
import { z } from "zod";
import { useValidatedForm, ValidatedForm } from "./form";
import { Button, TextArea } from "./ui";

/** A form whose choice is the button pressed, with tick boxes outside it (a table's rows). */
const MoveSchema = z.object({
  to: z.enum(["shortlisted", "declined"], { error: "Choose where they go." }),
  id: z.array(z.string()).min(1, "Tick at least one application."),
  note: z.string().max(10, "Keep the note short.").optional(),
});

function Page() {
  const form = useValidatedForm(MoveSchema, { intent: "bulk" });
  return (
    <>
      <label>
        <input type="checkbox" name="id" value="a1" form="bulk" /> Ana
      </label>
      <label>
        <input type="checkbox" name="id" value="a2" form="bulk" /> Björn
      </label>
      <ValidatedForm form={form} id="bulk">
        <TextArea label="Note" {...form.field("note")} />
        <Button type="submit" name="to" value="shortlisted">
          Shortlist
        </Button>
        <Button type="submit" name="to" value="declined">
          Decline
        </Button>
      </ValidatedForm>
    </>
  );
}

const renderPage = () =>
  renderOnPageEntries(<Page />, { answer: () => ({ ok: true, intent: "bulk", message: "Moved." }) }).posts;

describe("the form pattern with buttons that carry a value and boxes outside the form", () => {
  it("checks the boxes that belong to the form: none ticked is refused before anything is sent", async () => {
    const user = userEvent.setup();
    const posts = renderPage();
    await user.click(await screen.findByRole("button", { name: "Shortlist" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link").textContent).toBe("Tick at least one application.");
    expect(posts).toEqual([]);
  });

  it("reads the pressed button's value as the field's, and sends the ticked boxes with it", async () => {
    const user = userEvent.setup();
    const posts = renderPage();
    await user.click(await screen.findByLabelText("Björn"));
    await user.click(screen.getByRole("button", { name: "Decline" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual(
      expect.arrayContaining([
        ["intent", "bulk"],
        ["id", "a2"],
        ["to", "declined"],
      ]),
    );
    expect(posts[0].filter(([name]) => name === "id")).toEqual([["id", "a2"]]);
    await screen.findByText("Moved.");
  });
});
