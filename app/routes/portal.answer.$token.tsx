import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useParams, useRouteLoaderData } from "@remix-run/react";
import {
  AnswerDone,
  AnswerForm,
  ExpiredAnswerLink,
  GoneAnswerLink,
  InvalidAnswerLink,
} from "~/components/invitation-answers/answer-sections";
import { portalMeta } from "~/components/portal/portal-meta";
import { answerInvitation } from "~/modules/invitation-answers/answer-invitation.server";
import { getAnswerPage } from "~/modules/invitation-answers/get-answer-page.server";
import { AnswerInvitationSchema, FreshAnswerLinkSchema } from "~/modules/invitation-answers/schemas";
import { sendFreshAnswerLink } from "~/modules/invitation-answers/send-fresh-answer-link.server";
import {
  defineAction,
  defineLoader,
  forwardHeaders,
  parseForm,
  parseIntent,
  parseParams,
  SECRET_LINK_HEADERS,
  type ActionError,
} from "~/platform/http.server";
import { linkTokenOrNone } from "~/platform/input";

/**
 * The page an invitation's main button opens (ADR 038), inside the portal's frame (the
 * employer's branding, ADR 036). The signed link names the person and the campaign; no
 * sign-in, and the link signs nobody in. GET only shows the choice (mail scanners fetch every
 * link); the answer is recorded on the POST, which is origin-checked like every other.
 */

export const meta: ReturnType<typeof portalMeta> = (args) => [
  ...(portalMeta("answer.title")(args) ?? []),
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

export const headers = forwardHeaders;

const STATUS = { open: 200, expired: 410, invalid: 404, gone: 404 } as const;

export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  const page = await getAnswerPage({ token });
  return data(page, { status: STATUS[page.state], headers: SECRET_LINK_HEADERS });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const { token } = parseParams(params, { token: linkTokenOrNone });
  // A body that is not a form (JSON, a broken multipart) is the sender's mistake, not ours:
  // the helpers answer 400/413/415 with a sentence.
  const intent = await parseIntent(request, ["answer", "fresh-link"]);
  switch (intent) {
    case "answer": {
      const input = await parseForm(request, AnswerInvitationSchema);
      const result = await answerInvitation({ token, ...input });
      return data({ ok: true as const, intent, result }, { headers: SECRET_LINK_HEADERS });
    }
    case "fresh-link": {
      await parseForm(request, FreshAnswerLinkSchema);
      const sent = await sendFreshAnswerLink({ token });
      return data({ ok: true as const, intent, sent }, { headers: SECRET_LINK_HEADERS });
    }
  }
});

type Answered = { ok: true; intent: "answer"; result: Parameters<typeof AnswerDone>[0]["result"] };
type Sent = { ok: true; intent: "fresh-link"; sent: { days: number } };

/** The alumni site's sign-in (by email link, ADR 037): the other way in when a link does not work. */
const SIGN_IN_HREF = "/portal/sign-in";

export default function AnswerInvitationPage() {
  const page = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<{ branding: { companyName: string } }>("routes/portal");
  const company = layout?.branding.companyName ?? "";
  const actionData = useActionData<typeof action>() as Answered | Sent | ActionError | undefined;
  const params = useParams();
  const here = `/portal/answer/${encodeURIComponent(params.token ?? "")}`;

  if (page.state === "invalid") return <InvalidAnswerLink signInHref={SIGN_IN_HREF} />;
  if (page.state === "gone") return <GoneAnswerLink />;
  if (page.state === "expired") {
    return (
      <ExpiredAnswerLink
        page={page}
        sent={actionData?.ok && actionData.intent === "fresh-link" ? actionData.sent : null}
        signInHref={SIGN_IN_HREF}
      />
    );
  }
  if (actionData?.ok && actionData.intent === "answer") {
    return <AnswerDone result={actionData.result} company={company} changeHref={here} sender={page.sender} />;
  }
  return <AnswerForm page={page} company={company} />;
}
