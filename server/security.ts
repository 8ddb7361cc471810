import type { NextFunction, Request, Response } from "express";

/**
 * Request security the framework does not give us: refusing cross-site state changes (Remix v2
 * does not check the Origin of form posts) and the response headers every page carries.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Paths that take POSTs from other origins because a secret in the URL authenticates them:
 * RFC 8058 one-click unsubscribe is posted by mail providers, not by our pages.
 */
export const CROSS_SITE_POST_ALLOWED = [/^\/unsubscribe\/[^/]+$/];

/**
 * The path as the router resolves it: the URL parser turns `\\` into `/` and resolves `.` and `..`
 * (also written `%2e`), so `/unsubscribe/x\\..\\..\\staff\\admin` is the admin page, not an
 * unsubscribe link. The allow-list is judged on this path, never on the raw one.
 */
export function routedPath(path: string): string {
  try {
    // Concatenated as the router builds its URL (a path of `//x` stays a path, not a host).
    return new URL(`http://router.invalid${path}`).pathname;
  } catch {
    return path;
  }
}

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkOrigin(
  input: { method: string; path: string; origin?: string; secFetchSite?: string },
  allowedOrigins: readonly string[],
): OriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { allowed: true };
  if (CROSS_SITE_POST_ALLOWED.some((re) => re.test(routedPath(input.path)))) return { allowed: true };
  const site = input.secFetchSite?.toLowerCase();
  if (site && site !== "same-origin" && site !== "none") {
    return { allowed: false, reason: `Sec-Fetch-Site is ${site}` };
  }
  if (input.origin !== undefined) {
    return allowedOrigins.includes(input.origin)
      ? { allowed: true }
      : { allowed: false, reason: `Origin ${input.origin.slice(0, 100)} is not ours` };
  }
  if (site === "same-origin") return { allowed: true };
  return { allowed: false, reason: "no Origin or Sec-Fetch-Site header" };
}

export function originGuard(
  allowedOrigins: (req: Request) => readonly string[],
  /** Told of each refusal (the app audits them, aggregated per address and minute). */
  onRefused?: (req: Request, reason: string) => void,
) {
  return (req: Request, res: Response, next: NextFunction) => {
    const verdict = checkOrigin(
      {
        method: req.method,
        path: req.path,
        origin: req.get("origin"),
        secFetchSite: req.get("sec-fetch-site"),
      },
      allowedOrigins(req),
    );
    if (verdict.allowed) {
      // The Origin has been judged here, against APP_URL. Remix would judge it again against the
      // Host (or X-Forwarded-Host) header and throw when a reverse proxy rewrote that (a 500 on
      // every form post); a token-authenticated POST from another origin (RFC 8058, ADR 022)
      // carries an Origin that means nothing to us at all. Either way Remix does not see it.
      if (!SAFE_METHODS.has(req.method.toUpperCase())) delete req.headers.origin;
      return next();
    }
    res.locals.refusedReason = verdict.reason;
    onRefused?.(req, verdict.reason);
    res
      .status(403)
      .type("text/plain")
      .send(
        "This form was sent from another site, so Comeback refused it. Go back to Comeback and submit it there.",
      );
  };
}

export function contentSecurityPolicy(nonce: string, development: boolean) {
  const directives = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ];
  return directives.join("; ");
}

/**
 * Addresses other sites may load as a resource: the employer's logo, which alumni email shows
 * from the app (ADR 036) and which webmail loads from its own origin. Everything else is
 * same-origin only.
 */
const CROSS_ORIGIN_RESOURCES = new Set(["/portal/logo"]);

export function crossOriginResourcePolicy(path: string) {
  return CROSS_ORIGIN_RESOURCES.has(path) ? "cross-origin" : "same-origin";
}

export function securityHeaders(options: { development: boolean; https: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = res.locals.cspNonce as string;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, options.development));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", crossOriginResourcePolicy(req.path));
    if (options.https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    res.removeHeader("X-Powered-By");
    next();
  };
}

/**
 * A path that is not valid percent-encoding (`/staff/alumni/%`, `%ff`) names no page: a plain 400
 * here, before the static files and the router try to decode it and fail.
 */
export function readablePath(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
  } catch {
    res.locals.refusedReason = "path is not valid percent-encoding";
    res
      .status(400)
      .type("text/plain")
      .send("This address has a broken %-escape, so it cannot be read. Check the link and try again.");
    return;
  }
  // The router builds the request's URL from Host (or X-Forwarded-Host from a trusted proxy);
  // one that makes no URL is refused here rather than failing inside it.
  try {
    new URL(
      `${req.protocol}://${req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host") || ""}${req.originalUrl}`,
    );
  } catch {
    res.locals.refusedReason = "Host header makes no URL";
    res.status(400).type("text/plain").send("This request names a host that cannot be read.");
    return;
  }
  next();
}

/** Path for request logs: no query string, long token-like segments masked. */
export function loggablePath(path: string) {
  return path
    .split("/")
    .map((segment) => (segment.length >= 32 && /^[A-Za-z0-9_-]+$/.test(segment) ? ":token" : segment))
    .join("/")
    .replace(/[^\x20-\x7e]/g, "?")
    .slice(0, 200);
}

/**
 * What the app answers is personal unless a route says otherwise: every page and `.data`
 * response is `Cache-Control: no-store` (no browser, proxy or shared cache keeps a signed-in
 * page, the mailbox's live links or a session's data) with `Vary: Cookie`. A route may keep an
 * explicitly `public` answer (the employer's logo) as long as it sets no cookie. Static assets
 * are served before this and keep their long caching.
 */
export function privateByDefault(_req: Request, res: Response, next: NextFunction) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    const chosen = String(res.getHeader("cache-control") ?? "");
    if (!/\bpublic\b/i.test(chosen) || res.getHeader("set-cookie") !== undefined) {
      res.setHeader("Cache-Control", "no-store");
    }
    res.vary("Cookie");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
}
