/**
 * The addresses (host:port) of the embedded databases served right now, in the environment so the
 * processes this one starts (import jobs) know them too: every connection to one of them shares a
 * single backend, so connections cannot keep prepared statements of their own (ADR 093).
 */
export const EMBEDDED_ADDRESSES_ENV = "COMEBACK_EMBEDDED_ADDRESSES";

export function publishEmbeddedAddress(address: string, served: boolean) {
  const others = (process.env[EMBEDDED_ADDRESSES_ENV] ?? "").split(",").filter((a) => a && a !== address);
  const list = served ? [...others, address] : others;
  if (list.length > 0) process.env[EMBEDDED_ADDRESSES_ENV] = list.join(",");
  else delete process.env[EMBEDDED_ADDRESSES_ENV];
}

/** Is this database URL one of the embedded databases (served here or by the process that started this one)? */
export function isEmbeddedDatabaseUrl(url: string) {
  let address: string;
  try {
    const u = new URL(url);
    address = `${u.hostname}:${u.port || "5432"}`;
  } catch {
    return false;
  }
  return (process.env[EMBEDDED_ADDRESSES_ENV] ?? "").split(",").includes(address);
}
