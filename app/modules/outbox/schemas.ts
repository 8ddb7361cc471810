import { z } from "zod";

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "set_aside", "cancelled"] as const;
export type OutboxStatusKey = (typeof OUTBOX_STATUSES)[number];

export const STATUS_LABELS: Record<OutboxStatusKey, string> = {
  queued: "Waiting",
  sending: "Being sent",
  sent: "Sent",
  failed: "Retrying",
  set_aside: "Set aside",
  cancelled: "Cancelled",
};

export const OUTBOX_PURPOSES = ["transactional", "return_opportunities", "news"] as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The list's filters, read from the query string (allow-listed values only). */
export const OutboxFilterSchema = z.object({
  status: optional(z.enum(OUTBOX_STATUSES, { message: "Choose one of the statuses in the list." })),
  purpose: optional(z.enum(OUTBOX_PURPOSES, { message: "Choose one of the purposes in the list." })),
  template: optional(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,60}$/, "A template key has lower-case letters, digits and dashes."),
  ),
  to: optional(z.string().trim().max(254, "An address has at most 254 characters.")),
  throttleKey: optional(z.string().trim().max(120, "At most 120 characters.")),
  before: optional(z.string().regex(/^[a-z0-9]{1,40}$/i, "Not a message id.")),
});
export type OutboxFilters = z.infer<typeof OutboxFilterSchema>;

/** How the filters are named on the outbox page (for "left out" notices). */
export const OUTBOX_FILTER_LABELS: Record<keyof OutboxFilters, string> = {
  status: "status",
  purpose: "purpose",
  template: "template",
  to: "recipient",
  throttleKey: "throttle",
  before: "older page",
};

export const RetryReasonSchema = z.object({
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});

export const RetryAllSchema = RetryReasonSchema.extend({
  confirm: z.literal("yes", { message: "Tick the box to confirm you want every set-aside message retried." }),
});

/** Retry-all touches at most this many messages per click (the page says so). */
export const RETRY_ALL_LIMIT = 500;
