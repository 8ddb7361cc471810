import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { PRODUCT_ACCENT, useEmailBrand, type EmailBrand } from "./brand";

/**
 * The frame every Comeback email shares: plain, readable, no remote fonts, no tracking pixels.
 * Alumni email carries the employer's branding (./brand, ADR 036): a bar in the accent colour
 * and the employer's logo (its alt text the company name) or, without a logo, the company name;
 * staff email has neither and no images at all. `footer` says why the person gets this email and
 * how to stop it, where that applies (see ./parts: TransactionalFooter, OutreachFooter).
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
  const brand = useEmailBrand();
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: "#f6f5f2", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2933" }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            padding: "32px",
            maxWidth: "560px",
            borderRadius: "8px",
            ...(brand ? { borderTop: `6px solid ${brand.accentColor}` } : {}),
          }}
        >
          {brand ? <BrandHeader brand={brand} /> : null}
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

/** The employer's logo, or its name when no logo was uploaded. The text part keeps the name only. */
function BrandHeader({ brand }: { brand: EmailBrand }) {
  return (
    <Section style={{ margin: "0 0 24px" }}>
      {brand.logo ? (
        <Img
          src={brand.logo.url}
          alt={brand.companyName}
          height={brand.logo.height}
          {...(brand.logo.width ? { width: brand.logo.width } : {})}
          data-text="alt"
          style={{
            display: "block",
            border: "0",
            maxWidth: "100%",
            height: `${brand.logo.height}px`,
            width: brand.logo.width ? `${brand.logo.width}px` : "auto",
          }}
        />
      ) : (
        <Text
          style={{
            fontSize: "20px",
            lineHeight: "28px",
            fontWeight: "bold",
            margin: "0",
            color: brand.accentColor,
          }}
        >
          {brand.companyName}
        </Text>
      )}
    </Section>
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
  backgroundColor: PRODUCT_ACCENT,
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontSize: "15px",
  textDecoration: "none",
  display: "inline-block",
} as const;
export const link = { color: PRODUCT_ACCENT, textDecoration: "underline" } as const;
export const note = {
  borderLeft: `3px solid ${PRODUCT_ACCENT}`,
  backgroundColor: "#f6f5f2",
  padding: "12px 16px",
  margin: "0 0 16px",
} as const;
