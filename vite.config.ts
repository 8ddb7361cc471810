import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  cacheDir: ".cache/vite",
  resolve: {
    alias: {
      "~": path.resolve(import.meta.dirname, "app"),
      "#emails": path.resolve(import.meta.dirname, "emails"),
    },
  },
  plugins: [
    tailwindcss(),
    remix({ future: remixConfig.future, ignoredRouteFiles: remixConfig.ignoredRouteFiles }),
  ],
  server: { port: 3000, strictPort: true },
  // Server-only packages reached through route modules' .server imports: never pre-bundle them
  // for the browser (Remix strips that code from client bundles; the scanner still sees it).
  optimizeDeps: {
    exclude: [
      "@node-rs/argon2",
      "@prisma/client",
      "@prisma/adapter-pg",
      "@electric-sql/pglite",
      "@electric-sql/pglite-socket",
      "pg",
      "pg-copy-streams",
      "nodemailer",
      "@react-email/render",
    ],
  },
  build: { target: "es2022" },
  ssr: { noExternal: [] },
});
