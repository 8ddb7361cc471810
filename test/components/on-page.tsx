import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import { expect } from "vitest";
import type { ReactElement } from "react";

/** A post as its fields (the last value of a repeated name). */
export type PostedFields = Record<string, FormDataEntryValue>;
/** A post as every name and value in order (repeated names such as ticked rows kept). */
export type PostedEntries = [string, FormDataEntryValue][];

type PageOptions<P> = {
  /** The page's address (the form posts to it). */
  path?: string;
  /** What the page's action answers to each post; `{ ok: true }` unless given. */
  answer?: (posted: P) => unknown;
};

function onPage<P>(element: ReactElement, read: (data: FormData) => P, options: PageOptions<P>) {
  const path = options.path ?? "/";
  const answer = options.answer ?? (() => ({ ok: true }));
  const posts: P[] = [];
  const Stub = createRemixStub([
    {
      path: path.split("?")[0],
      Component: () => element,
      action: async ({ request }) => {
        const posted = read(await request.formData());
        posts.push(posted);
        return answer(posted);
      },
    },
  ]);
  return { ...render(<Stub initialEntries={[path]} />), posts };
}

/**
 * `element` rendered on a page whose action records each post's fields and answers it: for
 * component tests of forms (what is sent, and what the form shows of the answer).
 */
export function renderOnPage(element: ReactElement, options: PageOptions<PostedFields> = {}) {
  return onPage(element, (data) => Object.fromEntries(data), options);
}

/** The same, recording every name and value in order (for forms that post repeated names). */
export function renderOnPageEntries(element: ReactElement, options: PageOptions<PostedEntries> = {}) {
  return onPage(element, (data) => [...data.entries()], options);
}

/**
 * The form's error summary once it has taken focus, as [message, link target] pairs: what a
 * person sees first after a refused submit, and where each line takes them.
 */
export async function focusedErrorSummary(): Promise<[string | null, string | null][]> {
  const summary = await screen.findByRole("alert");
  await waitFor(() => expect(document.activeElement).toBe(summary));
  return within(summary)
    .getAllByRole("link")
    .map((l) => [l.textContent, l.getAttribute("href")]);
}
