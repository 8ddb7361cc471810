import { inflateSync } from "node:zlib";

/** The text drawn on a PDF's pages (pdf-lib output): content streams inflated, hex strings decoded (WinAnsi). */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  let out = "";
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(match[1], "latin1")).toString("latin1");
    } catch {
      body = match[1];
    }
    for (const hex of body.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
      out += `${Buffer.from(hex[1], "hex").toString("latin1")}\n`;
  }
  return out;
}
