import { afterAll, describe, expect, it } from "vitest";
import {
  countTried,
  HEADER_INJECTION_PAYLOADS,
  INVISIBLE_AND_CONTROL_PAYLOADS,
  triedSummary,
  XSS_PAYLOADS,
} from "../../../test/hostile/payloads";
import { describeDevice } from "./describe-device";
import {
  ChangeRoleSchema,
  DeactivateStaffSchema,
  InviteStaffSchema,
  personNameField,
  SetPasswordSchema,
} from "./schemas";

afterAll(() => console.log(`hostile inputs tried (identity schemas): ${triedSummary()}`));

const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

describe("staff names", () => {
  it.each([...INVISIBLE_AND_CONTROL_PAYLOADS, ...HEADER_INJECTION_PAYLOADS])(
    "refuse or strip hidden and line-breaking characters: %j",
    (payload) => {
      countTried("invisible/control characters");
      const result = personNameField.safeParse(payload);
      if (result.success) expect(result.data).not.toMatch(HIDDEN);
      else expect(result.error.issues[0].message).toMatch(/line breaks and invisible/);
    },
  );

  it("keeps markup-looking names as text (the pages escape them)", () => {
    for (const payload of XSS_PAYLOADS)
      expect(personNameField.safeParse(payload).success).toBe(payload.length <= 120);
  });

  it("keeps real names, accents and scripts", () => {
    for (const name of [
      "Jörgen Ström",
      "Zofia Wiśniewska",
      "Chloé O'Neil",
      "محمد حداد",
      "李小龙",
      "Anne-Marie  Dupont",
    ]) {
      expect(personNameField.parse(name)).toBe(name.normalize("NFC"));
    }
  });

  it("refuses very long names", () => {
    expect(personNameField.safeParse("A".repeat(121)).success).toBe(false);
  });
});

describe("staff forms", () => {
  it("managers need a team; other roles do not", () => {
    const invite = InviteStaffSchema.safeParse({ name: "Mia", email: "mia@example.com", roleId: "manager" });
    expect(invite.success).toBe(false);
    if (!invite.success) expect(invite.error.issues[0].path).toEqual(["teamId"]);
    expect(
      InviteStaffSchema.safeParse({ name: "Mia", email: "MIA@example.com", roleId: "hr", teamId: "" }).data,
    ).toEqual({
      name: "Mia",
      email: "mia@example.com",
      roleId: "hr",
      teamId: undefined,
    });
    expect(ChangeRoleSchema.safeParse({ roleId: "owner" }).success).toBe(false);
  });

  it("reasons keep line breaks but refuse direction overrides", () => {
    expect(DeactivateStaffSchema.parse({ reason: "Left.\r\nSee the HR case." }).reason).toBe(
      "Left.\nSee the HR case.",
    );
    expect(DeactivateStaffSchema.safeParse({ reason: "ok \u202e evil" }).success).toBe(false);
    expect(DeactivateStaffSchema.parse({ reason: "   " }).reason).toBeUndefined();
    expect(DeactivateStaffSchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
  });

  it("passwords must match and follow the policy", () => {
    expect(SetPasswordSchema.safeParse({ password: "short", confirmPassword: "short" }).success).toBe(false);
    const mismatch = SetPasswordSchema.safeParse({
      password: "a long enough password",
      confirmPassword: "a long enough passwore",
    });
    expect(mismatch.success).toBe(false);
    if (!mismatch.success) expect(mismatch.error.issues[0].path).toEqual(["confirmPassword"]);
    expect(
      SetPasswordSchema.safeParse({ password: "aaaaaaaaaaaaaaaa", confirmPassword: "aaaaaaaaaaaaaaaa" })
        .success,
    ).toBe(false);
  });
});

describe("describeDevice", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
      "Chrome on Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
      "Safari on macOS",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox on Linux"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
      "Safari on iOS",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0",
      "Edge on Windows",
    ],
    ["curl/8.5.0", "A script or command-line tool"],
    [null, "Unknown device"],
  ])("%s", (ua, expected) => {
    expect(describeDevice(ua)).toBe(expected);
  });
});
