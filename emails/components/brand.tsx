import { createContext, useContext } from "react";

/**
 * The employer's branding as alumni email shows it (ADR 036): the company name, its accent
 * colour (header bar, buttons, links) and its logo, loaded from the app's public logo address.
 * renderTemplate provides it to every template whose audience is "alumnus"; staff email renders
 * without it and keeps the product's own look. The sender builds it from the saved branding
 * (`emailBrand` in app/modules/portal), which keeps the accent only when white text on it is
 * readable.
 */
export type EmailBrand = {
  companyName: string;
  /** #rrggbb with at least 4.5:1 contrast against white. */
  accentColor: string;
  /** Absolute address of the logo (a public page of the app), shown at this size; null: the name. */
  logo: { url: string; width: number | null; height: number } | null;
};

/** The product's own colour: staff email, and alumni email whose accent is not readable. */
export const PRODUCT_ACCENT = "#1f4e5f";

const BrandContext = createContext<EmailBrand | null>(null);

export const EmailBrandProvider = BrandContext.Provider;

/** The employer's branding inside an alumni email; null in staff email. */
export function useEmailBrand(): EmailBrand | null {
  return useContext(BrandContext);
}

/** The colour of the header bar, buttons and links of the email being rendered. */
export function useAccent(): string {
  return useEmailBrand()?.accentColor ?? PRODUCT_ACCENT;
}

/** The largest box the logo is shown in, in CSS pixels. */
export const LOGO_BOX = { width: 200, height: 48 } as const;

/**
 * The logo's size in the email: fitted into LOGO_BOX keeping its proportions. Without known
 * dimensions only the height is set (the client scales the width).
 */
export function logoSize(
  width: number | null,
  height: number | null,
): { width: number | null; height: number } {
  if (!width || !height) return { width: null, height: LOGO_BOX.height };
  const scale = Math.min(LOGO_BOX.width / width, LOGO_BOX.height / height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
