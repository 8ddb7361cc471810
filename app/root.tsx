import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useCorrelationId, useNonce } from "./components/nonce";
import { isErrorPayload } from "./platform/errors";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Comeback" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const ssrCorrelationId = useCorrelationId();
  let title = "Something went wrong on our side";
  let message = "Nothing was changed. Please try again in a moment.";
  let correlationId = ssrCorrelationId;
  if (isRouteErrorResponse(error)) {
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
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand">Comeback</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-4 text-muted">{message}</p>
      {correlationId ? (
        <p className="mt-4 text-sm text-muted">
          If you contact support, mention this reference:{" "}
          <code className="rounded bg-white px-1">{correlationId}</code>
        </p>
      ) : null}
      <p className="mt-8">
        <a className="font-medium text-brand underline" href="/">
          Go to the start page
        </a>
      </p>
    </main>
  );
}
