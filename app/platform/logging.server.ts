import { requestContext } from "./request-context.server";

/**
 * Structured JSON lines on stdout, times in UTC. Never log tokens, passwords, email addresses or
 * names: pass ids. `redact` masks what slips through (emails, long token-like strings).
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const TOKENISH = /\b[A-Za-z0-9_-]{32,}\b/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function redact(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(TOKENISH, (match) => (UUID.test(match) ? match : "[redacted]"));
}

function threshold() {
  const level = (process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info")) as
    Level | "silent";
  return ORDER[level] ?? ORDER.info;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (ORDER[level] < threshold()) return;
  const context = requestContext();
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg: redact(message) };
  if (context?.correlationId) entry.correlationId = context.correlationId;
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) {
      entry[key] = {
        name: value.name,
        message: redact(value.message),
        stack: value.stack ? redact(value.stack) : undefined,
      };
    } else if (typeof value === "string") entry[key] = redact(value);
    else entry[key] = value;
  }
  const line = JSON.stringify(entry, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
