import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { signOut } from "~/modules/identity/sign-in.server";
import { actorOf, getViewer } from "~/platform/auth.server";
import { CLEAR_SITE_DATA, defineAction, defineLoader, parseResourceForm } from "~/platform/http.server";
import { clearSessionCookie } from "~/platform/session.server";

// Signing out changes state, so it is a POST; a GET only sends people home.
export const loader = defineLoader(async () => {
  throw redirect("/");
});

const SignOutSchema = z.object({ everywhere: z.enum(["yes"]).optional() });

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const input = await parseResourceForm(request, SignOutSchema);
  const viewer = await getViewer(request);
  if (!viewer)
    throw redirect("/sign-in", { headers: { "Set-Cookie": clearSessionCookie(), ...CLEAR_SITE_DATA } });
  // Alumni sign out of the portal at /portal/sign-out; this ends their session too.
  const { setCookie } = await signOut({
    sessionId: viewer.sessionId,
    actor: actorOf(viewer),
    everywhere: input.everywhere === "yes",
    userId: viewer.kind === "staff" ? viewer.id : undefined,
  });
  throw redirect(viewer.kind === "staff" ? "/sign-in" : "/portal/sign-in", {
    headers: { "Set-Cookie": setCookie, ...CLEAR_SITE_DATA },
  });
});
