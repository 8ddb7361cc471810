/**
 * `npm run bench:campaign`: how fast a launch turns an audience into queued emails.
 *
 *  - campaign: launchCampaign + the launch job's snapshot and fan-out (guarded pending -> queued
 *    moves under a lock on the campaign row, one transaction per batch of 200, throttle slots,
 *    unsubscribe headers), for N recipients;
 *  - floor: the same N emails rendered the same way (the template once, then each person's name
 *    and preferences link filled in) and inserted with queueEmail in plain transactions of 200,
 *    with no campaign bookkeeping at all.
 *
 * Prints recipients/s for both and last `bench campaign: ratio <campaign rate / floor rate>`.
 * Embedded database in a temporary directory by default; DATABASE_URL to use a server database.
 * BENCH_RECIPIENTS sets N (default 2000).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const N = Number(process.env.BENCH_RECIPIENTS ?? 2000);
process.env.LOG_LEVEL ??= "warn";
process.env.NODE_ENV ??= "production";

const { startEmbeddedPostgres } = await import("../../app/platform/db/embedded.server");
const { applyMigrations } = await import("../../app/platform/db/migrations.server");

let stopEmbedded: (() => Promise<void>) | undefined;
let tempDir: string | undefined;
let url = process.env.DATABASE_URL;
if (!url) {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-bench-campaign-"));
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "pg") });
  url = embedded.url;
  process.env.EMBEDDED_DATABASE_URL = url;
  stopEmbedded = () => embedded.stop();
}
await applyMigrations(url);

const { db, disconnectDb } = await import("../../app/platform/db.server");
const { queueEmail } = await import("../../app/platform/mailer/mailer.server");
const { buildAlumnus, createDecision, createRng, createStaffUser, insertAlumni, isoDate, staffActor } =
  await import("../../test/factories");
const { campaignValues, createSegment } = await import("../../test/factories/campaigns");
const { createCampaign } = await import("../../app/modules/campaigns/create-campaign.server");
const { launchCampaign } = await import("../../app/modules/campaigns/launch-campaign.server");
const { fanOut, snapshotAudience } = await import("../../app/modules/campaigns/run-campaign.server");
const { CAMPAIGN_PURPOSE, campaignRenderer } =
  await import("../../app/modules/campaigns/campaign-email.server");

try {
  const actor = staffActor(await createStaffUser(db, { role: "hr" }));
  const decision = await createDecision(db);
  const rng = createRng(2026);
  const base = 20_000_000 + Math.floor(Math.random() * 10_000_000);
  for (let i = 0; i < N; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, N - i) }, (_, j) =>
      buildAlumnus(rng, {
        index: base + i + j,
        decisionId: decision.id,
        consentReturn: "granted",
        doNotContact: false,
        exitDate: isoDate(2022, 6, 1),
      }),
    );
    await insertAlumni(db, chunk);
  }
  const segment = await createSegment(db, { query: `decisionId=${decision.id}` });
  const values = campaignValues(segment.id, { throttlePerHour: 10_000 });
  const people = await db.alumnus.findMany({
    where: { decisionId: decision.id },
    orderBy: { id: "asc" },
    select: { id: true, firstName: true, lastName: true, preferredName: true, personalEmail: true },
  });

  // Floor: render + queueEmail, 200 per transaction, nothing else.
  const content = {
    ...values,
    id: "benchfloorcampaign",
    subject: null,
    senderPhone: null,
    respondBy: new Date(`${values.respondBy}T00:00:00Z`),
    invitedOn: null,
  };
  const floorStart = performance.now();
  const render = await campaignRenderer(content);
  for (let i = 0; i < people.length; i += 200) {
    const batch = people.slice(i, i + 200);
    const emails = await Promise.all(batch.map((p) => render(p)));
    await db.$transaction(async (tx) => {
      for (const [j, p] of batch.entries()) {
        await queueEmail(tx, {
          template: emails[j].template,
          purpose: CAMPAIGN_PURPOSE,
          to: { address: p.personalEmail!, name: `${p.firstName} ${p.lastName}` },
          email: emails[j],
          alumnusId: p.id,
          notBefore: new Date(Date.now() + 86_400_000),
        });
      }
    });
  }
  const floorSeconds = (performance.now() - floorStart) / 1000;
  await db.outboxMessage.deleteMany({
    where: { campaignId: null, alumnusId: { in: people.map((p) => p.id) } },
  });

  // Campaign: launch, snapshot, fan-out.
  const { id } = await createCampaign({ actor, values });
  const campaignStart = performance.now();
  await launchCampaign({ actor, campaignId: id });
  const launched = performance.now();
  await snapshotAudience(id);
  const snapshotted = performance.now();
  await fanOut(id);
  const campaignSeconds = (performance.now() - campaignStart) / 1000;
  const phases = `launch ${((launched - campaignStart) / 1000).toFixed(2)} s, snapshot ${((snapshotted - launched) / 1000).toFixed(2)} s, fan-out ${((performance.now() - snapshotted) / 1000).toFixed(2)} s`;
  const queued = await db.outboxMessage.count({ where: { campaignId: id } });
  if (queued !== N) throw new Error(`Expected ${N} queued messages, found ${queued}.`);
  await db.outboxMessage.deleteMany({ where: { campaignId: id } });

  const floorRate = N / floorSeconds;
  const campaignRate = N / campaignSeconds;
  console.log(
    `database: ${stopEmbedded ? "embedded PGlite (temporary directory)" : new URL(url).host + new URL(url).pathname}`,
  );
  console.log(`recipients: ${N}`);
  console.log(
    `floor (render + queueEmail, 200 per transaction): ${floorSeconds.toFixed(2)} s, ${floorRate.toFixed(0)} recipients/s`,
  );
  console.log(
    `campaign (launch + snapshot + guarded fan-out): ${campaignSeconds.toFixed(2)} s, ${campaignRate.toFixed(0)} recipients/s (${phases})`,
  );
  console.log(`bench campaign: ratio ${(campaignRate / floorRate).toFixed(2)}`);
} finally {
  await disconnectDb();
  await stopEmbedded?.();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
