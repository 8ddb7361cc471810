import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordId } from "~/platform/input";
import { documentResponse, downloadOnboardingDocument } from "~/modules/onboarding/onboarding.server";
import { requireAlumnus } from "~/platform/auth.server";
import { defineLoader, parseParams } from "~/platform/http.server";

// A download (resource route): a document the person uploaded for onboarding, as stored.
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const alumnus = await requireAlumnus(request);
  return documentResponse(
    await downloadOnboardingDocument({
      actor: alumnus,
      documentId: parseParams(params, { documentId: recordId }, "That document").documentId,
    }),
  );
});
