import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `prisma generate` (offline). Migrations are created and
// applied by scripts/db.ts on the WebAssembly schema engine: see docs/decisions/003.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
