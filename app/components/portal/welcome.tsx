import { paragraphs, type WelcomeContent } from "~/modules/portal/welcome";
import { t } from "~/modules/portal/strings";
import { PORTAL_NAV, type PortalNavItem } from "./portal-shell";
import { Text } from "./text";

const link = "font-medium text-brand underline";

/** HR's welcome page as alumni read it: what and why, flexible work, who to contact. */
export function WelcomeSections({ content }: { content: WelcomeContent }) {
  const email = (
    <a className={link} href={`mailto:${content.contactEmail}`}>
      {content.contactEmail}
    </a>
  );
  return (
    <div className="space-y-6">
      <p className="text-xl font-medium text-brand">{content.headline}</p>
      <section aria-labelledby="welcome-what" className="space-y-3">
        <h2 id="welcome-what" className="text-lg font-semibold">
          {t("home.whatWeAreDoing")}
        </h2>
        {paragraphs(content.whatWeAreDoing).map((p, i) => (
          <p key={i} className="whitespace-pre-line">
            {p}
          </p>
        ))}
      </section>
      <section aria-labelledby="welcome-flexible" className="space-y-3">
        <h2 id="welcome-flexible" className="text-lg font-semibold">
          {t("home.flexibleWork")}
        </h2>
        {paragraphs(content.flexibleWork).map((p, i) => (
          <p key={i} className="whitespace-pre-line">
            {p}
          </p>
        ))}
      </section>
      <section aria-labelledby="welcome-contact" className="rounded-lg border border-line bg-white p-5">
        <h2 id="welcome-contact" className="text-lg font-semibold">
          {t("home.contact")}
        </h2>
        <p className="mt-2">
          {content.contactRole ? (
            <Text
              k="home.contactWriteRole"
              vars={{ name: content.contactName, role: content.contactRole, email }}
            />
          ) : (
            <Text k="home.contactWrite" vars={{ name: content.contactName, email }} />
          )}
        </p>
        {content.contactPhone ? (
          <p className="mt-1">
            <Text
              k="home.contactCall"
              vars={{
                phone: (
                  <a className={link} href={`tel:${content.contactPhone.replace(/[^+\d]/g, "")}`}>
                    {content.contactPhone}
                  </a>
                ),
              }}
            />
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** The portal's other pages, each with what it is for. */
export function WhatYouCanDo({ company, nav = PORTAL_NAV }: { company: string; nav?: PortalNavItem[] }) {
  const items = nav.filter((item) => item.description);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="what-you-can-do" className="space-y-3">
      <h2 id="what-you-can-do" className="text-lg font-semibold">
        {t("home.whatYouCanDo")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.to}>
            <a
              href={item.to}
              className="block min-h-11 rounded-lg border border-line bg-white p-4 hover:border-brand"
            >
              <span className="font-medium text-brand underline">{t(item.label)}</span>
              <span className="mt-1 block text-sm text-muted">{t(item.description!, { company })}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The home page: greeting, HR's welcome (or a plain note until HR writes one), the other pages. */
export function PortalHomePage({
  name,
  company,
  welcome,
  fallbackEmail,
}: {
  name: string;
  company: string;
  welcome: WelcomeContent | null;
  fallbackEmail: string;
}) {
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("home.greeting", { name })}</h1>
      {welcome ? (
        <WelcomeSections content={welcome} />
      ) : (
        <div className="space-y-3">
          <p className="text-lg">{t("home.intro", { company })}</p>
          <p>
            <Text
              k="home.nothingYet"
              vars={{
                company,
                email: (
                  <a className={link} href={`mailto:${fallbackEmail}`}>
                    {fallbackEmail}
                  </a>
                ),
              }}
            />
          </p>
        </div>
      )}
      <WhatYouCanDo company={company} />
    </div>
  );
}
