import { LinkPage } from "~/components/link-page";

const link = "text-brand underline";

/** The ways to choose again when a preferences or unsubscribe link does not work (ADR 081). */
function WaysBack({ signInHref }: { signInHref: string }) {
  return (
    <ul className="mt-6 list-disc space-y-2 pl-5 text-sm">
      <li>
        <a className={link} href={signInHref}>
          Sign in to the alumni site to choose what we email you about
        </a>{" "}
        (we email you a sign-in link; no password needed).
      </li>
      <li>Our next email to you will carry a new link to choose, which works for 30 days.</li>
    </ul>
  );
}

export function InvalidPreferencesLink({
  message,
  signInHref,
  brand,
}: {
  message: string;
  signInHref: string;
  brand: string;
}) {
  return (
    <LinkPage title="This link cannot be used" brand={brand}>
      <p className="mt-4 text-muted">{message}</p>
      <WaysBack signInHref={signInHref} />
    </LinkPage>
  );
}

export function ExpiredPreferencesLink({
  expiredOn,
  signInHref,
  brand,
}: {
  expiredOn: string | null;
  signInHref: string;
  brand: string;
}) {
  return (
    <LinkPage title="This link has expired" brand={brand}>
      <p className="mt-4 text-muted">
        A link to choose what we email you about works for 30 days
        {expiredOn ? `; this one stopped working on ${expiredOn}` : ""}. Nothing about you has changed.
      </p>
      <WaysBack signInHref={signInHref} />
      <p className="mt-6 text-sm text-muted">
        To stop an email, the unsubscribe link in it keeps working: it can only say no.
      </p>
    </LinkPage>
  );
}
