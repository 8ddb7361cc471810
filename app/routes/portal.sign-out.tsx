import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { signOut } from "~/modules/identity/sign-in.server";
import { actorOf, getAlumnus } from "~/platform/auth.server";
import { CLEAR_SITE_DATA, defineAction, defineLoader, parseResourceForm } from "~/platform/http.server";
import { clearSessionCookie } from "~/platform/session.server";

// Signing out changes state, so it is a POST; a GET only goes back to the portal.
export const loader = defineLoader(async () => {
  throw redirect("/portal");
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  await parseResourceForm(request, z.object({}));
  const alumnus = await getAlumnus(request);
  if (!alumnus)
    throw redirect("/portal/sign-in", {
      headers: { "Set-Cookie": clearSessionCookie("alumnus"), ...CLEAR_SITE_DATA },
    });
  const { setCookie } = await signOut({ sessionId: alumnus.sessionId, actor: actorOf(alumnus) });
  throw redirect("/portal/sign-in?signedOut=1", { headers: { "Set-Cookie": setCookie, ...CLEAR_SITE_DATA } });
});
