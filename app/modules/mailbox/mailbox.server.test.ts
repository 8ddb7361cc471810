import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { AppError } from "~/platform/errors";
import { createMailboxMessage, createStaffUser, staffActor, unique } from "../../../test/factories";
import { getMailboxMessage, ourLinks } from "./get-mailbox-message.server";
import { listMailbox } from "./list-mailbox.server";

describe("development mailbox", () => {
  it("lists kept and waiting messages newest first, not those delivered over SMTP", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const kept = await createMailboxMessage(db, { subject: unique("kept ") });
    const waiting = await createMailboxMessage(db, { subject: unique("waiting "), status: "queued" });
    const smtp = await createMailboxMessage(db, { subject: unique("smtp "), transport: "smtp" });
    const { messages } = await listMailbox({ actor: hr });
    const ids = messages.map((m) => m.id);
    expect(ids).toContain(kept.id);
    expect(ids).toContain(waiting.id);
    expect(ids).not.toContain(smtp.id);
    expect(ids.indexOf(waiting.id)).toBeLessThan(ids.indexOf(kept.id));
    await expect(getMailboxMessage({ actor: hr, messageId: smtp.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("opens messages carrying a sign-in link only for people who manage staff", async () => {
    const hr = staffActor(await createStaffUser(db, { role: "hr" }));
    const admin = staffActor(await createStaffUser(db, { role: "admin" }));
    const reset = await createMailboxMessage(db, {
      template: "password-reset",
      text: "Choose a new password: http://localhost:3000/reset-password/abc",
    });
    const error = await getMailboxMessage({ actor: hr, messageId: reset.id }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
    const listed = (await listMailbox({ actor: hr })).messages.find((m) => m.id === reset.id);
    expect(listed?.mayOpen).toBe(false);
    const opened = await getMailboxMessage({ actor: admin, messageId: reset.id });
    expect(opened.message.text).toContain("reset-password");
  });

  it("offers only absolute links to this app, never one that a path would turn into another host", () => {
    const text =
      "Go to http://localhost:3000/invitation/abc?x=1 or https://evil.example/phish or http://localhost:3000.evil.example/x" +
      " or http://localhost:3000//evil.example/x or http://localhost:3000/\\evil.example/y";
    expect(ourLinks(text, "http://localhost:3000")).toEqual(["http://localhost:3000/invitation/abc?x=1"]);
  });
});
