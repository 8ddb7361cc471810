import { NUL_MESSAGE } from "~/platform/input";
import { subMonths } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerBackgroundWork } from "~/modules/background.server";
import { publishInitialPolicy } from "~/modules/eligibility/publish-policy.server";
import { WHAT_IF_JOB } from "~/modules/eligibility/what-if.server";
import { runNextJob } from "~/platform/jobs.server";
import { db } from "~/platform/db.server";
import { createAlumnus, createStaffUser, createTeam } from "../factories";
import { countTried, INVISIBLE_AND_CONTROL_PAYLOADS, triedSummary, XSS_PAYLOADS } from "../hostile/payloads";
import { startTestApp, type TestApp } from "../setup/app-server";
import { cspNonce, markupOutsideOurScripts, reactEscaped, signedInClient, type Client } from "./helpers";

/**
 * Eligibility over HTTP against the production build: who may publish a policy and who may
 * decide or override a verdict (roles, and an HR role missing the permission), manager input
 * scoped to the manager it was asked of, and hostile text in justifications, questions and
 * answers (refused when invisible, shown as text otherwise).
 */
const PASSWORD = "eligibility http password";
let app: TestApp;
let hr: Client;
let manager: Client;
let otherManager: Client;
let admin: Client;
let managerId: string;
let otherManagerId: string;
let needsReview: string;
let eligible: string;
const rendered: string[] = [];

const monthsAgo = (n: number) => {
  const d = subMonths(new Date(), n);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

beforeAll(async () => {
  app = await startTestApp();
  const team = await createTeam(db);
  const users = {
    hr: await createStaffUser(db, { role: "hr", password: PASSWORD }),
    manager: await createStaffUser(db, {
      role: "manager",
      password: PASSWORD,
      teamId: team.id,
      name: "Mats Manager",
    }),
    otherManager: await createStaffUser(db, { role: "manager", password: PASSWORD, teamId: team.id }),
    admin: await createStaffUser(db, { role: "admin", password: PASSWORD }),
  };
  managerId = users.manager.id;
  otherManagerId = users.otherManager.id;
  [hr, manager, otherManager, admin] = await Promise.all([
    signedInClient(app, users.hr.email, PASSWORD),
    signedInClient(app, users.manager.email, PASSWORD),
    signedInClient(app, users.otherManager.email, PASSWORD),
    signedInClient(app, users.admin.email, PASSWORD),
  ]);
  needsReview = (
    await createAlumnus(db, {
      exitReason: "performance",
      hrRehireFlag: "review",
      exitDate: monthsAgo(30),
      doNotRehire: false,
      exitReasonRaw: "Involuntary > Performance (PIP failed)",
      consentReturn: "granted",
      legalHold: false,
    })
  ).id;
  eligible = (
    await createAlumnus(db, {
      exitReason: "layoff_automation",
      hrRehireFlag: "yes",
      exitDate: monthsAgo(30),
      consentReturn: "granted",
    })
  ).id;
  await db.$transaction((tx) => publishInitialPolicy(tx, undefined, { recomputeNow: true }));
  await hr.request("/staff/eligibility/draft", {
    method: "POST",
    form: draftForm({ coolingOffMonths: "6" }),
  });
});
afterAll(async () => {
  console.log(
    `hostile inputs tried (eligibility over HTTP): ${triedSummary()}; rendered live: ${rendered.length}`,
  );
  await app?.close();
});

function draftForm(overrides: Record<string, string> = {}) {
  return {
    intent: "save",
    timeZone: "Europe/Stockholm",
    unknownExitReason: "needs_review",
    coolingOffMonths: "12",
    minimumTenureMonths: "3",
    hrFlag: "review_when_disagrees",
    doNotRehire: "not_eligible",
    legalHold: "needs_review",
    consent: "not_withdrawn",
    verdictExpiryMonths: "12",
    exit_position_eliminated: "eligible",
    exit_layoff_automation: "eligible",
    exit_layoff_restructuring: "eligible",
    exit_resignation: "eligible",
    exit_contract_end: "eligible",
    exit_retirement: "eligible",
    exit_mutual_agreement: "needs_review",
    exit_performance: "needs_review",
    exit_attendance: "needs_review",
    exit_conduct: "not_eligible",
    exit_job_abandonment: "not_eligible",
    exit_other: "needs_review",
    ...overrides,
  };
}

async function withoutPermission<T>(permission: string, fn: () => Promise<T>) {
  await db.rolePermission.delete({
    where: { roleId_permissionKey: { roleId: "hr", permissionKey: permission } },
  });
  try {
    return await fn();
  } finally {
    await db.rolePermission.create({ data: { roleId: "hr", permissionKey: permission } });
  }
}

const verdictOf = (id: string) => db.eligibilityVerdict.findUniqueOrThrow({ where: { alumnusId: id } });

describe("publishing needs publish:eligibility-policy", () => {
  it("managers, administrators and HR without the permission get 403 and nothing is published", async () => {
    for (const client of [manager, admin]) {
      const response = await client.request("/staff/eligibility/draft", {
        method: "POST",
        form: { intent: "publish" },
      });
      expect(response.status).toBe(403);
    }
    const refused = await withoutPermission("publish:eligibility-policy", async () => {
      // The same HR person can still save the draft, but not publish it.
      const saved = await hr.request("/staff/eligibility/draft", {
        method: "POST",
        form: draftForm({ coolingOffMonths: "6", summary: "Six months is enough." }),
      });
      expect(saved.status).toBe(200);
      return hr.request("/staff/eligibility/draft", { method: "POST", form: { intent: "publish" } });
    });
    expect(refused.status).toBe(403);
    expect(await db.eligibilityPolicy.count({ where: { status: "published" } })).toBe(1);
    expect(await db.eligibilityPolicy.findFirst({ where: { version: 2 } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "refusal.forbidden" } })).toBeGreaterThanOrEqual(3);
  });

  it("HR publishes: a new version, audited, and a recompute job queued", async () => {
    const response = await hr.request("/staff/eligibility/draft", {
      method: "POST",
      form: { intent: "publish" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/staff/eligibility?published=2");
    const v2 = await db.eligibilityPolicy.findUniqueOrThrow({ where: { version: 2 } });
    expect((v2.rules as { coolingOffMonths: number }).coolingOffMonths).toBe(6);
    expect(await db.auditEvent.count({ where: { action: "policy.published", entityId: v2.id } })).toBe(1);
    expect(await db.job.count({ where: { kind: "eligibility.recompute", status: "queued" } })).toBe(1);
  });

  it("bad policy input is refused field by field and saves nothing", async () => {
    const before = await db.eligibilityPolicy.count();
    const response = await hr.request("/staff/eligibility/draft", {
      method: "POST",
      form: draftForm({
        coolingOffMonths: "-3",
        verdictExpiryMonths: "0",
        timeZone: "Mars/Olympus",
        exit_conduct: "maybe",
      }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("The cooling-off period cannot be negative.");
    expect(html).toContain("Choose a time zone such as Europe/Stockholm.");
    expect(html).toContain("Verdicts must be reviewed again after at least 1 month.");
    expect(html).toContain("Choose eligible, needs review or not eligible.");
    expect(await db.eligibilityPolicy.count()).toBe(before);
  });
});

describe("deciding and overriding needs override:eligibility", () => {
  it("managers, administrators and HR without the permission get 403; the verdict is untouched", async () => {
    const form = {
      intent: "override",
      outcome: "not_eligible",
      justification: "Trying to change what I may not change.",
    };
    for (const client of [manager, admin]) {
      expect(
        (await client.request(`/staff/eligibility/people/${eligible}`, { method: "POST", form })).status,
      ).toBe(403);
    }
    const refused = await withoutPermission("override:eligibility", () =>
      hr.request(`/staff/eligibility/people/${eligible}`, { method: "POST", form }),
    );
    expect(refused.status).toBe(403);
    expect((await verdictOf(eligible)).overrideOutcome).toBeNull();
  });

  it("a justification is required; HR's decision is stored beside the computed verdict and audited", async () => {
    const missing = await hr.request(`/staff/eligibility/people/${needsReview}`, {
      method: "POST",
      form: { intent: "decide", outcome: "eligible", justification: "  " },
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Write the justification");
    expect((await verdictOf(needsReview)).overrideOutcome).toBeNull();
    // Extra fields (a different person, an expiry, a kind) are ignored.
    const ok = await hr.request(`/staff/eligibility/people/${needsReview}`, {
      method: "POST",
      form: {
        intent: "decide",
        outcome: "eligible",
        justification: "References from two team leads are strong.",
        alumnusId: eligible,
        overrideExpiresAt: "2099-01-01",
        kind: "override",
      },
    });
    expect(ok.status).toBe(200);
    const verdict = await verdictOf(needsReview);
    expect(verdict).toMatchObject({
      outcome: "needs_review",
      overrideOutcome: "eligible",
      overrideKind: "review",
    });
    expect(verdict.overrideExpiresAt!.getUTCFullYear()).toBeLessThan(2099);
    expect((await verdictOf(eligible)).overrideOutcome).toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "verdict.review_decided", entityId: needsReview } }),
    ).toBe(1);
  });
});

describe("manager input", () => {
  let requestId: string;
  it("HR asks one manager; another manager cannot see or answer it; the asked manager answers once", async () => {
    const asked = await hr.request(`/staff/eligibility/people/${needsReview}`, {
      method: "POST",
      form: { intent: "request-input", managerId, question: "Would you work with this person again?" },
    });
    expect(asked.status).toBe(200);
    requestId = (
      await db.reviewInputRequest.findFirstOrThrow({ where: { alumnusId: needsReview, managerId } })
    ).id;

    const otherPage = await (await otherManager.request("/staff/reviews")).text();
    expect(otherPage).not.toContain("Would you work with this person again?");
    expect(
      (
        await otherManager.request("/staff/reviews", {
          method: "POST",
          form: { requestId, answer: "Not mine to answer." },
        })
      ).status,
    ).toBe(404);

    const page = await (await manager.request("/staff/reviews")).text();
    expect(page).toContain("Would you work with this person again?");
    // A manager's page carries no exit reason and no verdict reasons.
    expect(page).not.toContain("PIP failed");
    expect(page).not.toContain("the policy says");

    expect(
      (
        await manager.request("/staff/reviews", {
          method: "POST",
          form: { requestId, answer: "Yes, without hesitation." },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await manager.request("/staff/reviews", {
          method: "POST",
          form: { requestId, answer: "Changed my mind." },
        })
      ).status,
    ).toBe(409);
    expect((await db.reviewInputRequest.findUniqueOrThrow({ where: { id: requestId } })).answer).toBe(
      "Yes, without hesitation.",
    );
    // HR cannot ask someone who is not a manager.
    const notManager = await hr.request(`/staff/eligibility/people/${needsReview}`, {
      method: "POST",
      form: { intent: "request-input", managerId: otherManagerId + "x", question: "Anyone there?" },
    });
    expect(notManager.status).toBe(422);
  });
});

describe("hostile text", () => {
  it("XSS in justifications, questions, answers and policy summaries is stored as text and rendered inert", async () => {
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const text = `Because ${payload} (${i})`;
      expect(
        (
          await hr.request(`/staff/eligibility/people/${eligible}`, {
            method: "POST",
            form: { intent: "override", outcome: "eligible", justification: text },
          })
        ).status,
      ).toBe(200);
      countTried("xss: justification");
      expect(
        (
          await hr.request(`/staff/eligibility/people/${eligible}`, {
            method: "POST",
            form: { intent: "request-input", managerId, question: `Q ${payload} ${i}` },
          })
        ).status,
      ).toBe(200);
      countTried("xss: review question");
    }
    const summary = `Summary ${XSS_PAYLOADS[0]}`;
    expect(
      (await hr.request("/staff/eligibility/draft", { method: "POST", form: draftForm({ summary }) })).status,
    ).toBe(200);
    countTried("xss: policy summary");
    const open = await db.reviewInputRequest.findMany({ where: { managerId, answeredAt: null } });
    for (const [i, r] of open.entries()) {
      const payload = XSS_PAYLOADS[i % XSS_PAYLOADS.length];
      expect(
        (
          await manager.request("/staff/reviews", {
            method: "POST",
            form: { requestId: r.id, answer: `A ${payload} ${i}` },
          })
        ).status,
      ).toBe(200);
      countTried("xss: manager answer");
    }

    const person = await hr.request(`/staff/eligibility/people/${eligible}`);
    const markup = markupOutsideOurScripts(await person.text(), cspNonce(person));
    const reviews = await manager.request("/staff/reviews");
    const managerMarkup = markupOutsideOurScripts(await reviews.text(), cspNonce(reviews));
    const draft = await hr.request("/staff/eligibility/draft");
    const draftMarkup = markupOutsideOurScripts(await draft.text(), cspNonce(draft));
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      // The person's page lists the 20 latest questions; the manager's page lists them all.
      const checks: [string, string, string][] = [
        ["manager page (question)", managerMarkup, `Q ${payload} ${i}`],
      ];
      if (i >= XSS_PAYLOADS.length - 19) checks.push(["person page (question)", markup, `Q ${payload} ${i}`]);
      for (const [where, html, text] of checks) {
        const raw = /[<>"']/.test(text) && html.includes(text);
        if (raw) rendered.push(`${where}: ${payload}`);
        expect(raw, `raw ${JSON.stringify(text)} on ${where}`).toBe(false);
        expect(html.includes(reactEscaped(text)), `escaped ${JSON.stringify(text)} on ${where}`).toBe(true);
      }
    }
    // The latest justification is shown on the person's page, as text.
    const last = `Because ${XSS_PAYLOADS[XSS_PAYLOADS.length - 1]} (${XSS_PAYLOADS.length - 1})`;
    expect(markup.includes(reactEscaped(last))).toBe(true);
    expect(draftMarkup.includes(reactEscaped(summary))).toBe(true);
  });

  it("invisible, control and direction-changing characters in a justification are refused; nothing is stored", async () => {
    for (const payload of INVISIBLE_AND_CONTROL_PAYLOADS) {
      const before = await verdictOf(eligible);
      const response = await hr.request(`/staff/eligibility/people/${eligible}`, {
        method: "POST",
        form: { intent: "override", outcome: "not_eligible", justification: `Justified: ${payload}` },
      });
      countTried("invisible: justification");
      const after = await verdictOf(eligible);
      if (response.status === 422) {
        expect(await response.text()).toContain(
          payload.includes("\u0000")
            ? NUL_MESSAGE
            : "Remove invisible or direction-changing characters from the justification.",
        );
        expect(after.overrideJustification).toBe(before.overrideJustification);
      } else {
        // Only line breaks are kept (as LF): a justification may have paragraphs.
        expect(response.status).toBe(200);
        expect(after.overrideJustification).toBe(`Justified: ${payload}`.replace(/\r\n?/g, "\n"));
        expect(after.overrideJustification).not.toMatch(
          /[\u0000-\u0009\u000b-\u001f\u200b-\u200f\u202a-\u202e\u2028\u2066-\u2069\ufeff]/,
        );
      }
    }
  });
});

describe("the draft page and its what-if (worked out in the background)", () => {
  // React separates text parts with empty comments; they are left out here.
  const text = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
  const whatIfJobs = async () => {
    registerBackgroundWork();
    while (await runNextJob({ kinds: [WHAT_IF_JOB] }));
  };

  it("a saved draft shows 'Draft saved' beside its what-if under way, never 'No draft yet'; then the counts and the people", async () => {
    const saved = await hr.request("/staff/eligibility/draft", {
      method: "POST",
      form: draftForm({ coolingOffMonths: "9", exit_layoff_automation: "needs_review" }),
    });
    expect(saved.status).toBe(200);
    const html = await text(saved);
    expect(html).toContain("Draft saved. The what-if beside it shows what it would change.");
    expect(html).toContain("Working out the effect of this draft: 0%");
    expect(html).not.toContain("No draft yet");
    // Without JavaScript the page reloads itself while the what-if is worked out.
    expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="3"\/?><\/noscript>/);
    const people = await hr.request("/staff/eligibility/what-if");
    expect(people.status).toBe(200);
    expect(await text(people)).toContain("Working out the effect of this draft: 0%");

    await whatIfJobs();
    const draft = await text(await hr.request("/staff/eligibility/draft"));
    expect(draft).not.toContain("Working out the effect");
    expect(draft).toMatch(/<strong>1<\/strong> of \d+ verdicts would change/);
    const list = await hr.request("/staff/eligibility/what-if?direction=less");
    const listed = markupOutsideOurScripts(await text(list), cspNonce(list));
    expect(listed).toContain(`/staff/eligibility/people/${eligible}`);
    expect(listed).not.toContain(`/staff/eligibility/people/${needsReview}`);
    expect(listed).toMatch(/1 of 1 people affected/);
    const more = await hr.request("/staff/eligibility/what-if?direction=more");
    expect(await more.text()).toContain("Nobody here");
  });

  it("a later save shows its own what-if under way, not the earlier revision's counts", async () => {
    const saved = await hr.request("/staff/eligibility/draft", {
      method: "POST",
      form: draftForm({ coolingOffMonths: "9" }),
    });
    const html = await text(saved);
    expect(html).toContain("Working out the effect of this draft");
    expect(html).not.toMatch(/verdicts would change/);
    await whatIfJobs();
    expect(await text(await hr.request("/staff/eligibility/draft"))).toMatch(
      /<strong>0<\/strong> of \d+ verdicts would change/,
    );
  });
});

describe("the eligibility and decision forms without JavaScript", () => {
  const shown = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
  /** The input with this id is marked invalid and described by its error, which says `message`. */
  const underField = (page: string, id: string, message: string) => {
    const input = new RegExp(`<(?:input|select|textarea)[^>]*id="${id.replace(/\./g, "\\.")}"[^>]*>`).exec(
      page,
    )?.[0];
    expect(input, id).toBeTruthy();
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain(`aria-describedby="${id}-error`);
    const at = page.indexOf(`id="${id}-error"`);
    expect(at, `${id}-error`).toBeGreaterThan(-1);
    expect(page.slice(at, at + 400)).toContain(reactEscaped(message));
  };

  it("a decision's phase row is refused under that row's field; the rows typed come back", async () => {
    const title = `Phased return ${Date.now()}`;
    const answer = await hr.request("/staff/decisions/new", {
      method: "POST",
      form: {
        intent: "decision",
        version: "0",
        title,
        kind: "automation",
        status: "phased",
        function: "Customer service",
        rationale: "First-line questions answered by an assistant.",
        "phases.0.name": "",
        "phases.0.startsOn": "",
        "phases.1.name": "Second wave",
        "phases.1.startsOn": "",
        "phases.1.targetHeadcount": "12",
      },
    });
    expect(answer.status).toBe(422);
    const page = await shown(answer);
    underField(page, "decision-phases.1.startsOn", "Enter when the phase starts.");
    expect(page).toContain('value="Second wave"');
    expect(await db.workforceDecision.count({ where: { title } })).toBe(0);
  });

  it("a bulk decision without anyone ticked or a justification is refused under its fields", async () => {
    // Someone waiting, so the queue (and its form) is on the page the refusal comes back on.
    const waiting = await createAlumnus(db);
    const at = new Date();
    await db.eligibilityVerdict.create({
      data: {
        alumnusId: waiting.id,
        outcome: "needs_review",
        reasons: [],
        policyId: "test-policy",
        policyVersion: 1,
        computedAt: at,
        decidedAt: at,
        expiresAt: new Date(at.getTime() + 365 * 86_400_000),
      },
    });
    const answer = await hr.request("/staff/eligibility/reviews", {
      method: "POST",
      form: { intent: "decide-selected", outcome: "eligible", justification: "ok" },
    });
    expect(answer.status).toBe(422);
    const page = await shown(answer);
    underField(
      page,
      "decide-selected-justification",
      "Write the justification (at least 10 characters), so others can follow the decision later.",
    );
    const errorAt = page.indexOf('id="decide-selected-alumnusId-error"');
    expect(page.slice(errorAt, errorAt + 300)).toContain("Tick the people this decision is for.");
  });

  it("a manager's empty answer is refused under that question's field only", async () => {
    const [first, second] = await Promise.all(
      ["Would you hire them again?", "Were they reliable?"].map((question) =>
        db.reviewInputRequest.create({
          data: { alumnusId: eligible, managerId, requestedById: managerId, question },
        }),
      ),
    );
    const answer = await manager.request("/staff/reviews", {
      method: "POST",
      form: { intent: "answer", requestId: second.id, answer: " " },
    });
    expect(answer.status).toBe(422);
    const page = await shown(answer);
    underField(
      page,
      `answer-${second.id}-answer`,
      "Write the answer (at least 2 characters), so others can follow the decision later.",
    );
    expect(page).not.toMatch(new RegExp(`id="answer-${first.id}-answer"[^>]*aria-invalid`));
    expect((await db.reviewInputRequest.findUniqueOrThrow({ where: { id: second.id } })).answer).toBeNull();
  });

  it("re-evaluating while a re-evaluation is queued says so in the form's summary", async () => {
    await hr.request("/staff/eligibility", { method: "POST", form: { intent: "recompute" } });
    const again = await hr.request("/staff/eligibility", { method: "POST", form: { intent: "recompute" } });
    expect(again.status).toBe(409);
    const page = await shown(again);
    const summary = page.slice(page.indexOf('role="alert"'));
    expect(summary.slice(0, 600)).toContain("A re-evaluation is already under way.");
    expect(page.indexOf('role="alert"')).toBeLessThan(page.indexOf("Re-evaluate everyone</"));
  });
});
