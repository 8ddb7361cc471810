import { LinkPage } from "~/components/link-page";
import { t, type PortalStringKey } from "~/modules/portal/strings";
import type { UnsubscribePurpose } from "~/platform/mailer/unsubscribe.server";

const link = "text-brand underline";

/** Each kind of email in the catalogue's words: its name, what it is, and the topic in a sentence. */
export const PURPOSE_WORDS: Record<
  UnsubscribePurpose,
  { title: PortalStringKey; description: PortalStringKey; topic: PortalStringKey }
> = {
  return_opportunities: {
    title: "privacy.contact.returnOpportunities.title",
    description: "privacy.contact.returnOpportunities.description",
    topic: "preferences.topic.returnOpportunities",
  },
  news: {
    title: "privacy.contact.news.title",
    description: "privacy.contact.news.description",
    topic: "preferences.topic.news",
  },
};

/** The ways to choose again when a preferences or unsubscribe link does not work (ADR 081). */
function WaysBack({ signInHref }: { signInHref: string }) {
  return (
    <ul className="mt-6 list-disc space-y-2 pl-5 text-sm">
      <li>
        <a className={link} href={signInHref}>
          {t("preferences.waysBack.signIn")}
        </a>
        . {t("preferences.waysBack.signInHow")}
      </li>
      <li>{t("preferences.waysBack.nextEmail")}</li>
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
    <LinkPage title={t("preferences.invalidTitle")} brand={brand}>
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
    <LinkPage title={t("preferences.expiredTitle")} brand={brand}>
      <p className="mt-4 text-muted">
        {expiredOn ? t("preferences.expiredOn", { date: expiredOn }) : t("preferences.expired")}
      </p>
      <WaysBack signInHref={signInHref} />
      <p className="mt-6 text-sm text-muted">{t("preferences.expiredUnsubscribe")}</p>
    </LinkPage>
  );
}
