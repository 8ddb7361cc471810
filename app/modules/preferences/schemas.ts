import { z } from "zod";

/** RFC 8058: the one-click POST carries exactly this field; our confirmation button sends it too. */
export const OneClickSchema = z.object({
  "List-Unsubscribe": z.literal("One-Click", {
    message: "This request is missing List-Unsubscribe=One-Click.",
  }),
});

const checkbox = z.preprocess((v) => v === "yes" || v === "on", z.boolean());

/** The preference page: unticked boxes are simply absent from a posted form. */
export const PreferencesSchema = z.object({
  returnOpportunities: checkbox,
  news: checkbox,
});
