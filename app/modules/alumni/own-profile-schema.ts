import { z } from "zod";
import { t } from "~/modules/portal/strings";

/**
 * The alumni portal's profile form: one schema for the page (react-hook-form) and the action
 * (parseForm). Messages come from the portal's catalogue. Plain module: the browser loads it.
 */

const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

export const WEEK_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];
export const ENGAGEMENTS = ["gig", "part_time", "full_time"] as const;

const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, t("profile.error.tooLong", { max }))
    .refine((v) => !HIDDEN_OR_CONTROL.test(v), t("profile.error.hidden"))
    .optional()
    .transform((v) => (v ? v.normalize("NFC") : null));

const list = (maxItems: number, maxEach: number) =>
  z
    .string()
    .max(2000, t("profile.error.tooLong", { max: 2000 }))
    .refine((v) => !HIDDEN_OR_CONTROL.test(v), t("profile.error.hidden"))
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((s) => s.trim().replace(/\s+/g, " ").normalize("NFC"))
          .filter(Boolean),
      ),
    ])
    .refine((items) => items.length <= maxItems, t("profile.error.listTooMany", { max: maxItems }))
    .refine(
      (items) => items.every((s) => s.length <= maxEach),
      t("profile.error.listItemTooLong", { max: maxEach }),
    );

/** Whether the runtime knows a time zone (the server's list and the browser's agree on IANA names). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(value);
  } catch {
    return false;
  }
}

const time = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), t("profile.error.time"))
  .transform((v) => (v ? v : null));

/** A calendar day up to three years on (the form passes the day as YYYY-MM-DD). */
function startDate(today: () => string) {
  return z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))),
      t("profile.error.date"),
    )
    .refine((v) => {
      if (!v) return true;
      // a date saved a while ago may have passed: up to a year back is still accepted as is
      const now = today();
      const year = Number(now.slice(0, 4));
      return v >= `${year - 1}${now.slice(4)}` && v <= `${year + 3}${now.slice(4)}`;
    }, t("profile.error.dateRange"))
    .transform((v) => (v ? v : null));
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

export function createOwnProfileSchema(options: { today?: () => string } = {}) {
  return z
    .object({
      version: z.coerce
        .number({ error: t("profile.error.reload") })
        .int()
        .min(1, t("profile.error.reload")),
      preferredName: optionalLine(120),
      personalEmail: z
        .string()
        .trim()
        .max(254, t("profile.error.email"))
        .optional()
        .refine((v) => !v || z.email().safeParse(v).success, t("profile.error.email"))
        .transform((v) => (v ? v.toLowerCase() : null)),
      phone: optionalLine(40).refine(
        (v) => v === null || (/^\+?[0-9 ()./-]+$/.test(v) && v.replace(/\D/g, "").length >= 6),
        t("profile.error.phone"),
      ),
      location: optionalLine(200),
      timeZone: z
        .string()
        .trim()
        .optional()
        .refine((v) => !v || isTimeZone(v), t("profile.error.timeZone"))
        .transform((v) => (v ? v : null)),
      languages: list(20, 40),
      skills: list(50, 80),
      engagementPreference: z
        .enum([...ENGAGEMENTS, ""], { error: t("profile.error.engagement") })
        .optional()
        .transform((v) => (v ? v : null)),
      availabilityHours: z
        .string()
        .trim()
        .optional()
        .refine(
          (v) => !v || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 60),
          t("profile.error.hours"),
        )
        .transform((v) => (v ? Number(v) : null)),
      // Ticked boxes arrive as one value or several; none ticked means the field is absent.
      availabilityDays: z
        .preprocess(
          (v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]),
          z.array(z.enum(WEEK_DAYS, { error: t("profile.error.days") })).max(7, t("profile.error.days")),
        )
        .transform((days) => WEEK_DAYS.filter((d) => days.includes(d))),
      availabilityFrom: time,
      availabilityTo: time,
      earliestStart: startDate(options.today ?? todayUtc),
    })
    .refine((v) => (v.availabilityFrom === null) === (v.availabilityTo === null), {
      message: t("profile.error.timeBoth"),
      path: ["availabilityTo"],
    })
    .refine((v) => !v.availabilityFrom || !v.availabilityTo || v.availabilityFrom < v.availabilityTo, {
      message: t("profile.error.timeOrder"),
      path: ["availabilityTo"],
    });
}

export const OwnProfileSchema = createOwnProfileSchema();
export type OwnProfileInput = z.infer<typeof OwnProfileSchema>;

/** The fields the person edits, in the order HR's timeline lists changes. */
export const OWN_PROFILE_FIELDS = [
  "preferredName",
  "personalEmail",
  "phone",
  "location",
  "timeZone",
  "languages",
  "skills",
  "engagementPreference",
  "availabilityHours",
  "availabilityDays",
  "availabilityFrom",
  "availabilityTo",
  "earliestStart",
] as const;
export type OwnProfileField = (typeof OWN_PROFILE_FIELDS)[number];

/** How HR's pages name each field when showing what the person changed. */
export const OWN_PROFILE_FIELD_LABELS: Record<OwnProfileField, string> = {
  preferredName: "Preferred name",
  personalEmail: "Personal email",
  phone: "Phone",
  location: "Location",
  timeZone: "Time zone",
  languages: "Languages",
  skills: "Skills",
  engagementPreference: "Engagement preferred",
  availabilityHours: "Hours per week",
  availabilityDays: "Days",
  availabilityFrom: "Available from",
  availabilityTo: "Available until",
  earliestStart: "Earliest start",
};
