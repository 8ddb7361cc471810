import { beforeAll, describe, expect, it } from "vitest";
import { t } from "~/modules/portal/strings";
import type { AlumnusUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { createAlumnus, createStaffUser, staffActor } from "../../../test/factories";
import { answerReviewRequest } from "./answer-review-request.server";
import { publishInitialPolicy } from "./publish-policy.server";
import { requestReview } from "./request-review.server";
import { listAskedReviews, listPersonReviewRequests } from "./review-queue.server";

const actorFor = (a: { id: string; firstName: string }): AlumnusUser => ({
  kind: "alumnus",
  id: a.id,
  sessionId: "s",
  name: a.firstName,
});

beforeAll(async () => {
  await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
});

describe("asking HR to look at one's verdict again", () => {
  it("keeps one open request per person, even when asked many times at once", async () => {
    const me = await createAlumnus(db, { doNotRehire: true, doNotRehireReason: "HR only" });
    await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
    const asks = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        requestReview({ actor: actorFor(me), message: `Please look ${i}` }),
      ),
    );
    expect(asks.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const a of asks.filter((a) => a.status === "rejected"))
      expect((a as PromiseRejectedResult).reason).toMatchObject({
        code: "conflict",
        message: t("eligibility.ask.alreadyOpen"),
      });
    const rows = await db.eligibilityReviewRequest.findMany({ where: { alumnusId: me.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "open", outcomeAtRequest: "not_eligible" });
    // the audit says that they asked, not what they wrote
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: me.id, action: "eligibility.review_requested" },
    });
    expect(event).toMatchObject({ actorType: "alumnus", actorId: me.id });
    expect(JSON.stringify(event.after)).not.toContain("Please look");

    const queue = await listAskedReviews();
    expect(queue.items.find((i) => i.alumnusId === me.id)).toMatchObject({
      message: rows[0].message,
      outcomeNow: "not_eligible",
    });
  });

  it("lets HR answer only a request of the person on the page, once; then the person may ask again", async () => {
    const me = await createAlumnus(db);
    const other = await createAlumnus(db);
    const hr = staffActor(await createStaffUser(db, { role: "hr", name: "Hanna HR" }));
    const { id } = await requestReview({ actor: actorFor(me), message: "My exit date is wrong." });
    await expect(
      answerReviewRequest({ actor: hr, alumnusId: other.id, requestId: id, answer: "Checked." }),
    ).rejects.toMatchObject({ code: "not_found" });
    await answerReviewRequest({ actor: hr, alumnusId: me.id, requestId: id, answer: "We corrected it." });
    await expect(
      answerReviewRequest({ actor: hr, alumnusId: me.id, requestId: id, answer: "Again." }),
    ).rejects.toMatchObject({ code: "conflict" });

    expect((await listAskedReviews()).items.some((i) => i.requestId === id)).toBe(false);
    expect(await listPersonReviewRequests(me.id)).toEqual([
      expect.objectContaining({
        id,
        status: "answered",
        answer: "We corrected it.",
        answeredBy: "Hanna HR",
      }),
    ]);
    expect(
      await db.auditEvent.count({ where: { entityId: me.id, action: "eligibility.review_answered" } }),
    ).toBe(1);
    await expect(requestReview({ actor: actorFor(me), message: "Thanks, one more thing." })).resolves.toEqual(
      {
        id: expect.any(String),
      },
    );
  });
});
