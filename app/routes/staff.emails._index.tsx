import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EMAIL_KINDS, EMAIL_PURPOSES } from "#emails/kinds";
import { Badge, Card, PageHeader } from "~/components/ui";
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
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Email templates with their kind, purpose and audience</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Template
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Kind
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Purpose
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Sent to
              </th>
              <th scope="col" className="py-2 font-medium">
                Personal note
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.key} className="border-t border-line align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <Link className="font-medium text-brand underline" to={`/staff/emails/${t.key}`}>
                    {t.title}
                  </Link>
                  <p className="mt-1 max-w-md text-muted">{t.description}</p>
                </th>
                <td className="py-3 pr-4">{EMAIL_KINDS[t.kind]}</td>
                <td className="py-3 pr-4">
                  <Badge tone={t.purpose === "transactional" ? "neutral" : "brand"}>
                    {EMAIL_PURPOSES[t.purpose]}
                  </Badge>
                </td>
                <td className="py-3 pr-4">{AUDIENCE[t.audience]}</td>
                <td className="py-3">{t.acceptsNote ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
