import { z } from "zod";
import { t } from "./strings";

/** The portal's sign-in form: one address (work or personal), and where to go afterwards. */
export const PortalSignInSchema = z.object({
  email: z
    .string({ error: t("signIn.emailInvalid") })
    .trim()
    .toLowerCase()
    .min(1, t("signIn.emailInvalid"))
    .max(254, t("signIn.emailInvalid"))
    .email(t("signIn.emailInvalid")),
  redirectTo: z.string().max(2048).optional(),
});

/**
 * The confirming POST carries only its intent (the token is in the address): a POST without it
 * is refused and never uses the link up.
 */
export const PortalSignInConfirmSchema = z.object({
  intent: z.literal("confirm-sign-in", { error: t("signIn.invalidRequest") }),
});
