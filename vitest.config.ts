import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "~": path.resolve(import.meta.dirname, "app"),
  "#emails": path.resolve(import.meta.dirname, "emails"),
};

/**
 * Three projects: unit (pure functions), db (`*.server.test.ts`: each file gets its own fresh
 * database: PGlite in-process, or its own database on TEST_DATABASE_URL) and e2e (real browser
 * against the production build). `npm test` runs all three.
 */
export default defineConfig({
  resolve: { alias },
  cacheDir: ".cache/vitest",
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "app/**/*.test.{ts,tsx}",
            "server/**/*.test.ts",
            "scripts/**/*.test.ts",
            "emails/**/*.test.{ts,tsx}",
            "test/unit/**/*.test.ts",
          ],
          exclude: ["**/*.server.test.{ts,tsx}", "**/node_modules/**"],
          // Component tests choose a document with `// @vitest-environment happy-dom`.
          environment: "node",
          setupFiles: ["test/setup/console.ts", "test/setup/components.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: [
            "app/**/*.server.test.{ts,tsx}",
            "prisma/**/*.server.test.ts",
            "server/**/*.server.test.ts",
            "scripts/**/*.server.test.ts",
            "emails/**/*.server.test.{ts,tsx}",
            "test/integration/**/*.test.ts",
          ],
          environment: "node",
          globalSetup: ["test/setup/global-database.ts"],
          setupFiles: ["test/setup/console.ts", "test/setup/database.ts"],
          pool: "forks",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts", "test/http/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/global-database.ts", "test/setup/global-build.ts"],
          setupFiles: ["test/setup/console.ts", "test/setup/database.ts"],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
