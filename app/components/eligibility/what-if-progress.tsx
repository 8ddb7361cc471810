import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/**
 * While the draft's what-if is being worked out (a background job, ADR 087): its progress, and
 * the page asks again every two seconds until it is ready (the form beside it keeps what is being
 * typed). Without JavaScript the page reloads itself every three seconds instead.
 */
export function WhatIfProgress({ percent, done, total }: { percent: number; done: number; total: number }) {
  usePollWhile(true);
  return (
    <div className="space-y-2 text-sm" data-testid="what-if-working" role="status">
      <noscript>
        <meta httpEquiv="refresh" content="3" />
      </noscript>
      <label htmlFor="what-if-progress" className="font-medium">
        Working out the effect of this draft: {percent}%
      </label>
      <progress id="what-if-progress" className="block h-3 w-full" max={100} value={percent}>
        {percent}%
      </progress>
      <p className="text-muted">
        {total > 0
          ? `${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} people evaluated under the draft. `
          : "Waiting for its turn. "}
        This page updates by itself; nothing changes for anyone until the draft is published.
      </p>
    </div>
  );
}

export function usePollWhile(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}
