/**
 * npm run db:migrate            apply pending migrations (DATABASE_URL, or the embedded database)
 * npm run db:migration -- name  write a migration from the difference with schema.prisma
 * npm run db:drift              fail when the migrations folder and schema.prisma disagree
 */
import { withDatabase } from "../server/database";
import { loadDotEnv } from "../app/platform/env.server";

loadDotEnv();
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  MigrationError,
} from "../app/platform/db/migrations.server";
import { env, EnvError } from "../app/platform/env.server";

const [command, ...rest] = process.argv.slice(2);

async function main() {
  switch (command) {
    case "migrate": {
      await withDatabase(env(), async (url) => {
        const { applied } = await applyMigrations(url);
        console.log(
          applied.length
            ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}`
            : "The database is up to date.",
        );
      });
      return;
    }
    case "migration": {
      const name = rest.filter((a) => !a.startsWith("-")).join("-");
      const created = await createMigration(name);
      console.log(
        created
          ? `Wrote prisma/migrations/${created.folder}/migration.sql`
          : "schema.prisma and the migrations agree: nothing to write.",
      );
      return;
    }
    case "drift": {
      const sql = await diffMigrationsToSchema();
      if (sql) {
        console.error(
          `The migrations do not produce schema.prisma. Missing:\n${sql}\nRun: npm run db:migration -- <name>`,
        );
        process.exitCode = 1;
      } else console.log("No drift: the migrations produce schema.prisma exactly.");
      return;
    }
    default:
      console.error("Usage: tsx scripts/db.ts migrate | migration <name> | drift");
      process.exitCode = 2;
  }
}

main().catch((error) => {
  if (error instanceof MigrationError || error instanceof EnvError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
