/**
 * Every user-facing string of the alumni portal, in one catalogue ready for translation (ADR 036).
 * Keys are `area.name`; values may hold `{placeholders}` filled by `t()`. The portal speaks as
 * the employer: `{company}` is the employer's name, and no string names the product.
 *
 * Add a section per page; keep sentences whole (no concatenating halves in components), so a
 * translator sees each one in full. Server messages (errors, outcomes) shown in the portal live
 * here too.
 */
export const PORTAL_STRINGS_EN = {
  // The shell around every portal page
  "shell.skipToContent": "Skip to content",
  "shell.portalName": "{company} alumni",
  "shell.logoAlt": "{company}",
  "shell.nav": "Alumni portal",
  "shell.menu": "Menu",
  "shell.signedInAs": "Signed in as {name}",
  "shell.signOut": "Sign out",
  "shell.footer": "This site is run by {company} for its former colleagues.",
  "shell.footerPrivacy": "Questions about your data? Write to {email}.",
  "shell.pageTitle": "{title} · {company} alumni",

  // Navigation entries (shown only for pages that exist)
  "nav.home": "Home",

  // Sign-in by email link
  "signIn.title": "Sign in",
  "signIn.intro":
    "Enter the email address {company} has for you: your old work address or your personal one. We will email you a link to sign in. No password needed.",
  "signIn.email": "Email address",
  "signIn.emailHint": "The link goes only to this address.",
  "signIn.emailInvalid": "Enter an email address, such as name@example.com.",
  "signIn.submit": "Email me a sign-in link",
  "signIn.sentTitle": "Check your email",
  "signIn.sent":
    "If {company} has this address on file, we have sent it a sign-in link. The link works once, for {minutes} minutes. If nothing arrives in a few minutes, check your spam folder.",
  "signIn.askAgain": "Ask for a new link",
  "signIn.tooManyForAddress":
    "We have sent several sign-in links to this address in the last few minutes. Use the newest email from us (its link works for {minutes} minutes), or wait {wait} minutes and ask again.",
  "signIn.tooManyFromNetwork":
    "There have been too many sign-in requests from your network. Wait {wait} minutes, then try again.",
  "signIn.privacy": "We use this address only to send you the link.",
  "signIn.confirmTitle": "Finish signing in",
  "signIn.confirm": "Press the button to sign in to the {company} alumni site on this device.",
  "signIn.confirmButton": "Sign in",
  "signIn.confirmWhy":
    "We ask you to press the button because some email services open links by themselves to check them, and your link works only once.",
  "signIn.invalidTitle": "This link cannot be used",
  "signIn.invalid":
    "This sign-in link is not valid any more. Links work once and expire after {minutes} minutes, and a newer link replaces older ones.",
  "signIn.signedOut": "You have signed out. You can sign in again at any time with a new link.",
  "signIn.pageTitleConfirm": "Finish signing in",
  "signIn.invalidRequest": "Press the Sign in button on this page to finish signing in.",

  // Home (the welcome page)
  "home.title": "Welcome back",
  "home.greeting": "Welcome back, {name}",
  "home.intro":
    "This is {company}'s site for former colleagues. Here you can see what we are doing and tell us how you would like to stay in touch.",

  // Errors inside the portal
  "error.title": "Something went wrong",
  "error.notFoundTitle": "We could not find that page",
  "error.notFound": "The page may have moved, or the link may be incomplete.",
  "error.forbiddenTitle": "This page is not available to you",
  "error.forbidden":
    "These pages are for former colleagues, who sign in with a link sent to their email. Staff accounts cannot open them.",
  "error.generic": "Nothing was changed. Please try again in a moment.",
  "error.unavailableTitle": "This site is briefly unavailable",
  "error.unavailable": "We cannot reach our records right now. Please try again in a minute.",
  "error.reference": "If you contact us about this, mention the reference {id}.",
  "error.backHome": "Back to the alumni home page",
} as const;

export type PortalStringKey = keyof typeof PORTAL_STRINGS_EN;
export type PortalCatalogue = Record<PortalStringKey, string>;

/** Catalogues by language. English is the source; a translation supplies every key. */
export const PORTAL_CATALOGUES: Record<string, PortalCatalogue> = { en: PORTAL_STRINGS_EN };

export type PortalVars = Record<string, string | number>;

/** Fills `{name}` placeholders; a placeholder without a value stays visible (a test catches it). */
export function format(template: string, vars: PortalVars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** The portal's text for `key` in `language` (English when there is no such catalogue). */
export function t(key: PortalStringKey, vars?: PortalVars, language = "en"): string {
  const catalogue = PORTAL_CATALOGUES[language] ?? PORTAL_STRINGS_EN;
  return format(catalogue[key] ?? PORTAL_STRINGS_EN[key], vars);
}

/** The placeholders a string expects, for tests and translators. */
export function placeholdersOf(key: PortalStringKey): string[] {
  return [...PORTAL_STRINGS_EN[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}
