// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

/**
 * A submission cut short by the next navigation rejects with an AbortError: the newer navigation
 * wins and nothing went wrong, so the form must not leave an unhandled rejection behind (the
 * browser logs it as an uncaught error, which the journeys treat as a failure).
 */
const submitted = vi.hoisted(() => ({ answer: (): Promise<void> => Promise.resolve(), calls: 0 }));

vi.mock("@remix-run/react", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@remix-run/react")>();
  return {
    ...actual,
    useSubmit: () => () => {
      submitted.calls += 1;
      return submitted.answer();
    },
  };
});

const { SubmitButton, useValidatedForm, ValidatedForm } = await import("./form");
const { TextField } = await import("./ui");

const Schema = z.object({ note: z.string().trim().min(1, "Write the note.") });

function NoteForm() {
  const form = useValidatedForm(Schema, { intent: "note" });
  return (
    <ValidatedForm form={form}>
      <TextField label="Note" {...form.field("note")} />
      <SubmitButton>Save</SubmitButton>
    </ValidatedForm>
  );
}

let rejections: unknown[] = [];
const collect = (reason: unknown) => void rejections.push(reason);

beforeEach(() => {
  rejections = [];
  submitted.calls = 0;
  process.on("unhandledRejection", collect);
});
afterEach(() => {
  process.off("unhandledRejection", collect);
});

async function submitOnce() {
  const Stub = createRemixStub([{ path: "/", Component: NoteForm, action: async () => null }]);
  render(<Stub />);
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^Note/), "Called back");
  await user.click(screen.getByRole("button", { name: "Save" }));
  // Let the rejected submission settle and any unhandled rejection be reported.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("a submission interrupted by the next navigation", () => {
  it("leaves no unhandled rejection when its fetch is aborted", async () => {
    submitted.answer = () => Promise.reject(new DOMException("The operation was aborted.", "AbortError"));
    await submitOnce();
    expect(submitted.calls).toBe(1);
    expect(rejections).toEqual([]);
  });

  it("still lets any other failure surface", async () => {
    const failure = new Error("the router broke");
    submitted.answer = () => Promise.reject(failure);
    await submitOnce();
    expect(submitted.calls).toBe(1);
    expect(rejections).toEqual([failure]);
  });
});
