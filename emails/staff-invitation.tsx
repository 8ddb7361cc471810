import { Button, Heading, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./components/layout";

export type StaffInvitationProps = {
  name: string;
  invitedBy: string;
  roleLabel: string;
  acceptUrl: string;
  expiresInHours: number;
};

export const staffInvitationSubject = (p: StaffInvitationProps) => `${p.invitedBy} invited you to Comeback`;

export default function StaffInvitation(p: StaffInvitationProps) {
  return (
    <EmailLayout preview={`Set your password to start using Comeback as ${p.roleLabel}.`}>
      <Heading as="h1" style={{ fontSize: "20px" }}>
        Hello {p.name},
      </Heading>
      <Text style={paragraph}>
        {p.invitedBy} has invited you to Comeback, where we look after our former colleagues and help them
        return. You will join as {p.roleLabel}.
      </Text>
      <Text style={paragraph}>Choose a password to finish setting up your account:</Text>
      <Button href={p.acceptUrl} style={button}>
        Set my password
      </Button>
      <Text style={{ ...paragraph, marginTop: "16px" }}>
        The link works once and expires in {p.expiresInHours} hours. If it has expired, ask {p.invitedBy} for
        a new one. If you did not expect this invitation, you can ignore this email.
      </Text>
    </EmailLayout>
  );
}

StaffInvitation.PreviewProps = {
  name: "Maja Lindqvist",
  invitedBy: "Ada Admin",
  roleLabel: "HR",
  acceptUrl: "http://localhost:3000/invitation/preview-token",
  expiresInHours: 72,
} satisfies StaffInvitationProps;
