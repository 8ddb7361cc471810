import { AsyncLocalStorage } from "node:async_hooks";

/** Facts about the current request that audit events and logs carry without threading them. */
export type RequestContext = {
  correlationId: string;
  ip?: string;
  userAgent?: string;
  method?: string;
  path?: string;
};

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}
