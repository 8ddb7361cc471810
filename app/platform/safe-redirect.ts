/**
 * Redirect targets taken from users (redirectTo, returnTo, Referer...) only ever land on our own
 * origin: a path starting with a single "/", no scheme, no protocol-relative "//" or "/\",
 * no control characters or encoded slashes that browsers normalise into another host.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string") return fallback;
  let value = target.trim();
  if (!value || value.length > 2048) return fallback;
  // Decode once to catch %2F%2F and %5C tricks; reject anything still encoded after that.
  try {
    const decoded = decodeURIComponent(value);
    if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return fallback;
    if (decoded.startsWith("//") || decoded.startsWith("/\\")) return fallback;
  } catch {
    return fallback;
  }
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  // The URL parser has the last word: the result must stay on a dummy origin.
  try {
    const base = "http://comeback.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    value = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
  // Normalisation can turn "/a/..//evil" into "//evil": check the final form again.
  return value.startsWith("//") || value.startsWith("/\\") ? fallback : value;
}
