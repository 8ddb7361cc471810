import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Time } from "~/components/time";
import {
  IgnoredNotice,
  Notice,
  Button,
  Card,
  EmptyState,
  PageHeader,
  Pager,
  SelectField,
  Table,
  TextField,
} from "~/components/ui";
import {
  AUDIT_ACTION_FAMILIES,
  AUDIT_FILTER_LABELS,
  AuditFilterSchema,
  filterParams,
} from "~/modules/audit/audit-filters.server";
import { actionLabel, entityFamilyLabel } from "~/modules/audit/audit-words";
import { listAuditEvents } from "~/modules/audit/list-audit-events.server";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
import { describeDevice } from "~/modules/identity/describe-device";
import { AUDIT_ACTIONS } from "~/platform/audit.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseFilters } from "~/platform/http.server";
import { can, ROLES, type RoleId } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Audit trail · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "read:audit");
  const { values: filters, ignored } = parseFilters(request, AuditFilterSchema);
  const [page, integrity] = await Promise.all([
    listAuditEvents({ filters }),
    // A page view changes nothing: events not linked yet are counted, not linked (ADR 084).
    filters.verify ? verifyAuditChain({ linkPending: false }) : null,
  ]);
  return {
    ...page,
    integrity,
    filters: filterParams(filters),
    ignored: ignored.map(
      (i) => `${AUDIT_FILTER_LABELS[i.name as keyof typeof AUDIT_FILTER_LABELS] ?? i.name} (${i.message})`,
    ),
    actions: [...AUDIT_ACTIONS].sort(),
    families: AUDIT_ACTION_FAMILIES,
    canExport: can(actor, "export:audit"),
  };
});

const ACTOR_TYPES: Record<string, string> = {
  staff: "Staff",
  alumnus: "The person, in the portal",
  system: "Comeback itself",
  anonymous: "Someone not signed in",
};

/** Kinds whose id is itself readable (a page's path) rather than a record's key. */
const GENERIC_IDS = new Set(["route", "audit", "branding", "contract_settings", "portal_welcome"]);

function withParams(base: Record<string, string>, extra: Record<string, string>) {
  return `?${new URLSearchParams({ ...base, ...extra }).toString()}`;
}

export default function AuditTrail() {
  const { events, olderCursor, newerCursor, integrity, filters, ignored, actions, families, canExport } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change, sign-in and refusal, with who did it and why. Times are in your time zone (set on your account page; point at a time for UTC); the From and To filters count whole days in UTC. Events are hash-chained, so an edited or deleted event shows up when the trail is verified."
        actions={
          canExport ? (
            <a
              className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
              href={`/staff/admin/audit/export${withParams(filters, {})}`}
            >
              Export {filtered ? "this view" : "everything"} as CSV
            </a>
          ) : null
        }
      />
      {ignored.length ? (
        <div className="mb-6">
          <IgnoredNotice names={ignored} />
        </div>
      ) : null}

      <Card title="Integrity" className="mb-6">
        {integrity === null ? (
          <Form method="get" className="flex flex-wrap items-center gap-3">
            {Object.entries(filters).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <input type="hidden" name="verify" value="1" />
            <p className="text-sm text-muted">
              Recompute every event&apos;s hash and check each link to the one before it.
            </p>
            <Button
              type="submit"
              variant="secondary"
              busy={navigation.state === "loading" && navigation.location?.search.includes("verify=1")}
            >
              Verify integrity
            </Button>
          </Form>
        ) : integrity.ok ? (
          <Notice tone="success" title="The audit trail is intact">
            {integrity.checked} event{integrity.checked === 1 ? "" : "s"} checked
            {integrity.lastId ? `, up to event ${integrity.lastId}` : ""}. No event was changed or deleted
            {integrity.redacted
              ? `; personal data was erased from ${integrity.redacted} of them at people's request, each erasure recorded in a later event`
              : ""}
            .
            {integrity.waiting
              ? ` ${integrity.waiting} event${integrity.waiting === 1 ? " was" : "s were"} written in the last minute and ${integrity.waiting === 1 ? "is" : "are"} still being linked into the chain; verify again to include ${integrity.waiting === 1 ? "it" : "them"}.`
              : ""}
          </Notice>
        ) : (
          <Notice tone="error" title={`The audit trail is broken at event ${integrity.brokenAt}`}>
            <p>{integrity.problem}</p>
            <p className="mt-1">
              The {integrity.checked} event{integrity.checked === 1 ? "" : "s"} before it are intact.{" "}
              <Link className="underline" to={`?before=${BigInt(integrity.brokenAt) + 1n}`}>
                Show events around it
              </Link>
            </p>
          </Notice>
        )}
      </Card>

      <Card title="Filter" className="mb-6">
        <Form method="get" className="grid grid-cols-1 gap-4 md:grid-cols-3 lg:grid-cols-6">
          <TextField label="Actor (name or id)" name="actor" defaultValue={filters.actor ?? ""} />
          <SelectField
            label="Action"
            name="action"
            defaultValue={filters.action ?? ""}
            options={[
              { value: "", label: "Any action" },
              ...families.map((f) => ({ value: f, label: `All ${entityFamilyLabel(f)} actions` })),
              ...actions.map((a) => ({ value: a, label: actionLabel(a) })),
            ]}
          />
          <TextField
            label="Entity type"
            name="entityType"
            placeholder="e.g. user"
            defaultValue={filters.entityType ?? ""}
          />
          <TextField label="Entity id" name="entityId" defaultValue={filters.entityId ?? ""} />
          <TextField label="From (UTC)" name="from" type="date" defaultValue={filters.from ?? ""} />
          <TextField label="To (UTC, inclusive)" name="to" type="date" defaultValue={filters.to ?? ""} />
          <div className="flex items-end gap-3 md:col-span-3 lg:col-span-6">
            <Button type="submit">Show events</Button>
            {filtered ? (
              <Link className="text-sm text-brand underline" to="/staff/admin/audit">
                Clear filters
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>

      <Card>
        {events.length === 0 ? (
          <EmptyState title="No events match">Try a wider date range or fewer filters.</EmptyState>
        ) : (
          <Table
            caption="Audit events, newest first"
            rows={events}
            rowKey={(e) => String(e.id)}
            stackBelow="xl"
            columns={[
              {
                key: "id",
                label: "Event",
                rowHeader: true,
                cell: (e) => <span className="font-mono text-xs">#{e.id}</span>,
              },
              { key: "time", label: "Time", cell: (e) => <Time iso={e.occurredAt} seconds /> },
              {
                key: "actor",
                label: "Who",
                cell: (e) => (
                  <>
                    {e.actor.href && e.actor.name ? (
                      <Link className="text-brand underline" to={e.actor.href}>
                        {e.actor.name}
                      </Link>
                    ) : (
                      (e.actor.name ?? ACTOR_TYPES[e.actor.type] ?? e.actor.type)
                    )}
                    <span className="block text-xs text-muted">
                      {e.actor.type === "staff"
                        ? (ROLES[e.actor.role as RoleId]?.label ?? "Staff")
                        : e.actor.name
                          ? ACTOR_TYPES[e.actor.type]
                          : null}
                    </span>
                  </>
                ),
              },
              {
                key: "action",
                label: "What happened",
                cell: (e) => <span title={e.action}>{e.actionLabel}</span>,
              },
              {
                key: "entity",
                label: "About",
                cell: (e) => (
                  <>
                    <span className="block text-xs text-muted">{e.entityLabel}</span>
                    {e.entity?.href ? (
                      <Link className="text-brand underline" to={e.entity.href}>
                        {e.entity.name}
                      </Link>
                    ) : e.entity ? (
                      e.entity.name
                    ) : e.entityId && !GENERIC_IDS.has(e.entityType) ? (
                      <span className="text-muted">No longer on record</span>
                    ) : (
                      (e.entityId ?? null)
                    )}
                    {e.entityId ? (
                      <Link
                        className="block text-xs text-brand underline"
                        to={withParams({ entityType: e.entityType, entityId: e.entityId }, {})}
                      >
                        All events about it
                      </Link>
                    ) : null}
                  </>
                ),
              },
              {
                key: "change",
                label: "Change",
                className: "xl:min-w-64",
                cell: (e) =>
                  e.changes.length === 0 ? (
                    <span className="text-muted">—</span>
                  ) : (
                    <dl className="space-y-1 text-xs">
                      {e.changes.map((c) => (
                        <div key={c.field}>
                          <dt className="font-medium text-muted">{c.label}</dt>
                          <dd className="[overflow-wrap:anywhere]">
                            {c.hasBefore ? (
                              <del className="text-bad">
                                <span className="sr-only">before: </span>
                                {c.before}
                              </del>
                            ) : null}
                            {c.hasBefore && c.hasAfter ? " → " : null}
                            {c.hasAfter ? (
                              <ins className="text-good no-underline">
                                <span className="sr-only">after: </span>
                                {c.after}
                              </ins>
                            ) : null}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ),
              },
              {
                key: "reason",
                label: "Reason",
                cell: (e) => (
                  <span className="whitespace-pre-wrap">
                    {e.reason ?? <span className="text-muted">—</span>}
                  </span>
                ),
              },
              {
                key: "from",
                label: "From",
                cell: (e) => (
                  <span className="text-xs">
                    <span className="font-mono">{e.ip ?? "—"}</span>
                    {e.userAgent ? (
                      <span className="block text-muted">{describeDevice(e.userAgent)}</span>
                    ) : null}
                  </span>
                ),
              },
            ]}
          />
        )}
        <Pager
          label="Pages of the audit trail"
          previous={
            newerCursor ? { to: withParams(filters, { after: newerCursor }), text: "Newer events" } : null
          }
          next={
            olderCursor ? { to: withParams(filters, { before: olderCursor }), text: "Older events" } : null
          }
        />
      </Card>
    </>
  );
}
