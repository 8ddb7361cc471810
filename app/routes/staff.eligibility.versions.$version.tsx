import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PolicyRulesView } from "~/components/eligibility/policy-rules";
import { Time } from "~/components/time";
import { Card, PageHeader } from "~/components/ui";
import { getPolicyVersion } from "~/modules/eligibility/policies.server";
import { requirePermission } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { defineLoader, parseParams } from "~/platform/http.server";
import { boundedInt } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Policy version ${data?.version ?? ""} · Eligibility · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requirePermission(request, "read:eligibility");
  const { version } = parseParams(
    params,
    { version: boundedInt({ label: "the version", min: 1, max: 1_000_000 }) },
    "That policy version",
  );
  const policy = await getPolicyVersion(db, version);
  return {
    version: policy.version,
    status: policy.status,
    rules: policy.rules,
    summary: policy.summary,
    publishedAt: policy.publishedAt?.toISOString() ?? null,
  };
});

export default function PolicyVersion() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/eligibility" className="text-brand underline">
          ← Eligibility
        </Link>
      </p>
      <PageHeader
        title={`Policy version ${data.version}`}
        description={
          <>
            Published <Time iso={data.publishedAt} />.{" "}
            {data.status === "published" ? "This version is in force." : "A later version replaced it."}
          </>
        }
      />
      <Card>
        {data.summary ? <p className="mb-4 whitespace-pre-line text-sm">{data.summary}</p> : null}
        <PolicyRulesView rules={data.rules} />
      </Card>
    </>
  );
}
