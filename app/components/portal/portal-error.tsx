import { isRouteErrorResponse } from "@remix-run/react";
import { t } from "~/modules/portal/strings";
import { isErrorPayload } from "~/platform/errors";

export type PortalErrorDescription = { title: string; message: string | null; correlationId?: string };

/**
 * What an error means to an alumnus, in the portal's words. A 4xx answer's own sentence is shown
 * (it was written for the person); a 5xx says only that it failed and gives the reference.
 */
export function describePortalError(error: unknown, fallbackCorrelationId?: string): PortalErrorDescription {
  let correlationId = fallbackCorrelationId;
  if (isRouteErrorResponse(error)) {
    const payload = isErrorPayload(error.data) ? error.data : undefined;
    correlationId = payload?.correlationId ?? correlationId;
    if (error.status === 404) {
      return { title: t("error.notFoundTitle"), message: t("error.notFound"), correlationId };
    }
    if (error.status === 403) {
      return { title: t("error.forbiddenTitle"), message: t("error.forbidden"), correlationId };
    }
    if (error.status < 500 && payload)
      return { title: t("error.title"), message: payload.message, correlationId };
    if (error.status === 503)
      return { title: t("error.unavailableTitle"), message: t("error.unavailable"), correlationId };
  }
  return { title: t("error.title"), message: t("error.generic"), correlationId };
}

export function PortalErrorMessage({ description }: { description: PortalErrorDescription }) {
  return (
    <div className="rounded-lg border border-line bg-white p-6">
      <h1 className="text-2xl font-semibold">{description.title}</h1>
      {description.message ? <p className="mt-3">{description.message}</p> : null}
      {description.correlationId ? (
        <p className="mt-4 text-sm text-muted">{t("error.reference", { id: description.correlationId })}</p>
      ) : null}
      <p className="mt-6">
        <a className="font-medium text-brand underline" href="/portal">
          {t("error.backHome")}
        </a>
      </p>
    </div>
  );
}
