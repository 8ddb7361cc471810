import { Button, Heading, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./components/layout";

export type PasswordResetProps = { name: string; resetUrl: string; expiresInMinutes: number };

export const passwordResetSubject = () => "Reset your Comeback password";

export default function PasswordReset(p: PasswordResetProps) {
  return (
    <EmailLayout preview="Someone asked to reset your Comeback password.">
      <Heading as="h1" style={{ fontSize: "20px" }}>
        Hello {p.name},
      </Heading>
      <Text style={paragraph}>We received a request to reset the password of your Comeback account.</Text>
      <Button href={p.resetUrl} style={button}>
        Choose a new password
      </Button>
      <Text style={{ ...paragraph, marginTop: "16px" }}>
        The link works once and expires in {p.expiresInMinutes} minutes. If you did not ask for this, you can
        ignore this email: your password stays as it is.
      </Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  name: "Maja Lindqvist",
  resetUrl: "http://localhost:3000/reset-password/preview-token",
  expiresInMinutes: 30,
} satisfies PasswordResetProps;
