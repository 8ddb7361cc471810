import type { MetaFunction } from "@remix-run/react";
import { t, type PortalStringKey } from "~/modules/portal/strings";

type LayoutData = { branding: { companyName: string } } | undefined;

/** The company name from the portal layout's data (meta functions see every matched route). */
export function companyFrom(matches: { id: string; data: unknown }[]): string {
  const layout = matches.find((m) => m.id === "routes/portal")?.data as LayoutData;
  return layout?.branding.companyName ?? "";
}

/** A portal page's meta: "<title> · <company> alumni", never the product's name. */
export function portalMeta(title: PortalStringKey): MetaFunction {
  return ({ matches }) => {
    const company = companyFrom(matches);
    return [{ title: t("shell.pageTitle", { title: t(title, { company }), company }) }];
  };
}
