import { Notice } from "./ui";

export function SmtpNotice({ configured }: { configured: boolean }) {
  return configured ? (
    <Notice tone="info" title="SMTP is configured (SMTP_URL is set)">
      Email is delivered to the SMTP server. This mailbox shows only messages still waiting in the outbox, and
      any kept here before SMTP was configured.
    </Notice>
  ) : (
    <Notice tone="warning" title="No SMTP server is configured (SMTP_URL is not set)">
      Email is not sent anywhere: it is kept here instead. Open a message to read it and follow its links, for
      example an invitation. Set SMTP_URL to deliver email for real.
    </Notice>
  );
}
