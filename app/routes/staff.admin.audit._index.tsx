import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Time } from "~/components/time";
import { Notice, Button, Card, EmptyState, PageHeader, SelectField, TextField } from "~/components/ui";
import { AUDIT_ACTION_FAMILIES, AuditFilterSchema, filterParams } from "~/modules/audit/audit-filters.server";
import { listAuditEvents } from "~/modules/audit/list-audit-events.server";
import { verifyAuditChain } from "~/modules/audit/verify-chain.server";
import { describeDevice } from "~/modules/identity/describe-device";
import { AUDIT_ACTIONS } from "~/platform/audit.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseSearchParams } from "~/platform/http.server";
import { can } from "~/platform/permissions";

export const meta: MetaFunction = () => [{ title: "Audit trail · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "read:audit");
  const filters = parseSearchParams(request, AuditFilterSchema);
  const [page, integrity] = await Promise.all([
    listAuditEvents({ filters }),
    filters.verify ? verifyAuditChain() : null,
  ]);
  return {
    ...page,
    integrity,
    filters: filterParams(filters),
    actions: [...AUDIT_ACTIONS].sort(),
    families: AUDIT_ACTION_FAMILIES,
    canExport: can(actor, "export:audit"),
  };
});

function withParams(base: Record<string, string>, extra: Record<string, string>) {
  return `?${new URLSearchParams({ ...base, ...extra }).toString()}`;
}

export default function AuditTrail() {
  const { events, olderCursor, newerCursor, integrity, filters, actions, families, canExport } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change, sign-in and refusal, with who did it and why. Times are UTC. Events are hash-chained, so an edited or deleted event shows up when the trail is verified."
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
        <Form method="get" className="grid gap-4 md:grid-cols-3 lg:grid-cols-6">
          <TextField label="Actor (name or id)" name="actor" defaultValue={filters.actor ?? ""} />
          <SelectField
            label="Action"
            name="action"
            defaultValue={filters.action ?? ""}
            options={[
              { value: "", label: "Any action" },
              ...families.map((f) => ({ value: f, label: `All ${f.slice(0, -2)} actions` })),
              ...actions.map((a) => ({ value: a, label: a })),
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
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    #
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Time (UTC)
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Actor
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Action
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Entity
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Change
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Reason
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    From
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} className="border-t border-line align-top">
                    <th scope="row" className="py-2 pr-3 font-mono text-xs font-normal">
                      {e.id}
                    </th>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      <Time iso={e.occurredAt} seconds />
                    </td>
                    <td className="py-2 pr-3">
                      {e.actor.name ?? (e.actor.type === "anonymous" ? "Someone not signed in" : "—")}
                      <span className="block text-xs text-muted">
                        {e.actor.type}
                        {e.actor.role ? ` · ${e.actor.role}` : ""}
                        {e.actor.id ? ` · ${e.actor.id}` : ""}
                      </span>
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{e.action}</td>
                    <td className="py-2 pr-3">
                      {e.entityType}
                      {e.entityId ? (
                        <Link
                          className="block break-all font-mono text-xs text-brand underline"
                          to={withParams({ entityType: e.entityType, entityId: e.entityId }, {})}
                        >
                          {e.entityId}
                        </Link>
                      ) : null}
                    </td>
                    <td className="py-2 pr-3">
                      {e.changes.length === 0 ? (
                        <span className="text-muted">—</span>
                      ) : (
                        <table className="text-xs">
                          <caption className="sr-only">Fields changed by event {e.id}</caption>
                          <thead className="sr-only">
                            <tr>
                              <th scope="col">Field</th>
                              <th scope="col">Before</th>
                              <th scope="col">After</th>
                            </tr>
                          </thead>
                          <tbody>
                            {e.changes.map((c) => (
                              <tr key={c.field}>
                                <th scope="row" className="pr-2 text-left font-medium text-muted">
                                  {c.field}
                                </th>
                                <td className="pr-1 break-all">
                                  {c.hasBefore ? <del className="text-bad">{c.before ?? "null"}</del> : null}
                                </td>
                                <td className="break-all">
                                  {c.hasAfter ? (
                                    <ins className="text-good no-underline">{c.after ?? "null"}</ins>
                                  ) : null}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                    </td>
                    <td className="max-w-xs py-2 pr-3 whitespace-pre-wrap break-words">
                      {e.reason ?? <span className="text-muted">—</span>}
                    </td>
                    <td className="py-2 text-xs">
                      <span className="font-mono">{e.ip ?? "—"}</span>
                      {e.userAgent ? (
                        <span className="block text-muted">{describeDevice(e.userAgent)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
          {newerCursor ? (
            <Link className="text-brand underline" to={withParams(filters, { after: newerCursor })}>
              ← Newer events
            </Link>
          ) : (
            <span />
          )}
          {olderCursor ? (
            <Link className="text-brand underline" to={withParams(filters, { before: olderCursor })}>
              Older events →
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
