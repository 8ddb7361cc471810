import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { useLoaderData } from "@remix-run/react";
import { SignInRequestForm } from "~/components/portal/sign-in";
import { portalMeta } from "~/components/portal/portal-meta";
import {
  ALUMNI_LINK_MINUTES,
  portalNext,
  requestAlumniSignIn,
} from "~/modules/identity/request-alumni-sign-in.server";
import { getBranding } from "~/modules/portal/get-branding.server";
import { PortalSignInSchema } from "~/modules/portal/schemas";
import { t } from "~/modules/portal/strings";
import { getAlumnus } from "~/platform/auth.server";
import { knownDeviceFrom } from "~/platform/known-device.server";
import {
  clientMeta,
  defineAction,
  defineLoader,
  parseFilters,
  parseForm,
  privateHeaders,
} from "~/platform/http.server";
import { requestContext } from "~/platform/request-context.server";

export const meta = portalMeta("signIn.title");

export const headers = privateHeaders;

const SignInQuerySchema = z.object({
  redirectTo: z.string().max(2048).optional(),
  signedOut: z.string().max(10).optional(),
});

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const { values } = parseFilters(request, SignInQuerySchema);
  const next = portalNext(values.redirectTo ?? null);
  if (await getAlumnus(request)) throw redirect(next);
  return { redirectTo: next === "/portal" ? "" : next, signedOut: values.signedOut !== undefined };
});

// The same answer, after the same work, whether or not the address belongs to an alumnus.
export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const input = await parseForm(request, PortalSignInSchema);
  await requestAlumniSignIn({
    email: input.email,
    next: input.redirectTo,
    ...clientMeta(request),
    correlationId: requestContext()?.correlationId,
    device: knownDeviceFrom(request, "alumnus"),
  });
  const { companyName } = await getBranding();
  return {
    ok: true as const,
    intent: "sign-in",
    message: t("signIn.sent", { company: companyName, minutes: ALUMNI_LINK_MINUTES }),
  };
});

export default function PortalSignIn() {
  const { redirectTo, signedOut } = useLoaderData<typeof loader>();
  return <SignInRequestForm redirectTo={redirectTo} signedOut={signedOut} />;
}
