import type { WelcomeContent } from "./welcome";

/** The demo employer's welcome page (seed data); it passes the tone check. */
export const DEMO_WELCOME: WelcomeContent = {
  headline: "We would like you back, on your terms",
  whatWeAreDoing:
    "In 2022 we moved most of our customer support to an automated assistant, and we said goodbye to many of you. That was our decision, and we know it hurt.\n\nOur customers have told us what they miss: a person who listens when a payment goes wrong or a dispute gets hard. They are right. Since 2025 we have been bringing people back to the support team, step by step, and we would like to start with the colleagues who know our customers best.",
  flexibleWork:
    "You choose how much you work: from 10 to 30 hours a week, in shifts you pick each week. You work from home, with a laptop and headset we send you.\n\nYou are paid by the hour, at the same rate as our own support staff, and you can stop at any time with two weeks' notice.",
  contactName: "Amara Okafor",
  contactRole: "People Partner",
  contactEmail: "amara.okafor@fjordpay.example",
  contactPhone: "+47 22 00 00 00",
};
