import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useCorrelationId, useNonce } from "./components/nonce";
import { describeRouteError, StandaloneErrorPage } from "./components/error-page";
import { describePortalError, PortalErrorMessage } from "./components/portal/portal-error";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ location, error }) => {
  // Alumni pages set their own titles; an error outside them still never names the product.
  if (location.pathname.startsWith("/portal")) {
    return [{ title: describePortalError(error).title }];
  }
  return [{ title: "Comeback" }];
};

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
  const correlationId = useCorrelationId();
  // Alumni never see the product's name, even on an unknown /portal address.
  if (useLocation().pathname.startsWith("/portal")) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-16">
        <PortalErrorMessage description={describePortalError(error, correlationId)} />
      </main>
    );
  }
  return <StandaloneErrorPage description={describeRouteError(error, correlationId)} />;
}
