import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignForm } from "~/components/campaign-form";
import { Notice, PageHeader } from "~/components/ui";
import { updateCampaign } from "~/modules/campaigns/update-campaign.server";
import { getCampaignForEdit } from "~/modules/campaigns/get-campaign-for-edit.server";
import {
  listProgramsForCampaigns,
  listSegmentsForCampaigns,
} from "~/modules/campaigns/list-campaigns.server";
import { CampaignFormSchema } from "~/modules/campaigns/schemas";
import { requirePermission } from "~/platform/auth.server";
import { defineAction, defineLoader, parseForm, parseParams } from "~/platform/http.server";
import { recordId } from "~/platform/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data && "campaign" in data ? data.campaign.name : "campaign"} · Comeback` },
];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requirePermission(request, "manage:campaign");
  const { campaignId } = parseParams(params, { campaignId: recordId }, "That campaign");
  const [campaign, segments, programs] = await Promise.all([
    getCampaignForEdit(campaignId),
    listSegmentsForCampaigns(),
    listProgramsForCampaigns(),
  ]);
  return { campaign, segments, programs };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, "manage:campaign");
  const { campaignId } = parseParams(params, { campaignId: recordId }, "That campaign");
  const values = await parseForm(request, CampaignFormSchema);
  await updateCampaign({ actor, campaignId, values });
  return redirect(`/staff/campaigns/${campaignId}`);
});

export default function EditCampaign() {
  const { campaign, segments, programs } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/staff/campaigns/${campaign.id}`} className="text-brand underline">
          Back to the campaign
        </Link>
      </p>
      <PageHeader
        title={`Edit ${campaign.name}`}
        description="Only drafts can be changed; once launched, every recipient gets the same email."
      />
      {campaign.status !== "draft" ? (
        <Notice tone="warning">
          This campaign has been launched, so its email can no longer be changed.
        </Notice>
      ) : (
        <CampaignForm
          segments={segments}
          programs={programs}
          values={campaign.values}
          submitLabel="Save changes"
        />
      )}
    </>
  );
}
