import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Every setting the app reads, validated once at boot. `.env.example` documents each one with a
 * value that works locally and in CI.
 */
const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  },
  { message: "must look like postgresql://user:password@host:5432/database" },
);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  APP_URL: z.url({ message: "must be an absolute URL such as https://comeback.example.com" }).optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().default("./data"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30000),
  // prepared statements on a PostgreSQL server (ADR 093); set false behind a pooler that cannot keep them
  DB_PREPARED_STATEMENTS: booleanish.default(true),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters of random text").optional(),
  // keys the suppression list of erased people (ADR 040); never change it once people were erased
  SUPPRESSION_SECRET: z.string().min(32, "must be at least 32 characters of random text").optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), { message: "must start with smtp:// or smtps://" })
    .optional(),
  MAIL_FROM: z.string().default("Comeback <people@comeback.localhost>"),
  DISPATCHER: booleanish.default(true),
  SEED_ON_EMPTY: booleanish.default(true),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema> & {
  appUrl: string;
  dataDir: string;
  sessionSecret: string;
  isProduction: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const DEV_SESSION_SECRET = "development-only-secret-change-me-in-production-0000";

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "not set": shells and .env files often leave `KEY=` behind.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === "production";
  if (isProduction && !env.SESSION_SECRET && env.APP_URL?.startsWith("https://")) {
    throw new EnvError(["SESSION_SECRET: is required when APP_URL is https (a real deployment)"]);
  }
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return {
    ...env,
    appUrl,
    dataDir: path.resolve(env.DATA_DIR),
    sessionSecret: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    isProduction,
  };
}

/** Entry points (server, scripts) read `.env` when present; real environment variables win. */
export function loadDotEnv(file = ".env") {
  if (!fs.existsSync(file)) return;
  const before = { ...process.env };
  process.loadEnvFile(file);
  Object.assign(process.env, before);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests and the boot sequence change the environment, then ask for a fresh read. */
export function resetEnvCache() {
  cached = undefined;
}

/**
 * The database the app talks to: DATABASE_URL when set, otherwise the embedded PostgreSQL that
 * the server process started (it publishes its loopback address in EMBEDDED_DATABASE_URL).
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || process.env.EMBEDDED_DATABASE_URL;
  if (!url) {
    throw new Error(
      "No database: set DATABASE_URL, or start the app with `npm start` / `npm run dev`, which run the embedded database.",
    );
  }
  return url;
}
