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
  "applications.reload": "This page is out of date. Reload it and try again: nothing was withdrawn.",
  "applications.changed":
    "Your application changed while you were looking at it. Nothing was withdrawn: look at it again below.",
  // The contract offered to the person: read, accept or decline, download (ADR 060)
  "contract.title": "Your contract",
  "contract.back": "My applications",
  "contract.introOpen":
    "{company} would like you back as {role} ({program}). Read the contract below. If it is right for you, accept it at the end of the page.",
  "contract.introOpenRole":
    "{company} would like you back as {role}. Read the contract below. If it is right for you, accept it at the end of the page.",
  "contract.openUntil": "The offer is open until {date}.",
  "contract.termsHeading": "The terms in short",
  "contract.factRole": "Role",
  "contract.factPay": "Pay",
  "contract.factHours": "Hours",
  "contract.factPlace": "Where",
  "contract.factStart": "Starts",
  "contract.factEnd": "Ends",
  "contract.factNotice": "Notice",
  "contract.factStipend": "Equipment stipend",
  "contract.factRateRange": "Program range",
  "contract.textHeading": "The contract",
  "contract.fingerprint": "Fingerprint of this text (SHA-256): {hash}",
  "contract.fingerprintWhy":
    "The fingerprint changes if anything in the text changes. It is printed on your copy, so both sides can always check that it is the text you accepted.",
  "contract.acceptHeading": "Accept the contract",
  "contract.acceptRecord":
    "When you accept, we keep this exact text and its fingerprint, the time, and which browser and internet address you used, as the record of what you agreed to. You can download a PDF copy straight after.",
  "contract.confirm": "I have read this contract and I accept it.",
  "contract.confirmRequired": "Tick the box to say you have read the contract and accept it.",
  "contract.acceptButton": "Accept the contract",
  "contract.declineHeading": "Not right for you?",
  "contract.declineExplain":
    "You can decline the offer. A message to us is welcome, but you do not have to give a reason.",
  "contract.declineComment": "A message to us (optional)",
  "contract.declineButton": "Decline the offer",
  "contract.acceptedNow": "Welcome back! You accepted the contract. Your copy is ready to download.",
  "contract.acceptedOn": "Welcome back! You accepted this contract on {date}.",
  "contract.download": "Download your copy (PDF)",
  "contract.declinedNow": "You declined the offer. Thank you for telling us.",
  "contract.declinedState": "You declined this offer. If you change your mind, write to us.",
  "contract.revising":
    "We are changing something in this offer. You will get an email when the new version is ready to read.",
  "contract.closed":
    "This offer is no longer open. If you are still interested, write to the person who sent it to you.",
  "contract.reload": "Reload the page and read the contract again.",
  "contract.changed":
    "The contract changed after you opened it, so we have not recorded your answer. The new text is on this page: please read it again before you decide.",
  "contract.alreadyAccepted": "You have already accepted this contract. Nothing more is needed here.",
  "contract.alreadyDeclined": "You have already declined this offer.",
  "contract.notOpen":
    "This offer is no longer open, so it cannot be answered. If you are still interested, write to the person who sent it to you.",
  "contract.listTitle": "Your contracts",
  "contract.stateOpen": "Offer waiting for your answer",
  "contract.stateRevising": "Offer being changed",
  "contract.stateAccepted": "Accepted",
  "contract.stateDeclined": "Declined",
  "contract.stateClosed": "No longer open",
  "contract.read": "Read the contract for {role}",
  "contract.onboardingLink": "Your steps before you start",

  // Onboarding: the person's steps after accepting (ADR 067)
  "onboarding.title": "Before you start",
  "onboarding.intro":
    "Welcome back as {role}! A few steps are left before your contract becomes active. Some are yours; the others are ours.",
  "onboarding.activeNow": "All done: your contract is active. Welcome back!",
  "onboarding.stopped": "This contract is no longer going ahead, so there is nothing more to do here.",
  "onboarding.mineHeading": "Your steps",
  "onboarding.othersHeading": "What we are doing for you",
  "onboarding.due": "Please finish by {date}",
  "onboarding.dueOurs": "We plan to finish by {date}",
  "onboarding.overdue": "Past its date",
  "onboarding.done": "Done",
  "onboarding.carriedOver": "Covered by your earlier employment",
  "onboarding.optional": "Optional",
  "onboarding.markDone": "I have done this",
  "onboarding.doneNow": "Thank you, that step is done.",
  "onboarding.activatedNow": "Thank you, that was the last step: your contract is active. Welcome back!",
  "onboarding.uploadLabel": "Your document (PDF, PNG or JPEG, at most {size})",
  "onboarding.uploadHint": "A scan or a clear photo. Only you and HR can see it.",
  "onboarding.uploadButton": "Upload",
  "onboarding.uploaded": "You uploaded {file}.",
  "onboarding.uploadedNow": "Thank you, we have your document.",
  "onboarding.reload": "Reload the page and try again.",
  "onboarding.refused.noStep": "That step does not exist, or you do not have access to it.",
  "onboarding.refused.noDocument": "That document does not exist, or you do not have access to it.",
  "onboarding.refused.alreadyDone": "This step is already finished. Nothing else changed.",
  "onboarding.refused.alreadyDoneBy": "{name} already finished this step. Nothing else changed.",
  "onboarding.refused.notRunning":
    "Onboarding is not running for this contract any more, so its steps cannot change.",
  "onboarding.refused.notYours": "This step belongs to someone else: only its owner can mark it done.",
  "onboarding.refused.uploadInstead": "Upload the document to finish this step.",
  "onboarding.refused.noDocumentAsked": "This step does not ask you for a document.",
  "onboarding.refused.missing": "Choose a file to upload.",
  "onboarding.refused.tooLarge": "This file is larger than {size}. Upload a smaller scan or photo.",
  "onboarding.refused.wrongType":
    "This file is not a PDF, PNG or JPEG. Upload a PDF, or a photo as PNG or JPEG.",
  "onboarding.refused.mismatch":
    "This file's name says one type but its content is another. Upload the file as it was saved.",

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
  "answer.done.interestedApply":
    "We have your answer: yes, you are interested. The next step is yours: apply below, and {sender} from {company} will read your application and get in touch.",
  "answer.done.applyTitle": "The next step: apply",
  "answer.done.apply": "Apply for {title}",
  "answer.done.applyHint":
    "Sign in with your email address (we send you a link) and tell us in a few sentences why you would like to come back.",
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

  // Form words shared by every portal form (the fields and the error summary)
  "form.required": "(required)",
  "form.errorPrefix": "Error: ",
  "form.problem": "There is a problem",
  "form.noMatch": "Nothing matches “{search}”.",
  "form.shownOf": "{shown} of {total} shown",

  // Navigation: profile, returning, data rights
  "nav.profile": "Your profile",
  "nav.eligibility": "Returning",
  "nav.privacy": "Your data",
  "nav.profileDescription": "Keep your contact details and availability up to date.",
  "nav.eligibilityDescription": "Whether you can return, in plain words, and how to ask us to look again.",
  "nav.privacyDescription": "Choose what we write to you about, download your data or ask us to erase it.",

  // Profile and availability (portal.profile)
  "profile.title": "Your profile",
  "profile.intro":
    "Keep these details current so we can reach you and offer work that fits your life. Only {company}'s HR team sees them.",
  "profile.section.contact": "About you and how to reach you",
  "profile.section.work": "Work you would like",
  "profile.section.availability": "When you are available",
  "profile.section.pastRoles": "Your roles with us",
  "profile.pastRoles.intro": "From our HR records. If something here is wrong, write to {email}.",
  "profile.pastRoles.empty": "We have no roles on record for you.",
  "profile.pastRoles.period": "{from} to {to}",
  "profile.pastRoles.current": "{from} onwards",
  "profile.field.preferredName": "What should we call you?",
  "profile.hint.preferredName": "Leave it empty and we will use {firstName}.",
  "profile.field.personalEmail": "Personal email",
  "profile.hint.personalEmail":
    "We write here rather than to your old work address. You can also sign in with it.",
  "profile.field.phone": "Phone",
  "profile.hint.phone": "With the country code, for example +46 70 123 45 67.",
  "profile.field.location": "Where you live",
  "profile.hint.location": "A city and country is enough.",
  "profile.field.timeZone": "Time zone",
  "profile.hint.timeZone": "So we suggest times that suit you.",
  "profile.timeZone.none": "Choose your time zone",
  "profile.timeZone.option": "{city} (UTC{offset})",
  "profile.field.languages": "Languages you work in",
  "profile.hint.languages": "Separate them with commas, for example Swedish, English.",
  "profile.field.skills": "Skills",
  "profile.hint.skills": "Separate them with commas, for example live chat, complaints handling.",
  "profile.field.engagement": "What kind of work would suit you?",
  "profile.engagement.gig": "Gig work: single shifts or short assignments",
  "profile.engagement.partTime": "Part-time",
  "profile.engagement.fullTime": "Full-time",
  "profile.engagement.none": "I am not sure yet",
  "profile.field.hours": "Hours per week",
  "profile.hint.hours": "A whole number from 1 to 60.",
  "profile.field.days": "Days you could work",
  "profile.day.mon": "Monday",
  "profile.day.tue": "Tuesday",
  "profile.day.wed": "Wednesday",
  "profile.day.thu": "Thursday",
  "profile.day.fri": "Friday",
  "profile.day.sat": "Saturday",
  "profile.day.sun": "Sunday",
  "profile.field.from": "From",
  "profile.field.to": "Until",
  "profile.hint.time": "Your local time, for example 09:00.",
  "profile.field.earliestStart": "Earliest start date",
  "profile.hint.earliestStart": "The first day you could start.",
  "profile.save": "Save your profile",
  "profile.saved": "Saved. HR sees your changes straight away.",
  "profile.unchanged": "Nothing to save: your profile already says this.",
  "profile.stale":
    "Someone at {company} updated your record while you were editing, so your changes were not saved. They are still in the form: check them and save again.",
  "profile.error.reload": "Reload the page and try again.",
  "profile.error.tooLong": "Use at most {max} characters.",
  "profile.error.hidden": "Remove line breaks and invisible characters.",
  "profile.error.email": "Enter an email address like name@example.com, or leave it empty.",
  "profile.error.emailTaken":
    "Use an address that is yours alone: this one is in our records for someone else.",
  "profile.error.phone":
    "Use digits, spaces, brackets or dashes, with an optional + at the start (at least 6 digits).",
  "profile.error.timeZone": "Choose a time zone from the list.",
  "profile.error.listTooMany": "List at most {max}.",
  "profile.error.listItemTooLong": "Keep each one under {max} characters.",
  "profile.error.hours": "Enter whole hours from 1 to 60, or leave it empty.",
  "profile.error.days": "Choose days from the list.",
  "profile.error.time": "Enter a time like 09:00, or leave it empty.",
  "profile.error.timeBoth": "Give both a start and an end time, or neither.",
  "profile.error.timeOrder": "The end time must be after the start time.",
  "profile.error.date": "Enter a date, or leave it empty.",
  "profile.error.dateRange": "Choose a date within the next three years.",
  "profile.error.engagement": "Choose one of the options.",

  // Returning: eligibility in plain words, and asking for a review (portal.eligibility)
  "eligibility.title": "Returning to {company}",
  "eligibility.intro":
    "This is where you stand under {company}'s rules for former colleagues returning, in plain words. If something looks wrong, ask us to look again.",
  "eligibility.outcome.eligible.title": "You can be considered for returning",
  "eligibility.outcome.eligible.body":
    "Nothing in our rules stands in the way of you working with {company} again. When work comes up that fits you, we may invite you.",
  "eligibility.outcome.needsReview.title": "A person in HR will look at your situation",
  "eligibility.outcome.needsReview.body":
    "Our rules ask someone in HR to look at your situation personally before we can say yes. This is not a no.",
  "eligibility.outcome.notEligible.title": "We cannot offer you a return at the moment",
  "eligibility.outcome.notEligible.body":
    "This follows from the rules below. If you think something is wrong or has changed, ask us to look again.",
  "eligibility.outcome.none.title": "We have not looked at this yet",
  "eligibility.outcome.none.body":
    "{company} has not yet reviewed who can return. Nothing is needed from you.",
  "eligibility.reasons.title": "What we looked at",
  "eligibility.reviewedByHr": "Someone in HR looked at your situation personally on {date}.",
  "eligibility.checkedOn": "Last checked on {date}.",
  "eligibility.reevaluateOn": "This may change on {date}; we will check again then.",
  "eligibility.rule.exitReason.eligible": "How your last role ended does not stand in the way.",
  "eligibility.rule.exitReason.needsReview":
    "How your last role ended means someone in HR looks at it personally.",
  "eligibility.rule.exitReason.notEligible":
    "How your last role ended means our current rules do not allow a return.",
  "eligibility.rule.coolingOff.eligible": "Enough time has passed since you left.",
  "eligibility.rule.coolingOff.needsReview": "We do not have the date you left, so someone will check it.",
  "eligibility.rule.coolingOff.notEligible":
    "Our rules ask for some time between leaving and returning, and that time has not passed yet.",
  "eligibility.rule.minimumTenure.eligible": "Your time with us meets our rules.",
  "eligibility.rule.minimumTenure.needsReview":
    "Your employment dates are incomplete in our records, so someone will check them.",
  "eligibility.rule.minimumTenure.notEligible":
    "Our rules ask for a minimum time worked with us, and our records show less.",
  "eligibility.rule.hrFlag.eligible": "Our HR records agree.",
  "eligibility.rule.hrFlag.needsReview": "Our HR records need a personal look.",
  "eligibility.rule.hrFlag.notEligible": "Our HR records say a return is not possible.",
  "eligibility.rule.doNotRehire.eligible": "There is no decision on record against a return.",
  "eligibility.rule.doNotRehire.needsReview":
    "A decision recorded by HR means someone will look at your situation personally.",
  "eligibility.rule.doNotRehire.notEligible":
    "A decision recorded by HR means we cannot offer a return at the moment.",
  "eligibility.rule.legalHold.eligible": "There is no open legal matter.",
  "eligibility.rule.legalHold.needsReview":
    "An open legal matter means someone will look at this personally.",
  "eligibility.rule.legalHold.notEligible":
    "An open legal matter means we have to wait before we can decide.",
  "eligibility.rule.consent.eligible": "You are happy to hear from us about returning.",
  "eligibility.rule.consent.needsReview":
    "You have not told us yet whether we may contact you about returning. You can say so under Your data.",
  "eligibility.rule.consent.notEligible":
    "You asked us not to contact you about returning. You can change that under Your data.",
  "eligibility.ask.title": "Ask us to look again",
  "eligibility.answers.title": "What HR answered",
  "eligibility.ask.intro":
    "Tell us what we should know: something missing or wrong in our records, or what has changed since you left. A person in HR reads every request.",
  "eligibility.ask.field": "Your message",
  "eligibility.ask.hint": "Between 10 and 2,000 characters.",
  "eligibility.ask.submit": "Send to HR",
  "eligibility.ask.sent": "Thank you. Your request is with HR, and their answer will appear on this page.",
  "eligibility.ask.open": "You asked us to look again on {date}. HR has your message and will answer here.",
  "eligibility.ask.answered": "HR answered your request of {date}:",
  "eligibility.ask.yourMessage": "Your message",
  "eligibility.ask.alreadyOpen": "You already have a request waiting. HR will answer it here first.",
  "eligibility.ask.error.short": "Write a few words (at least 10 characters).",
  "eligibility.ask.error.long": "Keep it under 2,000 characters.",
  "eligibility.ask.error.hidden": "Remove invisible or direction-changing characters.",

  // Your data: contact preferences, download, erasure (portal.privacy)
  "privacy.title": "Your data",
  "privacy.intro": "What we hold about you is yours to see, and you decide how we contact you.",
  "privacy.contact.title": "How we may contact you",
  "privacy.contact.intro": "Tick what you would like to hear about. You can change this at any time.",
  "privacy.contact.returnOpportunities.title": "Return opportunities",
  "privacy.contact.returnOpportunities.description":
    "Invitations to come back to work with us, and one reminder at most for each.",
  "privacy.contact.news.title": "Alumni news",
  "privacy.contact.news.description":
    "Occasional notes about changes at {company} that affect former colleagues.",
  "privacy.contact.save": "Save contact choices",
  "privacy.contact.saved": "Saved. We will only write to you about what you ticked.",
  "privacy.contact.unchanged": "Nothing changed: these were already your choices.",
  "privacy.contact.doNotContact":
    "HR has recorded that you should not be contacted, so we will not email you whatever you tick here. Write to {email} if that is not right.",
  "privacy.download.title": "Download your data",
  "privacy.download.intro":
    "Everything we hold about you, in one file: your record, your roles, emails we sent you, your requests and the history of changes. Internal notes by HR and managers, and security codes, are listed but not included; write to {email} if you want to see the notes.",
  "privacy.download.json": "Download as JSON (for computers)",
  "privacy.download.csv": "Download as CSV (for spreadsheets)",
  "privacy.erase.title": "Erase your data",
  "privacy.erase.intro":
    "You can ask us to erase everything we hold about you. HR checks the request first: we may have to keep some records for a while, for example while a contract runs, and we will tell you if so.",
  "privacy.erase.consequences":
    "Once it is done you can no longer sign in here, we will not contact you again, and if your details reach us again from our HR system, we will skip them.",
  "privacy.erase.field": "Anything we should know? (optional)",
  "privacy.erase.hint": "Up to 1,000 characters.",
  "privacy.erase.confirm": "I understand that this cannot be undone once HR approves it.",
  "privacy.erase.submit": "Ask us to erase my data",
  "privacy.erase.sent": "Your request is with HR (reference {reference}). This page shows where it stands.",
  "privacy.erase.pending":
    "You asked us to erase your data on {date} (reference {reference}). HR is looking at it; this page shows where it stands.",
  "privacy.erase.refused": "On {date} HR could not erase your data yet, for this reason:",
  "privacy.erase.askAgain": "You can ask again when the reason no longer applies.",
  "privacy.erase.alreadyRequested": "You have already asked us to erase your data. HR is looking at it.",
  "privacy.erase.error.confirm": "Tick the box to confirm you understand.",
  "privacy.erase.error.long": "Keep it under 1,000 characters.",
  "privacy.erase.error.hidden": "Remove invisible or direction-changing characters.",

  // Pages reached from a link in our email without signing in: choosing what we email (ADR 081)
  "preferences.pageTitle": "Email preferences · {company}",
  "preferences.title": "What we email you about",
  "preferences.intro":
    "Choose what {company} may write to you about. Email about something you started yourself, such as an application or a contract, always reaches you. This link works until {date}.",
  "preferences.introNamed":
    "{name}, choose what {company} may write to you about. Email about something you started yourself, such as an application or a contract, always reaches you. This link works until {date}.",
  "preferences.doNotContactTitle": "We will not contact you",
  "preferences.doNotContact":
    "Our HR team noted that you should not be contacted, so you get no email of these kinds, whatever you choose here. Write to the person named in our last email if that is not what you want.",
  "preferences.saved": "Saved. It applies at once.",
  "preferences.savedCancelledOne": "Saved. We also stopped 1 message that was waiting to go out.",
  "preferences.savedCancelledMany": "Saved. We also stopped {count} messages that were waiting to go out.",
  "preferences.unchanged": "Nothing changed: these were already your choices.",
  "preferences.signIn": "Sign in to the alumni site",
  "preferences.legend": "Email me about",
  "preferences.locked": "You said no to this after this link was sent, so it cannot say yes again.",
  "preferences.lockedSignIn": "Sign in to choose again",
  "preferences.lockedError.returnOpportunities":
    "You said no to return opportunities after this link was sent, so this link cannot say yes to them again. Sign in to the alumni site to choose again.",
  "preferences.lockedError.news":
    "You said no to alumni news after this link was sent, so this link cannot say yes to it again. Sign in to the alumni site to choose again.",
  "preferences.lockedError.both":
    "You said no to return opportunities and alumni news after this link was sent, so this link cannot say yes to them again. Sign in to the alumni site to choose again.",
  "preferences.save": "Save my choices",
  "preferences.noRecordTitle": "Nothing to change",
  "preferences.noRecord": "We no longer hold a record for this link, so we will not email you.",
  "preferences.invalidTitle": "This link cannot be used",
  "preferences.invalid":
    "This link is not complete or was changed on the way. Use the link in the latest email we sent you, or sign in to the alumni site to choose what we email you about.",
  "preferences.expiredTitle": "This link has expired",
  "preferences.expired":
    "A link to choose what we email you about works for 30 days. Nothing about you has changed.",
  "preferences.expiredOn":
    "A link to choose what we email you about works for 30 days; this one stopped working on {date}. Nothing about you has changed.",
  "preferences.expiredUnsubscribe":
    "To stop an email, the unsubscribe link in it keeps working: it can only say no.",
  "preferences.waysBack.signIn": "Sign in to the alumni site to choose what we email you about",
  "preferences.waysBack.signInHow": "We email you a sign-in link; no password needed.",
  "preferences.waysBack.nextEmail":
    "Our next email to you will carry a new link to choose, which works for 30 days.",
  "preferences.topic.returnOpportunities": "return opportunities",
  "preferences.topic.news": "alumni news",

  // The unsubscribe link in every outreach email (one click, never expires; ADR 022)
  "unsubscribe.pageTitle": "Unsubscribe · {company}",
  "unsubscribe.title": "Stop email about {topic}?",
  "unsubscribe.intro":
    "You are getting email from {company} about {topic}. {description} If you would rather not, press the button and we stop at once, including anything already waiting to be sent.",
  "unsubscribe.introNamed":
    "{name}, you are getting email from {company} about {topic}. {description} If you would rather not, press the button and we stop at once, including anything already waiting to be sent.",
  "unsubscribe.submit": "Unsubscribe from {topic}",
  "unsubscribe.noSignIn": "No sign-in needed. Nothing else about you changes.",
  "unsubscribe.chooseInstead": "Sign in to choose what we email you about instead",
  "unsubscribe.doneTitle": "You are unsubscribed",
  "unsubscribe.done": "We will not email you about {topic} any more.",
  "unsubscribe.doneNamed": "{name}, we will not email you about {topic} any more.",
  "unsubscribe.doneCancelled":
    "We will not email you about {topic} any more, and we stopped the messages that were already waiting to go out.",
  "unsubscribe.doneCancelledNamed":
    "{name}, we will not email you about {topic} any more, and we stopped the messages that were already waiting to go out.",
  "unsubscribe.stillReaches":
    "Email about something you started yourself, such as an application or a contract, still reaches you. If this was a mistake, or you would like to hear about something else, you can change it at any time.",
  "unsubscribe.choose": "Sign in to choose what we email you about",

  // Messages for a record that is not there (or not the person's), where a form shows them
  "notFound.contract": "That contract does not exist, or you do not have access to it.",
  "notFound.checklist": "That checklist does not exist, or you do not have access to it.",
  "notFound.contractPdf": "There is no accepted contract to download yet.",
  "notFound.program": "That program does not exist, or you do not have access to it.",

  // The downloaded file
  "export.about": "Everything {company} holds about {name}, exported on {date}.",
  "export.withheld.internal": "An internal note by HR or a manager; ask HR for a copy.",
  "export.withheld.secret": "A security code for signing in; not shown, so no one can misuse it.",
  "export.section.record": "Your record",
  "export.section.employment": "Your roles",
  "export.section.notes": "HR notes about you",
  "export.section.verdict": "Whether you can return",
  "export.section.verdictHistory": "Changes to whether you can return",
  "export.section.policyPreview": "How a policy HR is drafting would change whether you can return",
  "export.section.managerInput": "Managers' input on your review",
  "export.section.reviewRequests": "Your requests to look again",
  "export.section.applications": "Your applications",
  "export.section.applicationHistory": "What happened to your applications",
  "export.section.contracts": "Your contracts",
  "export.section.contractApprovals": "Approvals of your contracts' terms",
  "export.section.contractHistory": "What happened to your contracts",
  "export.section.contractAcceptances": "Contract terms you accepted",
  "export.section.onboardingSteps": "Your onboarding steps",
  "export.section.onboardingDocuments": "Documents you uploaded for onboarding",
  "export.section.campaigns": "Invitations sent to you",
  "export.section.invitationAnswers": "Your answers to invitations",
  "export.section.emails": "Emails sent to you",
  "export.section.imports": "Rows about you in files from our HR system",
  "export.section.reminders": "Reminders we sent you or about your onboarding",
  "export.section.sessions": "Your sign-ins",
  "export.section.signInLinks": "Sign-in links we sent you",
  "export.section.erasureRequests": "Your requests to erase your data",
  "export.section.history": "History of changes to your record",
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
