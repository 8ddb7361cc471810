import { EmailLayout } from "./components/layout";
import { ActionButton, Greeting, P, TransactionalFooter } from "./components/parts";

export type SignInLinkProps = {
  firstName: string;
  companyName: string;
  signInUrl: string;
  /** Minutes until the link stops working: at most 15. */
  expiresInMinutes: number;
};

export const SIGN_IN_LINK_MAX_MINUTES = 15;

export const signInLinkSubject = (p: SignInLinkProps) => `Your sign-in link for ${p.companyName} alumni`;

/** The alumni portal's email link. Short-lived and single use; says what to do if it was not them. */
export default function SignInLink(p: SignInLinkProps) {
  if (
    !Number.isInteger(p.expiresInMinutes) ||
    p.expiresInMinutes < 1 ||
    p.expiresInMinutes > SIGN_IN_LINK_MAX_MINUTES
  ) {
    throw new Error(`A sign-in link must expire within ${SIGN_IN_LINK_MAX_MINUTES} minutes.`);
  }
  return (
    <EmailLayout
      preview={`Your link to sign in. It works once, for ${p.expiresInMinutes} minutes.`}
      footer={<TransactionalFooter about={<>a sign-in link someone asked for with this address.</>} />}
    >
      <Greeting name={p.firstName} />
      <P>Here is your link to sign in to the {p.companyName} alumni portal:</P>
      <ActionButton href={p.signInUrl}>Sign in</ActionButton>
      <P>
        The link works once and expires in {p.expiresInMinutes} minutes. If it has expired, you can ask for a
        new one on the sign-in page.
      </P>
      <P>
        If this wasn&apos;t you, you can ignore this email. Nobody can sign in without the link, and your
        account stays as it is.
      </P>
    </EmailLayout>
  );
}

SignInLink.PreviewProps = {
  firstName: "Maja",
  companyName: "Fjord Pay",
  signInUrl: "http://localhost:3000/portal/sign-in/preview-token",
  expiresInMinutes: 15,
} satisfies SignInLinkProps;
