import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ImportStatusBadge } from "~/components/import-status";
import { Time } from "~/components/time";
import { Card, EmptyState, IgnoredNotice, PageHeader, Pager } from "~/components/ui";
import { listImports } from "~/modules/imports/list-imports.server";
import { ImportListSchema } from "~/modules/imports/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseFilters } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Imports · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "import:alumni");
  const { values, ignored } = parseFilters(request, ImportListSchema);
  const result = await listImports({ page: values.page });
  return {
    ...result,
    ignored: ignored.length ? ["page number"] : [],
    imports: result.imports.map((i) => ({
      ...i,
      createdAt: i.createdAt.toISOString(),
      committedAt: i.committedAt?.toISOString() ?? null,
      createdBy: i.createdBy?.name ?? null,
    })),
  };
});

const n = (value: number) => value.toLocaleString("en-GB");

export default function ImportHistory() {
  const { imports, page, pages, total, ignored } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring former employees in from your HR system's terminations export. Every import is checked first (a dry run), then applied all at once."
        actions={
          <Link
            to="/staff/imports/new"
            className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
          >
            New import
          </Link>
        }
      />
      {ignored.length ? (
        <div className="mb-4">
          <IgnoredNotice names={ignored} />
        </div>
      ) : null}
      <Card title="Import history">
        {imports.length === 0 ? (
          <EmptyState title="No imports yet">
            Each import will be listed here with who ran it, when, the file, the mapping used and how many
            people it created, updated or rejected.{" "}
            <Link className="text-brand underline" to="/staff/imports/new">
              Start the first import
            </Link>
            .
          </EmptyState>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Imports, newest first ({total} in all)</caption>
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      File
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Status
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Uploaded
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      By
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Mapping
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Rows
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Created
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Updated
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Unchanged
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      Rejected
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {imports.map((i) => (
                    <tr key={i.id} className="border-t border-line align-top">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        <Link className="text-brand underline" to={`/staff/imports/${i.id}`}>
                          {i.fileName}
                        </Link>
                      </th>
                      <td className="py-2 pr-3">
                        <ImportStatusBadge status={i.status} />
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <Time iso={i.createdAt} />
                      </td>
                      <td className="py-2 pr-3">
                        {i.createdBy ?? <span className="text-muted">Former staff member</span>}
                      </td>
                      <td className="py-2 pr-3">
                        {i.mappingName ?? <span className="text-muted">Not saved</span>}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{n(i.rowCount)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{n(i.createCount)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{n(i.updateCount)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{n(i.unchangedCount)}</td>
                      <td className="py-2 text-right tabular-nums">{n(i.rejectCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} pageCount={pages} label="Import history pages" />
          </>
        )}
      </Card>
    </>
  );
}
