import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { useActionData, useLoaderData } from "@remix-run/react";
import { companyFrom } from "~/components/portal/portal-meta";
import { SignInConfirm } from "~/components/portal/sign-in";
import { portalNext } from "~/modules/identity/request-alumni-sign-in.server";
import {
  findAlumniSignInLink,
  INVALID_ALUMNI_LINK_MESSAGE,
  signInAlumnus,
} from "~/modules/identity/sign-in-alumnus.server";
import { PortalSignInConfirmSchema } from "~/modules/portal/schemas";
import { t } from "~/modules/portal/strings";
import { knownDeviceCookie } from "~/platform/known-device.server";
import { sha256 } from "~/platform/crypto.server";
import { AppError } from "~/platform/errors";
import {
  clientMeta,
  defineAction,
  defineLoader,
  forwardHeaders,
  parseFilters,
  parseForm,
  parseParams,
  SECRET_LINK_HEADERS,
} from "~/platform/http.server";
import { linkTokenOrNone } from "~/platform/input";
import { sessionTokenFrom } from "~/platform/session.server";

export const meta: MetaFunction = ({ matches }) => {
  const company = companyFrom(matches);
  return [
    { title: t("shell.pageTitle", { title: t("signIn.pageTitleConfirm"), company }) },
    { name: "referrer", content: "no-referrer" },
  ];
};

export const headers = forwardHeaders;

const NextSchema = z.object({ next: z.string().max(2048).optional() });

// Opening the link only shows the page (mail scanners fetch links): nothing is used up.
export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const { usable } = await findAlumniSignInLink(token);
  return data(
    { usable, invalidMessage: INVALID_ALUMNI_LINK_MESSAGE },
    { status: usable ? 200 : 404, headers: SECRET_LINK_HEADERS },
  );
});

// The session starts here, on the person's own press of the button.
export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  await parseForm(request, PortalSignInConfirmSchema).catch((error: unknown) => {
    // Only the button's own POST uses the link: anything else is answered on the same page.
    if (error instanceof AppError && error.code === "validation") {
      throw new AppError("validation", t("signIn.invalidRequest"));
    }
    throw error;
  });
  const presented = sessionTokenFrom(request, "alumnus");
  const { setCookie, alumnusId } = await signInAlumnus({
    token: token ?? "",
    ...clientMeta(request),
    previousSessionId: presented ? sha256(presented) : undefined,
  });
  const next = portalNext(parseFilters(request, NextSchema).values.next ?? null);
  const headers = new Headers(SECRET_LINK_HEADERS);
  headers.append("Set-Cookie", setCookie);
  // This browser is now known: the person's next link request is not held up by strangers'.
  headers.append("Set-Cookie", knownDeviceCookie("alumnus", alumnusId));
  throw redirect(next, { headers });
});

export default function ConfirmSignIn() {
  const { usable, invalidMessage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A refused form is shown on the form (its summary); a link that no longer works, on its own page.
  const error =
    actionData && !actionData.ok && actionData.error.code !== "validation"
      ? actionData.error.message
      : undefined;
  return <SignInConfirm usable={usable} invalidMessage={invalidMessage} error={error} />;
}
