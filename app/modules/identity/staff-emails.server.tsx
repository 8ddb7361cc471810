import PasswordReset, { passwordResetSubject } from "#emails/password-reset";
import StaffInvitation, { staffInvitationSubject, type StaffInvitationProps } from "#emails/staff-invitation";
import { renderEmail } from "~/platform/mailer/mailer.server";
import { TOKEN_LIFETIME_MINUTES } from "./auth-tokens.server";

/** The two emails that carry staff sign-in links. Rendered before the transaction that queues them. */
export function renderInvitationEmail(p: Omit<StaffInvitationProps, "expiresInHours">) {
  const props = { ...p, expiresInHours: TOKEN_LIFETIME_MINUTES.staff_invite / 60 };
  return renderEmail(<StaffInvitation {...props} />, staffInvitationSubject(props));
}

export function renderPasswordResetEmail(p: { name: string; resetUrl: string }) {
  return renderEmail(
    <PasswordReset {...p} expiresInMinutes={TOKEN_LIFETIME_MINUTES.password_reset} />,
    passwordResetSubject(),
  );
}
