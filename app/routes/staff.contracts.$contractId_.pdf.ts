import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordId } from "~/platform/input";
import { downloadContractPdf, pdfResponse } from "~/modules/contracts/answer-offer.server";
import { requireAnyPermission } from "~/platform/auth.server";
import { defineLoader, parseParams } from "~/platform/http.server";

// A download (resource route): the accepted contract's PDF, the same bytes the person has.
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireAnyPermission(request, ["read:contract:any", "approve:contract:team"]);
  return pdfResponse(
    await downloadContractPdf({
      actor,
      contractId: parseParams(params, { contractId: recordId }, "That contract").contractId,
    }),
  );
});
