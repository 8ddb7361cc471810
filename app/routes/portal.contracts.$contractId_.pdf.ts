import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordId } from "~/platform/input";
import { downloadContractPdf, pdfResponse } from "~/modules/contracts/answer-offer.server";
import { requireAlumnus } from "~/platform/auth.server";
import { defineLoader, parseParams } from "~/platform/http.server";

// A download (resource route): the person's copy of the contract they accepted, as stored.
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  return pdfResponse(
    await downloadContractPdf({
      actor: alumnus,
      contractId: parseParams(params, { contractId: recordId }, "That contract").contractId,
    }),
  );
});
