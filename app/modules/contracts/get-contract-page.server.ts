import type { StaffUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import { can } from "~/platform/permissions";
import { CAPACITY_LABELS, describeNeeds, money, openCapacitiesFor, whyNotApprover } from "./approval-rules";
import { actionsFor, type ContractAction, type ContractStatus } from "./contract-machine";
import { approverFacts, contractFor, personName, rolesOn } from "./contract-record.server";
import { textBlocks } from "./contract-text";
import { CONTRACT_ACTION_PAST, CONTRACT_STATUS_HINTS, CONTRACT_STATUS_LABELS } from "./labels";
import { applicantHistories, termsSummary } from "./list-contracts.server";
import { missingTerms } from "./submit-contract.server";
import { getStaffOnboarding } from "~/modules/onboarding/onboarding.server";

/** The staff contract page: terms, the text, who still needs to approve and why, history, actions. */
export async function getContractPage({ actor, contractId }: { actor: StaffUser; contractId: string }) {
  const contract = await contractFor(actor, contractId);
  const roles = rolesOn(actor, contract);
  const facts = approverFacts(actor, contract);
  const [history, histories, templates, acceptance, onboarding] = await Promise.all([
    db.contractNote.findMany({
      where: { contractId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        action: true,
        toStatus: true,
        fromStatus: true,
        body: true,
        authorName: true,
        authorType: true,
        createdAt: true,
        termsVersion: true,
      },
    }),
    applicantHistories(actor, [contract.alumnusId]),
    can(actor, "manage:contract")
      ? db.contractTemplateVersion.findMany({
          where: { status: "published" },
          orderBy: [{ template: { name: "asc" } }, { version: "desc" }],
          select: { id: true, version: true, template: { select: { name: true } } },
        })
      : [],
    db.contractAcceptance.findUnique({
      where: { contractId },
      select: {
        acceptedAt: true,
        termsVersion: true,
        textSha256: true,
        pdfSha256: true,
        ip: true,
        userAgent: true,
      },
    }),
    getStaffOnboarding({ actor, contract }),
  ]);

  let actions: ContractAction[] = actionsFor(roles, contract.status as ContractStatus);
  const decisions = ["approve", "request_changes", "reject"] as const;
  const mayApprove =
    contract.status === "pending_approval" && openCapacitiesFor(facts, contract.lines).length > 0;
  const mayDecide =
    contract.status === "pending_approval" &&
    contract.createdById !== actor.id &&
    contract.lines.some((l) =>
      l.capacity === "manager"
        ? facts.approvesTeam && facts.hiringManagerId === actor.id
        : facts.approvesSecond,
    );
  actions = actions.filter((a) => {
    if (a === "approve") return mayApprove;
    if ((decisions as readonly string[]).includes(a)) return mayDecide;
    return true;
  });
  const approverRole = roles.includes("manager") || roles.includes("hr_lead");
  const whyNot =
    contract.status === "pending_approval" && approverRole && !mayApprove
      ? whyNotApprover(facts, contract.lines)
      : null;
  const pending = contract.status === "pending_approval";
  const t = contract.terms;

  return {
    contract: {
      id: contract.id,
      status: contract.status as ContractStatus,
      statusLabel: CONTRACT_STATUS_LABELS[contract.status as ContractStatus],
      statusHint: CONTRACT_STATUS_HINTS[contract.status as ContractStatus],
      version: contract.version,
      termsVersion: contract.termsVersion,
      termsHash: contract.termsHash,
      text: contract.termsText ? textBlocks(contract.termsText) : null,
      template: contract.templateVersion
        ? `${contract.templateVersion.template.name}, version ${contract.templateVersion.version}`
        : null,
      submittedAt: contract.submittedAt?.toISOString() ?? null,
      offeredAt: contract.offeredAt?.toISOString() ?? null,
      offerExpiresAt: contract.offerExpiresAt?.toISOString() ?? null,
      acceptedAt: contract.acceptedAt?.toISOString() ?? null,
      applicationId: contract.applicationId,
      summary: termsSummary(contract),
      missing: contract.status === "draft" || contract.status === "changes_requested" ? missingTerms(t) : [],
      form: {
        role: t.role,
        hourlyRate: t.hourlyRate,
        currency: t.currency,
        minHoursPerWeek: t.minHoursPerWeek === null ? "" : String(t.minHoursPerWeek),
        maxHoursPerWeek: t.maxHoursPerWeek === null ? "" : String(t.maxHoursPerWeek),
        startsOn: t.startsOn ?? "",
        endsOn: t.endsOn ?? "",
        noticeDays: t.noticeDays === null ? "" : String(t.noticeDays),
        workplace: t.remote ? "remote" : "place",
        place: contract.place ?? "",
        equipmentStipend: t.equipmentStipend ?? "",
        templateVersionId: contract.templateVersionId ?? "",
      },
    },
    program: {
      id: contract.program.id,
      title: contract.program.title,
      rateRange: `${money(contract.program.rateMin.toFixed(2), contract.program.currency)} to ${money(contract.program.rateMax.toFixed(2), contract.program.currency)}`,
      hiringManager: contract.program.hiringManager.name,
    },
    person: {
      id: contract.alumnusId,
      name: personName(contract.alumnus),
      history: histories.get(contract.alumnusId) ?? null,
    },
    approvals: contract.lines.map((l) => ({
      capacity: l.capacity,
      who:
        l.capacity === "manager"
          ? `${contract.program.hiringManager.name} (the hiring manager)`
          : CAPACITY_LABELS[l.capacity].replace(/^an /, "An "),
      reasons: l.reasons,
      approvedBy: l.approvedBy,
    })),
    needs: pending ? describeNeeds(contract.lines, contract.program.hiringManager.name) : [],
    history: history.map((h) => ({
      id: h.id,
      who: h.authorName ?? (h.authorType === "system" ? "Comeback" : "Someone"),
      what: CONTRACT_ACTION_PAST[h.action as ContractAction] ?? h.action,
      to: h.toStatus ? CONTRACT_STATUS_LABELS[h.toStatus as ContractStatus] : null,
      body: h.body,
      at: h.createdAt.toISOString(),
      termsVersion: h.termsVersion,
    })),
    actions,
    whyNot,
    // The record of the person's acceptance; the address only for HR, who may have to prove it.
    acceptance: acceptance
      ? {
          at: acceptance.acceptedAt.toISOString(),
          termsVersion: acceptance.termsVersion,
          textSha256: acceptance.textSha256,
          pdfSha256: acceptance.pdfSha256,
          userAgent: acceptance.userAgent,
          ip: can(actor, "manage:contract") ? acceptance.ip : null,
        }
      : null,
    templates: templates.map((v) => ({ id: v.id, label: `${v.template.name}, version ${v.version}` })),
    mayReadApplication: can(actor, "read:pipeline:any") || facts.hiringManagerId === actor.id,
    mayReadProfile: can(actor, "read:alumnus:any"),
    onboarding,
  };
}

export type ContractPage = Awaited<ReturnType<typeof getContractPage>>;
