import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ImportHistoryTable } from "~/components/imports/import-history";
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
            <ImportHistoryTable imports={imports} total={total} />
            <Pager page={page} pageCount={pages} label="Import history pages" />
          </>
        )}
      </Card>
    </>
  );
}
