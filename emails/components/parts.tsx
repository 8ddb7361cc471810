import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { useAccent } from "./brand";
import { button, footerText, heading, link, note, paragraph, subheading } from "./layout";
import { hasText, paragraphsOf, safeHref } from "./text";

/** A real person people can write to; every outreach email names one. */
export type Contact = { name: string; role: string; email: string; phone?: string };

/** Every email that is not transactional carries a link to the person's email preferences. */
export type PreferencesProps = {
  /** Signed link to the recipient's email preferences (unsubscribe lives there). */
  preferencesUrl: string;
};

export function Greeting({ name }: { name: string }) {
  return (
    <Heading as="h1" style={heading}>
      Hello {name},
    </Heading>
  );
}

export function P({ children, style }: { children: ReactNode; style?: Record<string, string> }) {
  return <Text style={{ ...paragraph, ...style }}>{children}</Text>;
}

export function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={subheading}>
      {children}
    </Heading>
  );
}

/**
 * Text a person wrote (HR's personal note, a manager's comment), shown as plain text: React
 * escapes it, paragraphs and line breaks are kept, nothing is read as HTML or markdown.
 */
export function PlainText({ text, intro }: { text: string | null | undefined; intro?: ReactNode }) {
  const accent = useAccent();
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) return null;
  return (
    <Section style={{ ...note, borderLeft: `3px solid ${accent}` }}>
      {intro ? <Text style={{ ...paragraph, fontWeight: "bold" }}>{intro}</Text> : null}
      {paragraphs.map((lines, i) => (
        <Text key={i} style={{ ...paragraph, margin: i === paragraphs.length - 1 ? "0" : paragraph.margin }}>
          {lines.map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </Text>
      ))}
    </Section>
  );
}

export function PersonalNote({ note: text, from }: { note?: string | null; from: string }) {
  if (!hasText(text)) return null;
  return <PlainText text={text} intro={`A personal note from ${from}:`} />;
}

/** The accent behind white text: the employer's in alumni email (readable by construction, ./brand). */
export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  const accent = useAccent();
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={safeHref(href)} style={{ ...button, backgroundColor: accent }}>
        {children}
      </Button>
    </Section>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  const accent = useAccent();
  return (
    <Link href={safeHref(href)} style={{ ...link, color: accent }}>
      {children}
    </Link>
  );
}

/** "If you have questions, write to Amara Okafor (People Partner) at amara@..." */
export function ContactLine({
  contact,
  lead = "If you have questions, write to",
}: {
  contact: Contact;
  lead?: string;
}) {
  return (
    <P>
      {lead} {contact.name} ({contact.role}) at{" "}
      <TextLink href={`mailto:${contact.email}`}>{contact.email}</TextLink>
      {hasText(contact.phone) ? <> or call {contact.phone}</> : null}. You will get an answer from a person.
    </P>
  );
}

export function SignOff({
  contact,
  companyName,
  closing = "Warm regards,",
}: {
  contact: Contact;
  companyName: string;
  closing?: string;
}) {
  return (
    <Text style={paragraph}>
      {closing}
      <br />
      {contact.name}
      <br />
      {contact.role}, {companyName}
    </Text>
  );
}

/** Label/value lines ("Pay: €32.50 an hour"); readable in HTML and in the text part. */
export function Details({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {items.map((item) => (
        <Text key={item.label} style={{ ...paragraph, margin: "0 0 4px" }}>
          <strong>{item.label}:</strong> {item.value}
        </Text>
      ))}
    </Section>
  );
}

export function Bullets({ items }: { items: ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {items.map((item, i) => (
        <Text key={i} style={{ ...paragraph, margin: "0 0 4px" }}>
          • {item}
        </Text>
      ))}
    </Section>
  );
}

/**
 * Footer of transactional email: what it is about, i.e. why this person gets it. Footers avoid
 * the words the tone check looks for (because, why, thank...) so a template cannot pass a
 * completeness check on its footer alone.
 */
export function TransactionalFooter({ about }: { about: ReactNode }) {
  return <Text style={footerText}>This email is about {about}</Text>;
}

/**
 * Footer of outreach email (return opportunities, news): why this person gets it and a link to
 * change their preferences or unsubscribe. The link is a signed URL the sender passes in.
 */
export function OutreachFooter({ after, preferencesUrl }: { after: ReactNode; preferencesUrl: string }) {
  return (
    <>
      <Text style={footerText}>You are on this list after {after}</Text>
      <Text style={footerText}>
        Not interested any more? One click is enough, and we respect it straight away:
      </Text>
      <Text style={footerText}>
        <TextLink href={preferencesUrl}>Change your email preferences or unsubscribe</TextLink>
      </Text>
    </>
  );
}
