// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "~/modules/onboarding/checklist";
import { LogoForm } from "../portal/branding-admin";
import { DocumentUploadForm } from "./task-list";

type Posted = { contentType: string | null; fields: Record<string, FormDataEntryValue> };

function renderWith(element: () => React.ReactElement, answer: (posted: Posted) => unknown = () => null) {
  const posts: Posted[] = [];
  const Stub = createRemixStub([
    {
      path: "/",
      Component: element,
      action: async ({ request }) => {
        const contentType = request.headers.get("content-type");
        const posted = { contentType, fields: Object.fromEntries(await request.formData()) };
        posts.push(posted);
        return answer(posted);
      },
    },
  ]);
  render(<Stub />);
  return posts;
}

const Upload = () => (
  <DocumentUploadForm taskId="t1" label="Your document" hint="PDF, PNG or JPEG" button="Upload" />
);

describe("the onboarding document upload", () => {
  it("marks the file required and, with none chosen, says so in a focused summary and sends nothing", async () => {
    const user = userEvent.setup();
    const posts = renderWith(Upload);
    const input = await screen.findByLabelText("Your document");
    expect(input.getAttribute("aria-required")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Upload" }));
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole("link").getAttribute("href")).toBe("#upload:t1-document");
    expect(within(summary).getByRole("link").textContent).toBe("Choose a file to upload.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(posts).toEqual([]);
  });

  it("refuses a file past the limit in the browser, and sends a fitting one as multipart with its step", async () => {
    const user = userEvent.setup();
    const posts = renderWith(Upload, () => ({ ok: true, intent: "upload:t1", message: "Thank you." }));
    const input = await screen.findByLabelText("Your document");
    await user.upload(
      input,
      new File([new Uint8Array(MAX_DOCUMENT_BYTES + 1)], "big.pdf", { type: "application/pdf" }),
    );
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(within(await screen.findByRole("alert")).getByRole("link").textContent).toMatch(
      /larger than 5 MB/,
    );
    expect(posts).toEqual([]);

    await user.upload(input, new File(["%PDF-1.7"], "passport.pdf", { type: "application/pdf" }));
    // The file itself is not checked here: the test browser's FormData drops a chosen file's
    // contents, so the real browser journey (test/e2e/contracts.test.ts) uploads it end to end.
    expect((input as HTMLInputElement).files?.[0]?.name).toBe("passport.pdf");
    expect(input.closest("form")?.getAttribute("enctype")).toBe("multipart/form-data");
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect((await screen.findByRole("status")).textContent).toBe("Thank you.");
    expect(posts).toHaveLength(1);
    expect(posts[0].contentType).toMatch(/^multipart\/form-data/);
    expect(posts[0].fields).toMatchObject({ intent: "upload:t1", taskId: "t1" });
  });

  it("shows the server's refusal under the file field", async () => {
    const user = userEvent.setup();
    renderWith(Upload, () => ({
      ok: false,
      intent: "upload:t1",
      error: {
        code: "validation",
        message: "This file is not a PDF, PNG or JPEG.",
        fieldErrors: { document: ["This file is not a PDF, PNG or JPEG."] },
      },
    }));
    const input = await screen.findByLabelText("Your document");
    await user.upload(input, new File(["plain text"], "notes.pdf", { type: "application/pdf" }));
    await user.click(screen.getByRole("button", { name: "Upload" }));
    await screen.findByRole("alert");
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("upload:t1-document-error")?.textContent).toContain(
      "This file is not a PDF, PNG or JPEG.",
    );
  });
});

describe("the logo upload", () => {
  it("with no file chosen says so and sends nothing; removing the logo posts its own intent", async () => {
    const user = userEvent.setup();
    const posts = renderWith(
      () => <LogoForm hasLogo limit="512 KB" />,
      () => ({
        ok: true,
        intent: "remove-logo",
        message: "Logo removed.",
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Replace logo" }));
    expect(within(await screen.findByRole("alert")).getByRole("link").textContent).toBe(
      "Choose a logo file to upload.",
    );
    expect(posts).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Remove logo" }));
    expect((await screen.findByRole("status")).textContent).toBe("Logo removed.");
    expect(posts.map((p) => p.fields)).toEqual([{ intent: "remove-logo" }]);
  });
});
