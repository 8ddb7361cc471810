import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EMAIL_KINDS, EMAIL_PURPOSES } from "#emails/kinds";
import { Badge, Card, PageHeader, Table } from "~/components/ui";
import { listEmailTemplates } from "~/modules/outreach/list-email-templates";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader } from "~/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Email templates · Comeback" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:campaign");
  return { templates: listEmailTemplates() };
});

const AUDIENCE = { alumnus: "Former colleagues", employee: "Current employees", staff: "Staff" } as const;

export default function EmailTemplates() {
  const { templates } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Email templates"
        description="Every email Comeback sends, with sample data. Open one to see it as people will, check its tone, and try a personal note."
      />
      <Card>
        <Table
          caption="Email templates with their kind, purpose and audience"
          rows={templates}
          rowKey={(t) => t.key}
          columns={[
            {
              key: "template",
              label: "Template",
              rowHeader: true,
              cell: (t) => (
                <>
                  <Link className="font-medium text-brand underline" to={`/staff/emails/${t.key}`}>
                    {t.title}
                  </Link>
                  <p className="mt-1 max-w-md text-muted">{t.description}</p>
                </>
              ),
            },
            { key: "kind", label: "Kind", cell: (t) => EMAIL_KINDS[t.kind] },
            {
              key: "purpose",
              label: "Purpose",
              cell: (t) => (
                <Badge tone={t.purpose === "transactional" ? "neutral" : "brand"}>
                  {EMAIL_PURPOSES[t.purpose]}
                </Badge>
              ),
            },
            { key: "audience", label: "Sent to", cell: (t) => AUDIENCE[t.audience] },
            { key: "note", label: "Personal note", cell: (t) => (t.acceptsNote ? "Yes" : "No") },
          ]}
        />
      </Card>
    </>
  );
}
