// Generates the Prisma client offline. `prisma generate` does not need the native schema engine,
// but the CLI looks for one unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_SKIP_POSTINSTALL_GENERATE: "1",
};
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY))
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: ["ignore", "pipe", "inherit"], env });
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? "");
  console.error("Could not generate the Prisma client (see above).");
  process.exit(result.status ?? 1);
}
console.log("Prisma client generated in app/generated/prisma.");
