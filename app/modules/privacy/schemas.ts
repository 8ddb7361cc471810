import { z } from "zod";

const note = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);

/** HR approves an erasure: an explicit confirmation (it cannot be undone) and an optional note. */
export const ApproveErasureSchema = z.object({
  confirm: z.literal("yes", {
    message: "Tick the box to confirm: the erasure cannot be undone.",
  }),
  note: note(1000).default(""),
});

/** HR refuses an erasure: the reason is shown to the person. */
export const RefuseErasureSchema = z.object({
  note: note(1000).min(10, "Say why, in a sentence the person will read (at least 10 characters)."),
});
