import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  ActionNotice,
  SubmitButton,
  useActionResult,
  useValidatedForm,
  ValidatedForm,
} from "~/components/form";
import { OutcomeBadge } from "~/components/eligibility/outcome-badge";
import { ApplicationStatusBadge } from "~/components/pipeline/status";
import { Time } from "~/components/time";
import { Button, Card, Facts, Notice, PageHeader, TextArea, TextField } from "~/components/ui";
import { addApplicationNote } from "~/modules/applications/add-application-note.server";
import { getApplicationPage } from "~/modules/applications/get-application-page.server";
import { APPLICATION_STATUS_LABELS, ENGAGEMENT_LABELS, SOURCE_LABELS } from "~/modules/applications/labels";
import { declineApplication } from "~/modules/applications/decline-application.server";
import { makeOffer } from "~/modules/applications/make-offer.server";
import { moveApplication } from "~/modules/applications/move-application.server";
import { DeclineSchema, MoveSchema, NoteSchema, OfferSchema } from "~/modules/applications/schemas";
import { EXIT_REASON_LABELS } from "~/modules/alumni/exit-reasons";
import type { ContractStatus } from "~/modules/contracts/contract-machine";
import { CONTRACT_STATUS_LABELS } from "~/modules/contracts/labels";
import { requireAnyPermission, requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseIntent, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "person" in data ? data.person.name : "Application"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:pipeline:any", "read:pipeline:own"]);
  const { applicationId } = parseParams(params, { applicationId: recordId }, "That application");
  return getApplicationPage({ actor, applicationId });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const mover = () => requireAnyPermission(request, ["move:application:any", "move:application:own"]);
  await mover();
  const { applicationId } = parseParams(params, { applicationId: recordId }, "That application");
  const intent = await parseIntent(request, ["move", "decline", "offer", "note"]);
  switch (intent) {
    case "move": {
      const actor = await mover();
      const input = await parseForm(request, MoveSchema);
      const result = await moveApplication({
        actor,
        applicationId,
        version: input.version,
        to: input.to,
        note: input.note,
      });
      return {
        ok: true as const,
        intent,
        message: `Moved to “${APPLICATION_STATUS_LABELS[result.status]}”.`,
      };
    }
    case "decline": {
      const actor = await mover();
      const input = await parseForm(request, DeclineSchema);
      const result = await declineApplication({ actor, applicationId, input });
      return {
        ok: true as const,
        intent,
        message: result.emailed
          ? "Declined. The email with your reason is on its way (see the Outbox)."
          : "Declined. We hold no email address for this person, so tell them another way.",
      };
    }
    case "offer": {
      const actor = await requirePermission(request, "offer:application");
      const input = await parseForm(request, OfferSchema);
      await makeOffer({ actor, applicationId, input });
      return {
        ok: true as const,
        intent,
        message:
          "Offer started: a draft contract holds these terms. It goes to the hiring manager for approval next.",
      };
    }
    case "note": {
      const actor = await mover();
      const input = await parseForm(request, NoteSchema);
      await addApplicationNote({ actor, applicationId, body: input.body });
      return { ok: true as const, intent, message: "Note added." };
    }
  }
});

type Page = Awaited<ReturnType<typeof getApplicationPage>>;

function NoteForm() {
  const form = useValidatedForm(NoteSchema, { intent: "note", resetOnSuccess: true });
  return (
    <ValidatedForm form={form}>
      <TextArea
        label="Screening note"
        rows={3}
        hint="Seen by HR and the hiring manager, never by the applicant."
        {...form.field("body")}
      />
      <SubmitButton variant="secondary">Add note</SubmitButton>
    </ValidatedForm>
  );
}

/** The plain moves (shortlist, interview, withdraw...): one button each, with an optional note. */
function MoveForm({ version, moves }: { version: number; moves: { to: string; label: string }[] }) {
  const form = useValidatedForm(MoveSchema, { intent: "move", resetOnSuccess: true });
  return (
    <ValidatedForm form={form} className="space-y-3">
      <input type="hidden" name="version" value={version} />
      <TextArea label="Note with the move (optional)" rows={2} {...form.field("note")} />
      <div className="flex flex-wrap gap-2">
        {moves.map((m) => (
          <Button
            key={m.to}
            type="submit"
            name="to"
            value={m.to}
            variant={m.to === "withdrawn" ? "secondary" : "primary"}
            busy={form.busy && form.getValues("to") === m.to}
          >
            {m.to === "withdrawn" ? "Record a withdrawal" : m.label}
          </Button>
        ))}
      </div>
    </ValidatedForm>
  );
}

function DeclineForm({ version }: { version: number }) {
  const form = useValidatedForm(DeclineSchema, { intent: "decline" });
  return (
    <ValidatedForm form={form}>
      <input type="hidden" name="version" value={version} />
      <TextArea
        label="Why we decided this"
        rows={3}
        hint="In plain words the person can understand and check. It goes into their email."
        {...form.field("reason")}
      />
      <TextArea
        label="What could change the answer"
        rows={2}
        hint="For example other hours, or a new opening."
        {...form.field("whatCouldChange")}
      />
      <TextArea label="Personal note (optional)" rows={2} {...form.field("note")} />
      <SubmitButton variant="danger">Decline and send the email</SubmitButton>
    </ValidatedForm>
  );
}

function OfferForm({ version, program }: { version: number; program: Page["application"]["program"] }) {
  const form = useValidatedForm(OfferSchema, {
    intent: "offer",
    // The version is part of the schema, so the browser's check needs it as a registered value.
    defaultValues: { hourlyRate: program.rateMin, version: String(version) } as never,
  });
  return (
    <ValidatedForm form={form}>
      <input type="hidden" {...form.register("version")} />
      <TextField
        label={`Hourly rate (${program.currency})`}
        inputMode="decimal"
        hint={`The program's range is ${program.rateMin}–${program.rateMax} ${program.currency}.`}
        {...form.field("hourlyRate")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField label="Minimum hours per week" inputMode="numeric" {...form.field("minHoursPerWeek")} />
        <TextField label="Maximum hours per week" inputMode="numeric" {...form.field("maxHoursPerWeek")} />
      </div>
      <TextField
        label="Start date"
        type="date"
        hint="YYYY-MM-DD; can be settled on the contract."
        {...form.field("startsOn")}
      />
      <TextArea label="Note (optional)" rows={2} {...form.field("note")} />
      <SubmitButton>Make the offer (drafts the contract)</SubmitButton>
    </ValidatedForm>
  );
}

export default function ApplicationPage() {
  const {
    application: a,
    person,
    eligibility,
    history,
    moves,
    mayNote,
    mayReadProfile,
  } = useLoaderData<typeof loader>();
  const plainMoves = moves.filter((m) => m.to !== "declined" && m.to !== "offered");
  const mayDecline = moves.some((m) => m.to === "declined");
  const mayOffer = moves.some((m) => m.to === "offered");
  const days = (list: string[]) =>
    list.length ? list.map((d) => d[0].toUpperCase() + d.slice(1)).join(", ") : null;
  // An offer or a decline removes its own form (the status moved on): say what happened up here.
  const finished = useActionResult(["offer", "decline"]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/staff/pipeline?program=${a.program.id}`} className="text-brand underline">
          ← {a.program.title}: pipeline
        </Link>
      </p>
      <PageHeader
        title={person.name}
        description={
          <>
            Applied to {a.program.title} on <Time iso={a.submittedAt} /> ·{" "}
            {SOURCE_LABELS[a.source] ?? a.source}
          </>
        }
        actions={<ApplicationStatusBadge status={a.status} />}
      />
      {finished?.ok && finished.message ? (
        <div className="mb-4">
          <Notice tone="success">{finished.message}</Notice>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="In their words">
            <p className="whitespace-pre-wrap text-sm">{a.motivation}</p>
            <div className="mt-4">
              <Facts
                items={[
                  {
                    label: "Hours per week",
                    value: a.availabilityHours ? String(a.availabilityHours) : null,
                  },
                  { label: "Days", value: days(a.availabilityDays) },
                  { label: "Earliest start", value: a.earliestStart },
                ]}
              />
            </div>
          </Card>
          {moves.length ? (
            <Card title="Move it along">
              {/* A move that leaves no further plain move removes its form: its outcome shows here. */}
              {plainMoves.length ? null : <ActionNotice intent="move" />}
              {plainMoves.length ? <MoveForm version={a.version} moves={plainMoves} /> : null}
              {mayOffer ? (
                <details className="mt-4 rounded-md border border-line p-3" open>
                  <summary className="cursor-pointer text-sm font-medium">Make an offer</summary>
                  <div className="mt-3">
                    <OfferForm key={a.version} version={a.version} program={a.program} />
                  </div>
                </details>
              ) : null}
              {mayDecline ? (
                <details className="mt-4 rounded-md border border-line p-3">
                  <summary className="cursor-pointer text-sm font-medium">
                    {a.status === "offered" ? "Take back the offer" : "Decline"}
                  </summary>
                  <div className="mt-3">
                    <DeclineForm version={a.version} />
                  </div>
                </details>
              ) : null}
            </Card>
          ) : null}
          <Card title="History and notes">
            <ol className="space-y-3 text-sm">
              {history.map((h) => (
                <li key={h.id} className="border-l-2 border-line pl-3">
                  <p>
                    <span className="font-medium">{h.author}</span>{" "}
                    {h.kind === "move"
                      ? h.from
                        ? `moved it from “${APPLICATION_STATUS_LABELS[h.from]}” to “${APPLICATION_STATUS_LABELS[h.to!]}”`
                        : "submitted the application"
                      : "added a note"}{" "}
                    · <Time iso={h.at} />
                  </p>
                  {h.body ? <p className="mt-1 whitespace-pre-wrap text-muted">{h.body}</p> : null}
                </li>
              ))}
            </ol>
            {mayNote ? (
              <div className="mt-4 border-t border-line pt-4">
                <NoteForm />
              </div>
            ) : null}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Eligibility">
            <OutcomeBadge outcome={eligibility?.outcome} />
            {eligibility?.overridden ? (
              <p className="mt-1 text-xs text-muted">Decided by HR (override).</p>
            ) : null}
            {eligibility?.reasons ? (
              <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
                {eligibility.reasons.map((r, i) => (
                  <li key={i}>{r.sentence}</li>
                ))}
              </ul>
            ) : null}
          </Card>
          <Card title="The person">
            <Facts
              items={[
                { label: "Email", value: person.email },
                { label: "Location", value: person.location },
                { label: "Time zone", value: person.timeZone },
                {
                  label: "Prefers",
                  value: person.engagementPreference ? ENGAGEMENT_LABELS[person.engagementPreference] : null,
                },
                {
                  label: "Usual availability",
                  value: person.availability.hours
                    ? `${person.availability.hours} h/week${days(person.availability.days) ? `, ${days(person.availability.days)}` : ""}`
                    : null,
                },
                { label: "Languages", value: person.languages.join(", ") || null },
                { label: "Skills", value: person.skills.join(", ") || null },
                ...(mayReadProfile
                  ? [
                      { label: "Left on", value: person.exitDate },
                      {
                        label: "Why they left",
                        value: person.exitReason ? EXIT_REASON_LABELS[person.exitReason] : null,
                      },
                    ]
                  : []),
              ]}
            />
            {mayReadProfile ? (
              <Link
                to={`/staff/alumni/${person.id}`}
                className="mt-3 inline-block text-sm text-brand underline"
              >
                Full profile →
              </Link>
            ) : null}
          </Card>
          <Card title="Past roles">
            {person.pastRoles.length ? (
              <ul className="space-y-2 text-sm">
                {person.pastRoles.map((r, i) => (
                  <li key={i}>
                    <span className="font-medium">{r.jobTitle ?? "Role not recorded"}</span>
                    {r.department ? ` · ${r.department}` : ""}
                    <span className="block text-xs text-muted">
                      {r.from} – {r.to ?? "?"}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">No employment periods recorded.</p>
            )}
          </Card>
          {a.contract ? (
            <Card title="Contract">
              <p className="text-sm">
                {a.contract.hourlyRate} {a.contract.currency} an hour ·{" "}
                {CONTRACT_STATUS_LABELS[a.contract.status as ContractStatus] ?? a.contract.status}
              </p>
              <Link
                to={`/staff/contracts/${a.contract.id}`}
                className="mt-2 inline-block text-sm text-brand underline"
              >
                Open the contract →
              </Link>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
