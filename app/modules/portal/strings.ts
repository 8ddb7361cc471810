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

  "home.whatWeAreDoing": "What we are doing, and why",
  "home.flexibleWork": "What flexible work looks like",
  "home.contact": "Who to contact",
  "home.contactWrite": "Write to {name} at {email}.",
  "home.contactWriteRole": "Write to {name} ({role}) at {email}.",
  "home.contactCall": "Or call {phone}.",
  "home.nothingYet":
    "{company} has not written its welcome page yet. In the meantime, you can write to {email}.",
  "home.whatYouCanDo": "What you can do here",

  // Return programs and applying (issue 14)
  "nav.programs": "Ways back",
  "nav.applications": "My applications",
  "nav.programsDescription": "The roles {company} has opened for former colleagues, and how to apply.",
  "nav.applicationsDescription": "Where each of your applications stands, and how to withdraw one.",
  "programs.title": "Ways back",
  "programs.intro":
    "These are the roles {company} has opened for former colleagues. Read what each involves, and apply to the ones that suit you.",
  "programs.none":
    "There are no open roles right now. We will write to you when one opens, if you have said we may.",
  "programs.openingsOne": "1 opening",
  "programs.openingsMany": "{count} openings",
  "programs.rate": "{min}–{max} {currency} an hour",
  "programs.remote": "Remote",
  "programs.closesOn": "Apply by {date}",
  "programs.matchesPreference": "Matches what you told us you prefer",
  "programs.read": "Read more and apply",
  "programs.applied": "You applied: {status}",
  "programs.back": "All ways back",
  "programs.facts": "At a glance",
  "programs.engagement": "Kind of work",
  "programs.where": "Where",
  "programs.pay": "Pay",
  "programs.openings": "Openings",
  "programs.engagementGig": "Gig: you choose when you work",
  "programs.engagementPartTime": "Part-time",
  "programs.engagementFullTime": "Full-time",
  "programs.notEligibleTitle": "We cannot take an application from you right now",
  "programs.notEligible":
    "Based on what we hold about your time with us, we cannot take an application from you at the moment. That may be because of how or when your employment ended. If you think we got something wrong, you can ask for a review: a person will look at it and answer you.",
  "programs.askReview": "Ask for a review",
  "programs.closedTitle": "This role is not taking applications",
  "programs.paused":
    "This role is paused for now, so it is not taking applications. It may open again: we will say so here.",
  "programs.closed": "This role has closed and is no longer taking applications.",
  "programs.pastClosing": "This role stopped taking applications on its closing date.",
  "programs.alreadyApplied":
    "You have already applied to this role, so there is nothing more to send. You can see where your application stands under “My applications”.",
  "apply.title": "Apply",
  "apply.intro":
    "A few sentences are enough. We have filled in your availability from your profile: change it if it is different for this role.",
  "apply.motivation": "Why would you like to come back?",
  "apply.motivationHint": "For example what you enjoyed, what you have done since, what you would bring.",
  "apply.motivationMissing":
    "Tell us in a few sentences why you would like to come back (at least 20 characters).",
  "apply.motivationTooLong": "Please keep your message under 4,000 characters.",
  "apply.hours": "Hours a week you could work",
  "apply.hoursHint": "A whole number from 1 to 60; leave it empty if you are not sure.",
  "apply.hoursInvalid": "Enter the hours a week as a whole number from 1 to 60, or leave it empty.",
  "apply.days": "Days you could work",
  "apply.daysInvalid": "Choose days from the list.",
  "apply.earliestStart": "Earliest start",
  "apply.earliestStartHint":
    "The first day you could start, as a date (YYYY-MM-DD). Leave it empty if any time suits.",
  "apply.dateInvalid": "Enter the date as YYYY-MM-DD, or leave it empty.",
  "apply.submit": "Send my application",
  "apply.sent": "Thank you: your application has reached us. We have sent you an email confirming it.",
  "day.mon": "Monday",
  "day.tue": "Tuesday",
  "day.wed": "Wednesday",
  "day.thu": "Thursday",
  "day.fri": "Friday",
  "day.sat": "Saturday",
  "day.sun": "Sunday",
  "applications.title": "My applications",
  "applications.intro":
    "Where each of your applications stands. You can withdraw one at any time before you accept an offer.",
  "applications.none": "You have not applied to anything yet.",
  "applications.browse": "See the ways back",
  "applications.appliedOn": "Applied on {date}",
  "applications.statusSubmitted": "We have your application. Someone will read it soon.",
  "applications.statusInReview": "Your application is being read.",
  "applications.statusShortlisted": "You are on the shortlist. We will be in touch about next steps.",
  "applications.statusOffered": "We would like you back. An offer is being prepared for you.",
  "applications.statusDeclined": "We decided not to go ahead this time. We sent you an email explaining why.",
  "applications.statusWithdrawn": "You withdrew this application.",
  "applications.statusHired": "Welcome back: you accepted the offer.",
  "applications.labelSubmitted": "Received",
  "applications.labelInReview": "Being read",
  "applications.labelShortlisted": "Shortlisted",
  "applications.labelOffered": "Offer coming",
  "applications.labelDeclined": "Not this time",
  "applications.labelWithdrawn": "Withdrawn",
  "applications.labelHired": "Back with us",
  "applications.withdraw": "Withdraw this application",
  "applications.withdrawConfirm": "Yes, withdraw my application to {title}",
  "applications.withdrawExplain":
    "If you withdraw, we stop considering you for this role. You can still apply to other roles.",
  "applications.withdrawn": "Your application is withdrawn. Thank you for letting us know.",
  "applications.changed":
    "Your application changed while you were looking at it. Nothing was withdrawn: look at it again below.",
  // Answering an invitation (the page a campaign email's main button opens; ADR 038)
  "answer.title": "Your answer",
  "answer.question": "Would you like to work with us again, {firstName}?",
  "answer.intro": "{company} asked if you would like to come back.",
  "answer.offerHeading": "What we can offer",
  "answer.replyBy": "Please tell us by {date}. Your answer does not commit you to anything.",
  "answer.previous":
    "You answered “{answer}” on {date}. You can change your answer here; we keep the latest one.",
  "answer.legend": "Your answer",
  "answer.choice.interested": "Yes, I'm interested",
  "answer.choice.interestedHint": "Someone from {company} will get in touch about the next step.",
  "answer.choice.notNow": "Not now",
  "answer.choice.notNowHint": "You stay in our alumni pool, and we may ask again when something fits.",
  "answer.choice.stop": "Please don't contact me",
  "answer.choice.stopHint": "We stop emailing you about coming back and about alumni news.",
  "answer.availabilityLegend": "When could you work? (optional)",
  "answer.availabilityHint": "Only if you are interested. A rough idea is enough.",
  "answer.hoursLabel": "Hours a week",
  "answer.startLabel": "Earliest start",
  "answer.choose": "Choose…",
  "answer.hours.upTo10": "Up to 10 hours",
  "answer.hours.from10To20": "10 to 20 hours",
  "answer.hours.from20To30": "20 to 30 hours",
  "answer.hours.over30": "30 hours or more",
  "answer.start.now": "Right away",
  "answer.start.withinMonth": "Within a month",
  "answer.start.withinThreeMonths": "In one to three months",
  "answer.start.later": "In more than three months",
  "answer.messageLabel": "Anything you would like us to know (optional)",
  "answer.messageHint": "Only {company}'s HR team reads it. Up to {max} characters.",
  "answer.submit": "Send my answer",
  "answer.noSignIn": "This page does not sign you in: it only records your answer.",
  "answer.questions": "Questions? Write to {name} at {email}.",
  "answer.error.chooseAnswer": "Choose one answer.",
  "answer.error.chooseFromList": "Choose one of the options in the list.",
  "answer.error.messageTooLong": "Keep your message under {max} characters, or write to us by email.",
  "answer.error.unknownForm": "This form is not one we know. Reload the page and try again.",
  "answer.error.unreadable": "Your answer could not be read. Reload the page and send it again.",
  "answer.done.interestedTitle": "Thank you, {firstName}",
  "answer.done.interested":
    "We have your answer: yes, you are interested. {sender} from {company} will get in touch about the next step.",
  "answer.done.notNowTitle": "Thank you for letting us know",
  "answer.done.notNow":
    "We have your answer: not now. You stay in our alumni pool, and we may ask again when something fits.",
  "answer.done.stopTitle": "We will not contact you again",
  "answer.done.stop":
    "You asked us not to contact you. We will not email you about coming back or about alumni news any more.",
  "answer.done.stopCancelledOne": "We also stopped an email that was waiting to go out.",
  "answer.done.stopCancelledMany": "We also stopped {count} emails that were waiting to go out.",
  "answer.done.stopTransactional":
    "Email about something you started yourself, such as an application or a contract, still reaches you.",
  "answer.done.changeMind": "Changed your mind? Choose what we email you about",
  "answer.done.availability": "Your availability",
  "answer.done.message": "Your message",
  "answer.done.change": "You can change your answer with the same link until {date}.",
  "answer.done.changeNow": "Change my answer",
  "answer.invalid.title": "This link cannot be used",
  "answer.invalid.body":
    "This link is not complete or was changed on the way. Use the button in the latest email we sent you.",
  "answer.invalid.signIn": "Sign in to the alumni site",
  "answer.invalid.writeToSender": "Or write to the person who signed the email: they can note your answer.",
  "answer.expired.title": "This link has expired",
  "answer.expired.body": "The link in your email could be used until {date}. We can send you a new one.",
  "answer.expired.button": "Email me a new link",
  "answer.expired.sent":
    "We sent a new link to the address our invitation went to. It can be used for {days} days.",
  "answer.expired.tooSoon":
    "We sent you a new link a moment ago. Please look for it in your inbox before asking again.",
  "answer.gone.title": "Nothing to answer",
  "answer.gone.body":
    "We no longer hold a record for this link, so there is nothing to answer and we will not email you about it.",

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
