import type { ReactNode } from "react";

/**
 * The narrow, centred frame of pages reached from an email link (invitation, password reset).
 * Pages an alumnus reaches pass the employer's name as `brand`: they never name the product.
 */
export function LinkPage({
  title,
  brand = "Comeback",
  children,
}: {
  title: string;
  brand?: string;
  children: ReactNode;
}) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand">{brand}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}

/** The single page for unknown, expired, used and replaced links: the same words for all four. */
export function InvalidLink({ message, what }: { message: string; what: "invitation" | "reset" }) {
  return (
    <LinkPage title="This link cannot be used">
      <p className="mt-4 text-muted">{message}</p>
      <ul className="mt-6 list-disc space-y-2 pl-5 text-sm">
        {what === "invitation" ? (
          <li>For a new invitation, ask the administrator who invited you to send it again.</li>
        ) : (
          <li>
            <a className="text-brand underline" href="/forgot-password">
              Ask for a new password-reset link
            </a>
          </li>
        )}
        <li>
          If you already have a password,{" "}
          <a className="text-brand underline" href="/sign-in">
            sign in
          </a>
          .
        </li>
      </ul>
    </LinkPage>
  );
}
