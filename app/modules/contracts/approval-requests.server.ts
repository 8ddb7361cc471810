import { renderTemplate, type RenderedTemplate } from "~/modules/outreach/render-template.server";
import type { Db } from "~/platform/db.server";
import { queueEmail } from "~/platform/mailer/mailer.server";
import { requiredApprovals, approvalLines, type ApprovalLine } from "./approval-rules";
import { personName, staffContractUrl, staffHolding, type LoadedContract } from "./contract-record.server";
import { hoursInWords, type ContractTerms } from "./contract-text";

/**
 * The approval request emails: one to each person who can fill an open capacity (the hiring
 * manager; the HR leads when a rule asks for one, never the draft's author), rendered before the
 * transaction and queued inside it.
 */

export type PendingEmail = { email: RenderedTemplate; to: { address: string; name: string }; userId: string };

/** The approval lines the contract will have once these terms are saved (no approvals yet). */
export function linesFor(contract: LoadedContract, terms: ContractTerms): ApprovalLine[] {
  return approvalLines(
    requiredApprovals(
      terms,
      {
        rateMin: contract.program.rateMin.toFixed(2),
        rateMax: contract.program.rateMax.toFixed(2),
        currency: contract.program.currency,
      },
      contract.settings,
    ),
    [],
  );
}

export async function approvalRequestEmails(input: {
  contract: LoadedContract;
  terms: ContractTerms;
  lines: ApprovalLine[];
  preparedBy: string;
  changed: boolean;
}): Promise<PendingEmail[]> {
  const { contract, terms, lines } = input;
  const recipients = new Map<string, { id: string; name: string; email: string; reasons: string[] }>();
  for (const line of lines.filter((l) => !l.approvedBy)) {
    const people =
      line.capacity === "manager"
        ? contract.program.hiringManager.status === "active"
          ? [contract.program.hiringManager]
          : []
        : await staffHolding("approve:contract:second", [
            contract.createdById,
            contract.program.hiringManagerId,
          ]);
    for (const person of people) {
      const reasons =
        line.capacity === "manager"
          ? ["you are the hiring manager for this program"]
          : line.reasons.map((r) => `an HR lead must approve, because ${r}`);
      const existing = recipients.get(person.id);
      if (existing) existing.reasons.push(...reasons);
      else recipients.set(person.id, { ...person, reasons });
    }
  }
  const out: PendingEmail[] = [];
  for (const person of recipients.values()) {
    const email = await renderTemplate("contract-approval-request", {
      recipientName: person.name.split(" ")[0] || person.name,
      preparedBy: input.preparedBy,
      alumnusName: personName(contract.alumnus),
      role: terms.role,
      hourlyRate: terms.hourlyRate,
      currency: terms.currency,
      hours: hoursInWords(terms.minHoursPerWeek, terms.maxHoursPerWeek),
      startDate: terms.startsOn ?? new Date().toISOString().slice(0, 10),
      reasons: person.reasons,
      changed: input.changed,
      contractUrl: staffContractUrl(contract.id),
    });
    out.push({ email, to: { address: person.email, name: person.name }, userId: person.id });
  }
  return out;
}

export async function queuePending(tx: Db, emails: PendingEmail[], alumnusId?: string) {
  for (const pending of emails) {
    await queueEmail(tx, {
      template: pending.email.template,
      purpose: pending.email.purpose,
      to: pending.to,
      userId: pending.userId || null,
      alumnusId: alumnusId ?? null,
      email: pending.email,
    });
  }
  return emails.length;
}
