/** What the server hands every loader and action besides the request. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    correlationId: string;
    cspNonce: string;
  }
}

export {};
