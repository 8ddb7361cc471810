// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderOnPage, type PostedFields } from "../../test/components/on-page";
import { z } from "zod";
import { requiredFields, SubmitButton, useValidatedForm, ValidatedForm } from "./form";
import { Checkbox, SelectField, TextArea, TextField } from "./ui";

const NoteSchema = z.object({
  title: z.string().trim().min(1, "Give the note a title."),
  body: z.string().trim().min(5, "Write at least 5 characters."),
  topic: z.enum(["return", "contract"], { error: "Choose a topic." }),
  nickname: z.string().trim().optional(),
  urgent: z.coerce.boolean().optional(),
});

function NoteForm() {
  const form = useValidatedForm(NoteSchema, { intent: "add-note", defaultValues: { title: "Hello" } });
  return (
    <ValidatedForm form={form}>
      <TextField label="Title" {...form.field("title")} />
      <TextArea label="Note" {...form.field("body")} />
      <SelectField
        label="Topic"
        options={[
          { value: "", label: "Choose…" },
          { value: "return", label: "Return" },
          { value: "contract", label: "Contract" },
        ]}
        {...form.field("topic")}
      />
      <TextField label="Nickname" {...form.field("nickname")} />
      <Checkbox label="Urgent" {...form.checkbox("urgent")} />
      <SubmitButton>Add note</SubmitButton>
    </ValidatedForm>
  );
}

const renderForm = (answer: (posted: PostedFields) => unknown) =>
  renderOnPage(<NoteForm />, { answer }).posts;

describe("the form pattern", () => {
  it("marks required fields before anything is submitted, from the schema", async () => {
    renderForm(() => ({ ok: true }));
    expect((await screen.findByLabelText(/^Title/)).getAttribute("aria-required")).toBe("true");
    const markOf = (label: string) =>
      screen.getByText(label).parentElement?.querySelector("[data-required-mark]")?.textContent?.trim();
    expect(markOf("Title")).toBe("(required)");
    expect(markOf("Note")).toBe("(required)");
    expect(markOf("Nickname")).toBeUndefined();
    expect(screen.getByLabelText("Urgent").getAttribute("aria-required")).toBeNull();
    expect([...requiredFields(NoteSchema)]).toEqual(["title", "body", "topic"]);
  });

  it("a failed check shows a focused summary linking to each field, one message per field, and sends nothing", async () => {
    const user = userEvent.setup();
    const posts = renderForm(() => ({ ok: true }));
    await user.clear(await screen.findByLabelText(/^Title/));
    await user.click(screen.getByRole("button", { name: "Add note" }));

    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole("heading").textContent).toBe("There is a problem");
    const links = within(summary).getAllByRole("link");
    expect(links.map((l) => [l.textContent, l.getAttribute("href")])).toEqual([
      ["Give the note a title.", "#add-note-title"],
      ["Write at least 5 characters.", "#add-note-body"],
      ["Choose a topic.", "#add-note-topic"],
    ]);
    const title = screen.getByLabelText(/^Title/);
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(title.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Error: Give the note a title.",
    );

    await user.click(links[1]);
    expect(document.activeElement).toBe(screen.getByLabelText(/^Note/));
    expect(posts).toEqual([]);
  });

  it("sends a valid form with its intent and shows the success message", async () => {
    const user = userEvent.setup();
    const posts = renderForm(() => ({ ok: true, intent: "add-note", message: "Note added." }));
    await user.type(await screen.findByLabelText(/^Note/), "Called back today");
    await user.selectOptions(screen.getByLabelText(/^Topic/), "return");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    expect((await screen.findByRole("status")).textContent).toBe("Note added.");
    expect(posts).toEqual([
      { intent: "add-note", title: "Hello", body: "Called back today", topic: "return", nickname: "" },
    ]);
  });

  it("server errors land in the same fields and the same summary, first message only", async () => {
    const user = userEvent.setup();
    renderForm((posted) => ({
      ok: false,
      intent: "add-note",
      values: posted,
      error: {
        code: "validation",
        message: "Some fields need your attention.",
        fieldErrors: { title: ["A note with this title exists already.", "Second message"] },
      },
    }));
    await user.type(await screen.findByLabelText(/^Note/), "Called back today");
    await user.selectOptions(screen.getByLabelText(/^Topic/), "contract");
    await user.click(screen.getByRole("button", { name: "Add note" }));

    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain("Some fields need your attention.");
    expect(within(summary).getByRole("link").textContent).toBe("A note with this title exists already.");
    expect(screen.queryByText("Second message")).toBeNull();
    expect(screen.getByLabelText(/^Title/).getAttribute("aria-invalid")).toBe("true");
  });

  it("an error that is not about a field is shown in the summary as a sentence", async () => {
    const user = userEvent.setup();
    renderForm(() => ({
      ok: false,
      intent: "add-note",
      error: { code: "conflict", message: "Someone changed this person a moment ago. Reload and try again." },
    }));
    await user.type(await screen.findByLabelText(/^Note/), "Called back today");
    await user.selectOptions(screen.getByLabelText(/^Topic/), "contract");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("Someone changed this person a moment ago.");
    expect(within(summary).queryAllByRole("link")).toEqual([]);
  });

  it("after a post without JavaScript, the page comes back with the summary, the messages and what was typed", async () => {
    const Stub = createRemixStub([{ id: "note", path: "/", Component: NoteForm, action: async () => null }]);
    render(
      <Stub
        hydrationData={{
          actionData: {
            note: {
              ok: false,
              intent: "add-note",
              values: { title: "", body: "Hi", topic: "return" },
              error: {
                code: "validation",
                message: "Some fields need your attention.",
                fieldErrors: { title: ["Give the note a title."], body: ["Write at least 5 characters."] },
              },
            },
          },
        }}
      />,
    );
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getAllByRole("link")
        .map((l) => l.getAttribute("href")),
    ).toEqual(["#add-note-title", "#add-note-body"]);
    expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe("Hi");
    expect((screen.getByLabelText(/^Topic/) as HTMLSelectElement).value).toBe("return");
    expect(screen.getByLabelText(/^Note/).getAttribute("aria-invalid")).toBe("true");
  });

  it("ignores the answer meant for another form on the page", async () => {
    const user = userEvent.setup();
    renderForm(() => ({ ok: false, intent: "other-form", error: { code: "validation", message: "Nope" } }));
    await user.type(await screen.findByLabelText(/^Note/), "Called back today");
    await user.selectOptions(screen.getByLabelText(/^Topic/), "contract");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Add note" }).hasAttribute("disabled")).toBe(false),
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a hidden input the schema names (a record's version) is checked with the value it sends and does not block the submit", async () => {
    const VersionedSchema = z.object({
      version: z.coerce.number().int().min(1, "Reload the page and try again."),
      reason: z.string().trim().min(1, "Say why."),
    });
    function CancelForm() {
      // No default for the version: it travels only in the hidden input, as on the contract page.
      const form = useValidatedForm(VersionedSchema, { intent: "cancel" });
      return (
        <ValidatedForm form={form}>
          <input type="hidden" name="version" value="7" />
          <TextArea label="Reason" {...form.field("reason")} />
          <SubmitButton>Cancel the contract</SubmitButton>
        </ValidatedForm>
      );
    }
    const { posts } = renderOnPage(<CancelForm />, {
      answer: () => ({ ok: true, intent: "cancel", message: "Cancelled." }),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Reason/), "The role was filled.");
    await user.click(screen.getByRole("button", { name: "Cancel the contract" }));
    expect(await screen.findByText("Cancelled.")).toBeTruthy();
    expect(screen.queryByText("Reload the page and try again.")).toBeNull();
    expect(posts).toEqual([{ intent: "cancel", version: "7", reason: "The role was filled." }]);
  });
});
