import { createContext, useContext } from "react";

/** The per-request CSP nonce, for Remix's inline scripts. Empty in the browser after hydration. */
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);

/** The request's correlation id, so error pages rendered on the server can show it. */
const CorrelationContext = createContext<string | undefined>(undefined);
export const CorrelationProvider = CorrelationContext.Provider;
export const useCorrelationId = () => useContext(CorrelationContext);
