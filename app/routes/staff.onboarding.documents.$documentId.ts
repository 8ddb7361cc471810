import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordId } from "~/platform/input";
import { documentResponse, downloadOnboardingDocument } from "~/modules/onboarding/onboarding.server";
import { requirePermission } from "~/platform/auth.server";
import { defineLoader, parseParams } from "~/platform/http.server";

// A download (resource route): an onboarding document, for HR only; audited.
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, "manage:contract");
  return documentResponse(
    await downloadOnboardingDocument({
      actor,
      documentId: parseParams(params, { documentId: recordId }, "That document").documentId,
    }),
  );
});
