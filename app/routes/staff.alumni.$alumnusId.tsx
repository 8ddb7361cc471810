import { DoNotRehireControl } from "~/components/alumni/do-not-rehire";
import { AlumnusSummary } from "~/components/alumni/alumnus-summary";
import {
  AvailabilityCard,
  ExitCard,
  IdentityCard,
  ManualEditsCard,
  Timeline,
} from "~/components/alumni/record-sections";
import { EditCard, NoteCard, TagsCard } from "~/components/alumni/record-forms";
import { VerdictPanel } from "~/components/eligibility/verdict-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/ui";
import { addAlumnusNote } from "~/modules/alumni/add-alumnus-note.server";
import { DoNotRehireSchema, EditAlumnusSchema, NoteSchema, TagSchema } from "~/modules/alumni/alumni-schemas";
import { placeText } from "~/modules/alumni/alumnus-words";
import { fieldLabel } from "~/modules/audit/audit-words";
import { getAlumnusProfile } from "~/modules/alumni/get-alumnus-profile.server";
import { getReturnJourney } from "~/modules/applications/return-journey.server";
import { ReturnJourneyCard } from "~/components/pipeline/journey";
import { InviteToProgramCard } from "~/components/pipeline/invite";
import { getInviteOptions, inviteToProgram } from "~/modules/campaigns/invite-to-program.server";
import { InviteToProgramSchema } from "~/modules/campaigns/schemas";
import { setDoNotRehire } from "~/modules/alumni/set-do-not-rehire.server";
import { tagAlumni } from "~/modules/alumni/tag-alumni.server";
import { updateAlumnus } from "~/modules/alumni/update-alumnus.server";
import { requireAnyPermission, requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data && "alumnus" in data ? `${data.alumnus.preferredName || data.alumnus.firstName} ${data.alumnus.lastName}` : "Alumnus"} · Comeback`,
  },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:alumnus:any", "read:alumnus:team"]);
  const { alumnusId } = parseParams(params, { alumnusId: recordId }, "That person");
  const [profile, journey, invite] = await Promise.all([
    getAlumnusProfile({ actor, alumnusId }),
    getReturnJourney({ actor, alumnusId }),
    getInviteOptions({ actor, alumnusId }),
  ]);
  return { ...profile, journey, invite };
});

const INTENTS = ["edit", "do-not-rehire", "add-note", "add-tag", "remove-tag", "invite"] as const;

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  await requirePermission(request, "read:alumnus:any");
  const { alumnusId } = parseParams(params, { alumnusId: recordId }, "That person");
  const intent = await parseIntent(request, INTENTS);
  const done = (message: string) => ({ ok: true as const, intent, message });
  switch (intent) {
    case "edit": {
      const actor = await requirePermission(request, "edit:alumnus:any");
      const input = await parseForm(request, EditAlumnusSchema);
      const result = await updateAlumnus({ actor, alumnusId, input });
      return done(
        result.changed.length
          ? `Saved. Changed by hand: ${result.changed.map((f) => fieldLabel(f).toLowerCase()).join(", ")}. Imports will not overwrite these fields without showing you.`
          : "Nothing to save: the record already has these values.",
      );
    }
    case "do-not-rehire": {
      const actor = await requirePermission(request, "edit:alumnus:restricted");
      const input = await parseForm(request, DoNotRehireSchema);
      const result = await setDoNotRehire({
        actor,
        alumnusId,
        version: input.version,
        doNotRehire: input.doNotRehire === "yes",
        reason: input.reason,
      });
      return done(
        result.changed
          ? input.doNotRehire === "yes"
            ? "Marked do not rehire. The reason is in the audit trail."
            : "Do-not-rehire flag cleared. The reason is in the audit trail."
          : "Nothing changed: the flag and reason are already like this.",
      );
    }
    case "add-note": {
      const actor = await requirePermission(request, "edit:alumnus:any");
      const input = await parseForm(request, NoteSchema);
      await addAlumnusNote({ actor, alumnusId, body: input.body });
      return done("Note added to the timeline.");
    }
    case "invite": {
      const actor = await requirePermission(request, "manage:campaign");
      const values = await parseForm(request, InviteToProgramSchema);
      const sent = await inviteToProgram({ actor, alumnusId, values });
      return done(
        `Invitation to “${sent.program.title}” on its way: it goes out with the campaign made for it, and their answer appears with the campaign's answers.`,
      );
    }
    case "add-tag":
    case "remove-tag": {
      const actor = await requirePermission(request, "edit:alumnus:any");
      const input = await parseForm(request, TagSchema);
      const result = await tagAlumni({
        actor,
        selection: { scope: "selected", alumnusId: [alumnusId], view: "" },
        tag: input.tag,
        mode: intent === "add-tag" ? "add" : "remove",
      });
      return done(
        result.changed
          ? intent === "add-tag"
            ? `Tagged “${input.tag}”.`
            : `Tag “${input.tag}” removed.`
          : intent === "add-tag"
            ? `Already tagged “${input.tag}”.`
            : `Not tagged “${input.tag}”.`,
      );
    }
  }
});

/** This person's rehire verdict, its reasons and any override, for viewers with read:eligibility. */
function EligibilityPanelSlot({
  alumnusId,
  eligibility,
}: {
  alumnusId: string;
  eligibility: AlumnusProfileData["eligibility"];
}) {
  if (eligibility === undefined) return null;
  return (
    <div className="space-y-2">
      <VerdictPanel eligibility={eligibility} />
      <p className="text-sm">
        <Link to={`/staff/eligibility/people/${alumnusId}`} className="text-brand underline">
          Review, override or ask a manager about this verdict
        </Link>
      </p>
    </div>
  );
}

type AlumnusProfileData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function AlumnusProfilePage() {
  const profile = useLoaderData<typeof loader>();
  const { alumnus: a, hr, restricted, timeline, canEdit, canEditRestricted, journey, invite } = profile;
  const name = `${a.preferredName || a.firstName} ${a.lastName}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/alumni" className="text-brand underline">
          ← All alumni
        </Link>
      </p>
      <PageHeader
        title={name}
        description={
          [a.jobTitle, a.department, placeText(a.location, a.country)].filter(Boolean).join(" · ") ||
          undefined
        }
      />
      <AlumnusSummary profile={profile} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {journey ? <ReturnJourneyCard journey={journey} /> : null}
          {invite && hr ? <InviteToProgramCard options={invite} name={name} /> : null}
          <IdentityCard alumnus={a} hr={hr} />
          <AvailabilityCard alumnus={a} />
          {hr ? (
            <ExitCard hr={hr} />
          ) : (
            <Notice tone="info">
              You see the details a manager needs. Exit details, HR notes and flags are kept to HR.
            </Notice>
          )}

          <EligibilityPanelSlot alumnusId={a.id} eligibility={profile.eligibility} />

          {hr ? (
            <div id="timeline">
              <Timeline items={timeline} />
            </div>
          ) : null}
        </div>

        <div className="space-y-6">
          {hr ? <TagsCard tags={hr.tags} canEdit={canEdit} /> : null}
          {hr && canEdit ? (
            <div id="note">
              <NoteCard />
            </div>
          ) : null}
          {hr && canEdit ? (
            <div id="edit">
              <EditCard alumnus={a} hr={hr} />
            </div>
          ) : null}
          {hr ? <ManualEditsCard edits={hr.manualEdits} /> : null}
          {restricted ? (
            <DoNotRehireControl
              doNotRehire={restricted.doNotRehire}
              reason={restricted.doNotRehireReason}
              version={hr?.version ?? 1}
              canEdit={canEditRestricted}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
