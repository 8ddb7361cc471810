import { AsyncLocalStorage } from "node:async_hooks";

/** Facts about the current request that audit events and logs carry without threading them. */
export type RequestContext = {
  correlationId: string;
  ip?: string;
  userAgent?: string;
  method?: string;
  path?: string;
};

// One store per process, shared through globalThis: the server entry (run by tsx) and the Remix
// bundle (or Vite's module graph in development) each load their own copy of this module, and
// the app must read the store that the entry filled in.
const STORE = Symbol.for("comeback.requestContext");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
const storage: AsyncLocalStorage<RequestContext> = (holder[STORE] ??=
  new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}
