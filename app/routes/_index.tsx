import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getViewer } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const viewer = await getViewer(request);
  if (viewer?.kind === "staff") throw redirect("/staff");
  if (viewer?.kind === "alumnus") throw redirect("/portal");
  throw redirect("/sign-in");
});
