import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createStaffUser } from "../factories";
import { startTestApp, type TestApp } from "../setup/app-server";
import { signedInClient } from "./helpers";

/**
 * Times on staff pages are shown in the viewer's own zone (the account setting), with the UTC
 * time in the hover title. One person's setting never changes what another sees.
 */
const PASSWORD = "a time zone test password";
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** The "Last sign-in" time as the account page renders it: the words and the UTC hover. */
async function lastSignIn(client: Awaited<ReturnType<typeof signedInClient>>) {
  const html = await (await client.request("/staff/account")).text();
  const match = /Last sign-in[\s\S]*?<time dateTime="([^"]+)" title="([^"]+)">([^<]+)<\/time>/.exec(html);
  if (!match) throw new Error("The account page shows no last sign-in time.");
  return { iso: match[1], utc: match[2], shown: match[3] };
}

describe("the staff time zone setting", () => {
  it("shows the person's times in their zone once they choose it, and only theirs", async () => {
    const [a, b] = await Promise.all([
      createStaffUser(db, { role: "hr", password: PASSWORD }),
      createStaffUser(db, { role: "hr", password: PASSWORD }),
    ]);
    const alice = await signedInClient(app, a.email, PASSWORD);
    const bob = await signedInClient(app, b.email, PASSWORD);

    const before = await lastSignIn(alice);
    expect(before.shown).toMatch(/UTC$/);

    const saved = await alice.request("/staff/account", {
      method: "POST",
      form: { intent: "time-zone", timeZone: "Asia/Kolkata" },
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Times are now shown in Asia/Kolkata.");

    const after = await lastSignIn(alice);
    expect(after.iso).toBe(before.iso);
    expect(after.utc).toBe(before.utc);
    expect(after.utc).toMatch(/UTC$/);
    // India is UTC+5:30 all year: the minutes move by 30 whatever the hour.
    const utcMinute = Number(before.utc.slice(14, 16));
    expect(after.shown).toMatch(/GMT\+5:30$/);
    expect(Number(after.shown.split(":")[1].slice(0, 2))).toBe((utcMinute + 30) % 60);

    expect((await lastSignIn(bob)).shown).toMatch(/UTC$/);
  });

  it("refuses a zone that does not exist with a sentence, and keeps the old setting", async () => {
    const user = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const client = await signedInClient(app, user.email, PASSWORD);
    const refused = await client.request("/staff/account", {
      method: "POST",
      form: { intent: "time-zone", timeZone: "Mars/Olympus_Mons" },
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Choose a time zone from the list, such as Europe/Stockholm.");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBeNull();
  });
});
