/** Limits and labels for uploaded files, shared by the pages and the server. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = "50 MB";
export const MAX_CELL_CHARS = 1000;
export const MAX_RECORD_BYTES = 64 * 1024;

export type Encoding = "utf-8" | "utf-8-bom" | "windows-1252";
export const ENCODING_LABEL: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 (with byte order mark)",
  "windows-1252": "Windows-1252 (Western European)",
};

export const DELIMITER_LABEL: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "vertical bar",
};
