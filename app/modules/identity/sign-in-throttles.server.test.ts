import { beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { runNextJob } from "~/platform/jobs.server";
import { knownDeviceFrom } from "~/platform/known-device.server";
import { findActiveSession } from "~/platform/session.server";
import { createStaffUser, unique } from "../../../test/factories";
import { hashPassword } from "./password.server";
import { PASSWORD_RESET_JOB, requestPasswordReset } from "./request-password-reset.server";
import { resetPassword } from "./reset-password.server";
import { SIGN_IN_LIMITS, signInAccountKey, signInIpKey, signInStaff } from "./sign-in.server";

// Issue 11: throttles slow a stranger's guessing without ever locking out the real owner.

const PASSWORD = "the owner's long password";

beforeAll(() => registerBackgroundWork());

/** Moves the given throttle counters `seconds` into the past, as if that much time went by. */
async function elapse(keys: string[], seconds: number) {
  await db.$executeRaw`
    UPDATE "RateLimit" SET
      "windowStart" = "windowStart" - make_interval(secs => ${seconds}),
      "lastHitAt" = "lastHitAt" - make_interval(secs => ${seconds})
    WHERE "key" = ANY(${keys})`;
}

async function outcome(promise: Promise<unknown>): Promise<"signed in" | "wrong" | "throttled"> {
  try {
    await promise;
    return "signed in";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "rate_limited") return "throttled";
    expect(error.code).toBe("unauthenticated");
    return "wrong";
  }
}

/** The browser the owner signed in with: a request carrying the device note they were given. */
function browserWith(deviceCookie: string) {
  return new Request("http://localhost/sign-in", { headers: { Cookie: deviceCookie.split(";")[0] } });
}

describe("sign-in throttles spare the owner", () => {
  it("100 guesses over 10 minutes from 10 addresses: slowed to a handful, the owner signs in during and after", async () => {
    const owner = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const first = await signInStaff({ email: owner.email, password: PASSWORD, ip: unique("office") });
    const device = knownDeviceFrom(browserWith(first.deviceCookie), "staff");
    expect(device?.subjectId).toBe(owner.id);

    const attackers = Array.from({ length: 10 }, () => unique("attacker"));
    const keys = [signInAccountKey(owner.email), ...attackers.map(signInIpKey)];
    const guesses: string[] = [];
    const ownerDuring: string[] = [];
    for (let i = 0; i < 100; i++) {
      await elapse(keys, 6); // one guess every 6 seconds: 100 in 10 minutes
      guesses.push(
        await outcome(signInStaff({ email: owner.email, password: `guess ${i}`, ip: attackers[i % 10] })),
      );
      if (i % 20 === 10) {
        ownerDuring.push(
          await outcome(
            signInStaff({ email: owner.email, password: PASSWORD, ip: unique("office"), device }),
          ),
        );
      }
    }
    // Five free failures, then 30 s, 60 s, 120 s, 240 s between tries: the rest wait.
    const checked = guesses.filter((g) => g === "wrong").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.limit + 5);
    expect(guesses.filter((g) => g === "throttled").length).toBeGreaterThanOrEqual(85);
    expect(guesses).not.toContain("signed in");
    expect(ownerDuring).toEqual(Array(5).fill("signed in"));

    // From a browser they never used, the owner waits like anyone else...
    expect(await outcome(signInStaff({ email: owner.email, password: PASSWORD, ip: unique("cafe") }))).toBe(
      "throttled",
    );
    // ...and after the guessing stops and the last pause is over, signs in from anywhere.
    await elapse(keys, SIGN_IN_LIMITS.perAccount.maxSeconds);
    expect(await outcome(signInStaff({ email: owner.email, password: PASSWORD, ip: unique("cafe") }))).toBe(
      "signed in",
    );
    expect(
      await outcome(signInStaff({ email: owner.email, password: PASSWORD, ip: unique("office"), device })),
    ).toBe("signed in");
    console.info(`sign-in throttle: 100 guesses in 10 min -> ${checked} password checks, owner 7/7 in`);
  });

  it("a stranger's reset requests cannot block the owner's reset: the newest link stays valid", async () => {
    const owner = await createStaffUser(db, { role: "hr", password: PASSWORD });
    for (let i = 0; i < 30; i++) {
      await requestPasswordReset({ email: owner.email, ip: unique("attacker") }).catch(() => undefined);
      await signInStaff({ email: owner.email, password: `guess ${i}`, ip: unique("attacker") }).catch(
        () => undefined,
      );
    }
    while (await runNextJob({ kinds: [PASSWORD_RESET_JOB] }));
    const messages = await db.outboxMessage.findMany({
      where: { toAddress: owner.email, template: "password-reset" },
      orderBy: { createdAt: "desc" },
    });
    // Past the per-address limit no further link is made, so the owner's newest one is not voided.
    expect(messages.length).toBeLessThanOrEqual(3);
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(messages[0].text)![1];
    const { setCookie } = await resetPassword({
      token,
      password: "a brand new long password",
      ip: unique("x"),
    });
    const session = await findActiveSession(
      new Request("http://localhost/staff", { headers: { Cookie: setCookie.split(";")[0] } }),
    );
    expect(session?.userId).toBe(owner.id);
    // The reset also lifted the sign-in pause the guesses had raised.
    expect(
      await outcome(
        signInStaff({ email: owner.email, password: "a brand new long password", ip: unique("cafe") }),
      ),
    ).toBe("signed in");
  });

  it("one address guessing across many accounts is slowed; those accounts' owners are not", async () => {
    const ip = unique("spray");
    const owners = await Promise.all(
      Array.from({ length: 3 }, () => createStaffUser(db, { role: "hr", password: PASSWORD })),
    );
    const outcomes: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit + 10; i++) {
      const email = i < owners.length ? owners[i].email : `${unique("spray")}@comeback.test`;
      outcomes.push(await outcome(signInStaff({ email, password: "guess", ip })));
    }
    expect(outcomes.slice(0, SIGN_IN_LIMITS.perIp.limit)).toEqual(
      Array(SIGN_IN_LIMITS.perIp.limit).fill("wrong"),
    );
    expect(outcomes.slice(SIGN_IN_LIMITS.perIp.limit)).toEqual(Array(10).fill("throttled"));
    for (const owner of owners) {
      expect(await outcome(signInStaff({ email: owner.email, password: PASSWORD, ip: unique("home") }))).toBe(
        "signed in",
      );
    }
  });

  it("50 staff signing in from one office address in a minute all get in, typos included", async () => {
    const office = unique("office");
    const passwordHash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: 50 }, () => `${unique("staff")}@comeback.test`);
    await db.user.createMany({
      data: emails.map((email) => ({
        email,
        name: "Office colleague",
        roleId: "manager",
        status: "active",
        passwordHash,
      })),
    });
    const results: string[] = [];
    for (const [i, email] of emails.entries()) {
      // One in five mistypes first, as people do at nine in the morning.
      if (i % 5 === 0) {
        expect(await outcome(signInStaff({ email, password: "typo", ip: office }))).toBe("wrong");
      }
      results.push(await outcome(signInStaff({ email, password: PASSWORD, ip: office })));
    }
    expect(results).toEqual(Array(50).fill("signed in"));
  });

  it("a device note is only honoured for the account it was given for, and not after many wrong passwords", async () => {
    const owner = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const other = await createStaffUser(db, { role: "hr", password: PASSWORD });
    const { deviceCookie } = await signInStaff({ email: other.email, password: PASSWORD, ip: unique("x") });
    const othersDevice = knownDeviceFrom(browserWith(deviceCookie), "staff");
    const forged = knownDeviceFrom(browserWith(deviceCookie.replace(/\.[^.;]+;/, ".forged;")), "staff");
    expect(forged).toBeNull();
    const ip = unique("attacker");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) {
      await signInStaff({ email: owner.email, password: "guess", ip: unique("a") }).catch(() => undefined);
    }
    // Another person's note does not let a stranger past the owner's pause.
    expect(
      await outcome(signInStaff({ email: owner.email, password: PASSWORD, ip, device: othersDevice })),
    ).toBe("throttled");
    // Wrong passwords sent with a note use it up: then it is one more browser that waits.
    for (let i = 0; i < SIGN_IN_LIMITS.perDevice.limit; i++) {
      expect(
        await outcome(signInStaff({ email: other.email, password: "guess", ip, device: othersDevice })),
      ).toBe("wrong");
    }
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) {
      await signInStaff({ email: other.email, password: "guess", ip: unique("a") }).catch(() => undefined);
    }
    expect(
      await outcome(signInStaff({ email: other.email, password: PASSWORD, ip, device: othersDevice })),
    ).toBe("throttled");
  });
});
