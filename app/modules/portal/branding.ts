import { z } from "zod";
import { chosenFile, formVersion } from "~/platform/input";

/**
 * The employer's branding for alumni-facing pages and email (ADR 036). Pure rules and the form's
 * schema: the browser loads this file too.
 */

export type Branding = {
  companyName: string;
  accentColor: string;
  senderName: string;
  senderEmail: string;
  /** The logo's address with a version in it (changes when the logo does), or null. */
  logoUrl: string | null;
  logoWidth: number | null;
  logoHeight: number | null;
  /** True until an administrator has saved the branding: the demo employer's values are shown. */
  isDefault: boolean;
};

/** The demo employer of the seed data, used until an administrator saves their own. */
export const DEFAULT_BRANDING = {
  companyName: "Fjord Pay",
  accentColor: "#1f5f7a",
  senderName: "Fjord Pay People Team",
  senderEmail: "people@fjordpay.example",
} as const;

export const LOGO_PATH = "/portal/logo";
export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_LABEL = "512 KB";
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const value = hex.replace("#", "");
  const channels = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** White text on the accent (buttons) and the accent as text on white (links) need this much. */
export const MIN_ACCENT_CONTRAST = 4.5;

const HEX = /^#[0-9a-f]{6}$/;

/** "#ABC", "abc", "#AABBCC" -> "#aabbcc"; anything else unchanged (the schema then refuses it). */
export function normaliseHex(value: string): string {
  const v = value.trim().toLowerCase();
  const bare = v.startsWith("#") ? v.slice(1) : v;
  if (/^[0-9a-f]{3}$/.test(bare)) return `#${bare[0]}${bare[0]}${bare[1]}${bare[1]}${bare[2]}${bare[2]}`;
  if (/^[0-9a-f]{6}$/.test(bare)) return `#${bare}`;
  return v;
}

/** No line breaks, control or invisible characters in anything that ends up in a mail header. */
const PLAIN = /^[^\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]*$/;
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export const BrandingSchema = z.object({
  companyName: z
    .string()
    .trim()
    .min(1, "Enter the company name alumni know.")
    .max(80, "Keep the company name to 80 characters.")
    .regex(PLAIN, "Remove line breaks and invisible characters from the company name."),
  accentColor: z
    .string()
    .trim()
    .transform(normaliseHex)
    .refine((v) => HEX.test(v), "Enter the colour as a hex code such as #1f5f7a.")
    .refine(
      (v) => !HEX.test(v) || contrastRatio(v, "#ffffff") >= MIN_ACCENT_CONTRAST,
      "This colour is too light for white text and links on white. Choose a darker shade (contrast of at least 4.5:1 with white).",
    ),
  senderName: z
    .string()
    .trim()
    .min(1, "Enter the name alumni see as the sender, for example “Fjord Pay People Team”.")
    .max(80, "Keep the sender name to 80 characters.")
    .regex(PLAIN, "Remove line breaks and invisible characters from the sender name."),
  senderEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .regex(ADDRESS, "Enter a single email address, such as people@yourcompany.com."),
  version: formVersion(0),
});

export type BrandingInput = z.infer<typeof BrandingSchema>;

export type SniffedImage = { type: LogoType; width: number | null; height: number | null };

/**
 * What an uploaded file really is, from its first bytes (the name and the browser's type are
 * not trusted). SVG is refused: it can carry scripts and links.
 */
export function sniffLogo(bytes: Uint8Array): SniffedImage | { refused: "svg" | "unknown" } {
  const at = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (
    bytes.length >= 24 &&
    at(0) === 0x89 &&
    ascii(1, 4) === "PNG" &&
    at(4) === 0x0d &&
    at(5) === 0x0a &&
    at(6) === 0x1a &&
    at(7) === 0x0a
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { type: "image/png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) {
    return { type: "image/jpeg", ...jpegSize(bytes) };
  }
  if (bytes.length >= 16 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") {
    return { type: "image/webp", ...webpSize(bytes) };
  }
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\ufeff/, "")
    .trimStart()
    .toLowerCase();
  if (head.includes("<svg")) return { refused: "svg" };
  return { refused: "unknown" };
}

function jpegSize(bytes: Uint8Array): { width: number | null; height: number | null } {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return { width: null, height: null };
    const marker = bytes[i + 1];
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    // Start-of-frame markers (baseline, progressive...) carry the size; not DHT, JPG, DAC.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: (bytes[i + 5] << 8) | bytes[i + 6], width: (bytes[i + 7] << 8) | bytes[i + 8] };
    }
    i += 2 + length;
  }
  return { width: null, height: null };
}

function webpSize(bytes: Uint8Array): { width: number | null; height: number | null } {
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  const u16 = (i: number) => bytes[i] | (bytes[i + 1] << 8);
  if (chunk === "VP8X" && bytes.length >= 30) {
    return {
      width: 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)),
      height: 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)),
    };
  }
  if (chunk === "VP8 " && bytes.length >= 30) return { width: u16(26) & 0x3fff, height: u16(28) & 0x3fff };
  if (chunk === "VP8L" && bytes.length >= 25) {
    const b = (i: number) => bytes[21 + i];
    return {
      width: 1 + (((b(1) & 0x3f) << 8) | b(0)),
      height: 1 + (((b(3) & 0xf) << 10) | (b(2) << 2) | ((b(1) & 0xc0) >> 6)),
    };
  }
  return { width: null, height: null };
}

/** Refusal sentences for uploads, shown under the logo field. */
export const LOGO_MESSAGES = {
  missing: "Choose a logo file to upload.",
  tooLarge: `That file is larger than ${MAX_LOGO_LABEL}. Export the logo smaller (a few hundred pixels wide is plenty).`,
  svg: "SVG logos are not accepted because they can contain scripts. Export the logo as PNG, JPEG or WebP.",
  unknown: "That file is not a PNG, JPEG or WebP image. Export the logo in one of those formats.",
  tooBig: "That image is more than 4000 pixels wide or high. Export it smaller.",
} as const;

export const MAX_LOGO_PIXELS = 4000;

/** The logo upload: a file chosen and not past the limit in the browser; its bytes judged on the server. */
export const UploadLogoSchema = z.object({
  intent: z.literal("upload-logo"),
  logo: chosenFile({
    maxBytes: MAX_LOGO_BYTES,
    missing: LOGO_MESSAGES.missing,
    tooLarge: LOGO_MESSAGES.tooLarge,
  }),
});

/** Removing the logo: a button, no fields. */
export const RemoveLogoSchema = z.object({ intent: z.literal("remove-logo") });
