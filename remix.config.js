/**
 * Remix options. vite.config.ts passes these to the Remix Vite plugin, so this file is the
 * single place where framework behaviour (future flags) is decided.
 * @type {{ future: Record<string, boolean>, ignoredRouteFiles: string[] }}
 */
export default {
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
  ignoredRouteFiles: ["**/*.test.*", "**/.*"],
};
