import { Fragment, type ReactNode } from "react";
import { PORTAL_STRINGS_EN, type PortalStringKey } from "~/modules/portal/strings";

/**
 * A catalogue sentence with elements (links, emphasis) in its placeholders, so the sentence
 * stays whole for translators: `<Text k="shell.footerPrivacy" vars={{ email: <a ...>...</a> }} />`.
 */
export function Text({ k, vars = {} }: { k: PortalStringKey; vars?: Record<string, ReactNode> }) {
  const parts = PORTAL_STRINGS_EN[k].split(/(\{\w+\})/g);
  return (
    <>
      {parts.map((part, i) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return <Fragment key={i}>{name && Object.hasOwn(vars, name) ? vars[name] : part}</Fragment>;
      })}
    </>
  );
}
