import { isRouteErrorResponse } from "@remix-run/react";
import { isErrorPayload } from "~/platform/errors";

export type ErrorDescription = { status?: number; title: string; message: string; correlationId?: string };

/** What to tell a person about an error a loader threw: a title, a sentence, a reference. */
export function describeRouteError(error: unknown, fallbackCorrelationId?: string): ErrorDescription {
  let title = "Something went wrong on our side";
  let message = "Nothing was changed. Please try again in a moment.";
  let correlationId = fallbackCorrelationId;
  let status: number | undefined;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const payload = isErrorPayload(error.data) ? error.data : undefined;
    correlationId = payload?.correlationId ?? correlationId;
    if (error.status === 404) {
      title = "We could not find that page";
      message = payload?.message ?? "The address may be mistyped, or the page has moved.";
    } else if (error.status === 403) {
      title = "You do not have access to this";
      message = payload?.message ?? "Ask an administrator if you need it.";
    } else if (error.status === 503) {
      title = "Comeback is briefly unavailable";
      message = payload?.message ?? "Please try again in a minute.";
    } else if (payload && error.status < 500) {
      title = "That did not work";
      message = payload.message;
    }
  }
  return { status, title, message, correlationId };
}

/** The body of an error page: heading, sentence, support reference. */
export function ErrorMessage({ description }: { description: ErrorDescription }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">{description.title}</h1>
      <p className="mt-4 text-muted">{description.message}</p>
      {description.correlationId ? (
        <p className="mt-4 text-sm text-muted">
          If you contact support, mention this reference:{" "}
          <code className="rounded bg-white px-1">{description.correlationId}</code>
        </p>
      ) : null}
    </>
  );
}

/** A whole page for an error outside any frame (the root, or the staff area before it loads). */
export function StandaloneErrorPage({ description }: { description: ErrorDescription }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand">Comeback</p>
      <div className="mt-2">
        <ErrorMessage description={description} />
      </div>
      <p className="mt-8">
        <a className="font-medium text-brand underline" href="/">
          Go to the start page
        </a>
      </p>
    </main>
  );
}
