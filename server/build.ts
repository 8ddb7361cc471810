import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm start` builds the production bundle when it is missing or stale. Stale means the
 * fingerprint of the sources (content, not timestamps: a fresh clone has new mtimes) differs
 * from the one written after the last build.
 */
const SOURCES = [
  "app",
  "emails",
  "public",
  "prisma/schema.prisma",
  "vite.config.ts",
  "remix.config.js",
  "tsconfig.json",
  "package-lock.json",
];
const IGNORE = new Set(["generated", "node_modules", ".DS_Store"]);
export const BUILD_DIR = path.resolve("build");
const STAMP = path.join(BUILD_DIR, ".fingerprint");

function walk(entry: string, out: string[]) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isFile()) {
    out.push(entry);
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) {
    if (IGNORE.has(name) || name.endsWith(".test.ts") || name.endsWith(".test.tsx")) continue;
    walk(path.join(entry, name), out);
  }
}

export function sourceFingerprint(root = process.cwd()): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(path.join(root, source), files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export function buildIsFresh(): boolean {
  if (!fs.existsSync(path.join(BUILD_DIR, "server", "index.js")) || !fs.existsSync(STAMP)) return false;
  return fs.readFileSync(STAMP, "utf8").trim() === sourceFingerprint();
}

export async function runBuild(): Promise<void> {
  const fingerprint = sourceFingerprint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
      {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, NODE_ENV: "production" },
      },
    );
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`The production build failed (exit code ${code}).`)),
    );
  });
  fs.writeFileSync(STAMP, fingerprint);
}

export async function ensureBuild(say: (line: string) => void = console.log): Promise<void> {
  if (buildIsFresh()) return;
  say("Building the production bundle (sources changed since the last build)...");
  await runBuild();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  (process.argv.includes("--force") ? runBuild() : ensureBuild()).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
