import type { LoaderFunctionArgs } from "@remix-run/node";
import { getBrandingLogo } from "~/modules/portal/get-branding.server";
import { z } from "zod";
import { defineLoader, parseFilters } from "~/platform/http.server";

const VersionSchema = z.object({ v: z.string().max(64).optional() });

/**
 * The employer's logo as uploaded (PNG, JPEG or WebP, checked by its bytes). Public: the portal's
 * sign-in page shows it. Pages ask for it with `?v=<hash>`, so a given address never changes
 * and can be cached for long.
 */
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const logo = await getBrandingLogo();
  if (!logo)
    return new Response("No logo has been uploaded.", {
      status: 404,
      headers: { "Content-Type": "text/plain" },
    });
  const { v } = parseFilters(request, VersionSchema).values;
  const versioned = v === logo.sha256.slice(0, 16);
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      "Content-Type": logo.type,
      "Content-Length": String(logo.bytes.length),
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
      ETag: `"${logo.sha256.slice(0, 32)}"`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
});
