import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignForm } from "~/components/campaign-form";
import { EmptyState, PageHeader } from "~/components/ui";
import { campaignFormDefaults } from "~/modules/campaigns/campaign-form-defaults.server";
import { createCampaign } from "~/modules/campaigns/create-campaign.server";
import {
  listProgramsForCampaigns,
  listSegmentsForCampaigns,
} from "~/modules/campaigns/list-campaigns.server";
import { CampaignFormSchema } from "~/modules/campaigns/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseFilters, parseForm } from "~/platform/http.server";
import { optionalRecordId } from "~/platform/input";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "New campaign · Comeback" }];

const PreselectSchema = z.object({ segment: optionalRecordId });

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "manage:campaign");
  // A segment chosen on the alumni list; a malformed one is simply not preselected.
  const { segment: segmentId } = parseFilters(request, PreselectSchema).values;
  const [segments, programs, defaults] = await Promise.all([
    listSegmentsForCampaigns(),
    listProgramsForCampaigns(),
    campaignFormDefaults({ actor }),
  ]);
  return { segments, programs, defaults: { ...defaults, segmentId } };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:campaign");
  const values = await parseForm(request, CampaignFormSchema);
  const { id } = await createCampaign({ actor, values });
  return redirect(`/staff/campaigns/${id}`);
});

export default function NewCampaign() {
  const { segments, programs, defaults } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/staff/campaigns" className="text-brand underline">
          All campaigns
        </Link>
      </p>
      <PageHeader
        title="New campaign"
        description="It starts as a draft: you can check the audience, the tone of your note and preview the email for anyone in it before anything is sent."
      />
      {segments.length === 0 ? (
        <EmptyState title="No saved segments yet">
          A campaign goes to a saved segment of the alumni list. Filter the{" "}
          <Link to="/staff/alumni" className="text-brand underline">
            alumni list
          </Link>{" "}
          and save the view, then come back here.
        </EmptyState>
      ) : (
        <CampaignForm segments={segments} programs={programs} values={defaults} submitLabel="Create draft" />
      )}
    </>
  );
}
