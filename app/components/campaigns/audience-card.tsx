import { Card } from "~/components/ui";
import { EXCLUSION_LABELS } from "~/modules/campaigns/exclusions";
import type { CampaignPage } from "~/modules/campaigns/get-campaign-page.server";

/**
 * Who the campaign goes to: how many are in the segment, how many get the email, how many are
 * left out and why (each person counted once). Before launch the numbers are counted now; once
 * it sends, they are the snapshot taken then.
 */
export function AudienceCard({
  audience,
  campaign,
  exclusionReasons,
}: Pick<CampaignPage, "audience" | "exclusionReasons"> & {
  campaign: { quietDays: number; segment: { description: string } };
}) {
  return (
    <Card title="Audience">
      <p className="mb-3 text-sm text-muted">
        {campaign.segment.description}.{" "}
        {audience.snapshot
          ? "Counted when the campaign started sending; later changes to the pool do not change who gets it."
          : "Counted now; the list is fixed when sending starts."}
      </p>
      <dl className="mb-4 grid grid-cols-3 gap-3 text-center">
        <div className="rounded-md bg-paper p-2">
          <dt className="text-xs text-muted">In the segment</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="in-segment">
            {audience.inSegment.toLocaleString("en")}
          </dd>
        </div>
        <div className="rounded-md bg-paper p-2">
          <dt className="text-xs text-muted">Will get the email</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="recipients">
            {audience.recipients.toLocaleString("en")}
          </dd>
        </div>
        <div className="rounded-md bg-paper p-2">
          <dt className="text-xs text-muted">Left out</dt>
          <dd className="text-xl font-semibold tabular-nums">{audience.excluded.toLocaleString("en")}</dd>
        </div>
      </dl>
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left text-sm font-medium">
          Who is left out, and why (each person counted once)
        </caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Reason
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              People
            </th>
          </tr>
        </thead>
        <tbody>
          {exclusionReasons
            .filter(
              (reason) => audience.onlyEligible || (reason !== "no_verdict" && reason !== "not_eligible"),
            )
            .map((reason) => (
              <tr key={reason} className="border-t border-line align-top">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {EXCLUSION_LABELS[reason].label}
                  <span className="block text-xs text-muted">
                    {reason === "quiet_period"
                      ? `Left less than ${campaign.quietDays} days ago, or are still leaving.`
                      : EXCLUSION_LABELS[reason].explanation}
                  </span>
                </th>
                <td className="py-1 text-right tabular-nums">
                  {audience.byReason[reason].toLocaleString("en")}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </Card>
  );
}
