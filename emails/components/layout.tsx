import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/**
 * The frame every Comeback email shares: plain, readable, no images, no remote fonts, no
 * tracking pixels. `footer` says why the person gets this email and how to stop it, where that
 * applies (see ./parts: TransactionalFooter, OutreachFooter).
 */
export function EmailLayout({
  preview,
  children,
  footer,
}: {
  preview: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: "#f6f5f2", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2933" }}
      >
        <Container
          style={{ backgroundColor: "#ffffff", padding: "32px", maxWidth: "560px", borderRadius: "8px" }}
        >
          {children}
          <Hr style={{ borderColor: "#e4e2dd", margin: "32px 0 16px" }} />
          <Section>
            {footer ?? (
              <Text style={footerText}>You receive this email because of your account with Comeback.</Text>
            )}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" } as const;
export const heading = { fontSize: "20px", lineHeight: "28px", margin: "0 0 16px" } as const;
export const subheading = { fontSize: "16px", lineHeight: "24px", margin: "24px 0 8px" } as const;
export const footerText = {
  fontSize: "12px",
  color: "#6b7280",
  lineHeight: "18px",
  margin: "0 0 8px",
} as const;
export const button = {
  backgroundColor: "#1f4e5f",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontSize: "15px",
  textDecoration: "none",
  display: "inline-block",
} as const;
export const link = { color: "#1f4e5f", textDecoration: "underline" } as const;
export const note = {
  borderLeft: "3px solid #1f4e5f",
  backgroundColor: "#f6f5f2",
  padding: "12px 16px",
  margin: "0 0 16px",
} as const;
