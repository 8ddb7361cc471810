import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { sha256Bytes } from "~/platform/crypto.server";
import { textBlocks } from "./contract-text";

/**
 * The PDF of an accepted contract (ADR 060): the stored text exactly as accepted, the SHA-256 of
 * that text printed on every page, who accepted it and when. Made once, at acceptance, with
 * pdf-lib and the PDF standard fonts (nothing fetched, no font files), and stored with its own
 * SHA-256, so both sides download the same bytes later.
 */

export type ContractPdfInput = {
  employer: string;
  person: string;
  role: string;
  program: string;
  text: string;
  textSha256: string;
  termsVersion: number;
  template: string | null;
  acceptedAt: Date;
};

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 56;
const BODY = 10.5;
const LEADING = 1.45;
const FOOTER = 40;
const INK = rgb(0.12, 0.14, 0.17);
const MUTED = rgb(0.38, 0.4, 0.44);

/**
 * The standard fonts speak WinAnsi only. Letters outside it lose their accents (NFKD without
 * combining marks: "ł" stays "?", "Ö" is in WinAnsi and stays); anything else becomes "?". The
 * PDF says so when it happened; the stored text and its hash are the record.
 */
export function winAnsi(font: PDFFont, text: string): { text: string; replaced: boolean } {
  const supported = new Set(font.getCharacterSet());
  let replaced = false;
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\n" || supported.has(code)) {
      out += char;
      continue;
    }
    replaced = true;
    const bare = char.normalize("NFKD").replace(/\p{M}/gu, "");
    out += [...bare].every((c) => supported.has(c.codePointAt(0)!)) && bare ? bare : "?";
  }
  return { text: out, replaced };
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    let line = "";
    for (const word of raw.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word longer than the line (a hash, a long address) is cut where it must be.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " at ")} UTC`;

export async function renderContractPdf(
  input: ContractPdfInput,
): Promise<{ pdf: Uint8Array; sha256: string }> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // Fixed metadata, so the same acceptance always gives the same bytes.
  doc.setTitle(`Gig contract: ${winAnsi(regular, input.person).text}, ${winAnsi(regular, input.role).text}`);
  doc.setAuthor(winAnsi(regular, input.employer).text);
  doc.setCreator(winAnsi(regular, input.employer).text);
  doc.setProducer(winAnsi(regular, input.employer).text);
  doc.setCreationDate(input.acceptedAt);
  doc.setModificationDate(input.acceptedAt);

  const width = PAGE.width - 2 * MARGIN;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  let replaced = false;

  const write = (
    text: string,
    options: { font?: PDFFont; size?: number; color?: typeof INK; after?: number },
  ) => {
    const font = options.font ?? regular;
    const size = options.size ?? BODY;
    const safe = winAnsi(font, text);
    replaced ||= safe.replaced;
    for (const line of wrap(font, size, safe.text, width)) {
      if (y - size * LEADING < MARGIN + FOOTER) {
        page = doc.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - MARGIN;
      }
      y -= size * LEADING;
      page.drawText(line, { x: MARGIN, y, size, font, color: options.color ?? INK });
    }
    y -= options.after ?? 0;
  };

  write(input.employer, { font: bold, size: 11, color: MUTED, after: 4 });
  write(`Gig contract: ${input.role}`, { font: bold, size: 18, after: 2 });
  write(`${input.person} · ${input.program}`, { size: 11, color: MUTED, after: 14 });
  for (const block of textBlocks(input.text)) {
    if (block.kind === "heading") write(block.text, { font: bold, size: 12.5, after: 4 });
    else write(block.text, { after: 8 });
  }
  y -= 8;
  write("Acceptance", { font: bold, size: 12.5, after: 4 });
  write(
    `${input.person} accepted this text in the ${input.employer} alumni portal on ${stamp(input.acceptedAt)} (terms version ${input.termsVersion}${input.template ? `, ${input.template}` : ""}).`,
    { after: 4 },
  );
  write(`SHA-256 of the accepted text: ${input.textSha256}`, { size: 9, after: 4 });
  if (replaced)
    write(
      "Some characters of the text cannot be shown in this document's font and are printed without their accents or as “?”. The accepted text itself is kept exactly, and the SHA-256 above is of that text.",
      { size: 9, color: MUTED },
    );

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const line = `SHA-256 of the accepted text: ${input.textSha256}`;
    p.drawText(line, { x: MARGIN, y: MARGIN - 8, size: 7.5, font: regular, color: MUTED });
    const count = `Page ${i + 1} of ${pages.length}`;
    p.drawText(count, {
      x: PAGE.width - MARGIN - regular.widthOfTextAtSize(count, 7.5),
      y: MARGIN - 20,
      size: 7.5,
      font: regular,
      color: MUTED,
    });
  });

  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, sha256: sha256Bytes(pdf) };
}
