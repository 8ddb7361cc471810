import { actorOf, type StaffUser } from "~/platform/auth.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { AppError, notFound } from "~/platform/errors";

/** HR asks a manager for input on a person's review. */
export async function requestReviewInput(input: {
  actor: StaffUser;
  alumnusId: string;
  managerId: string;
  question: string;
}) {
  return db.$transaction(async (tx) => {
    const alumnus = await tx.alumnus.findUnique({ where: { id: input.alumnusId }, select: { id: true } });
    if (!alumnus) throw notFound("That person");
    const manager = await tx.user.findFirst({
      where: { id: input.managerId, roleId: "manager", status: "active" },
      select: { id: true, name: true },
    });
    if (!manager) {
      const message = "Choose an active manager from the list.";
      throw new AppError("validation", message, { fieldErrors: { managerId: [message] } });
    }
    const request = await tx.reviewInputRequest.create({
      data: {
        alumnusId: input.alumnusId,
        managerId: manager.id,
        requestedById: input.actor.id,
        question: input.question,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "verdict.input_requested",
      entityType: "alumnus",
      entityId: input.alumnusId,
      after: { requestId: request.id, managerId: manager.id },
    });
    return { requestId: request.id, managerName: manager.name };
  });
}

/**
 * A manager's requests. Only what a manager may see: the person's name, role and department,
 * the question and their own answer (no exit reason, no flags, no verdict reasons).
 */
export async function listReviewRequestsForManager(input: { actor: StaffUser }) {
  const rows = await db.reviewInputRequest.findMany({
    where: { managerId: input.actor.id },
    orderBy: [{ answeredAt: { sort: "desc", nulls: "first" } }, { requestedAt: "asc" }],
    take: 200,
    select: {
      id: true,
      question: true,
      answer: true,
      requestedAt: true,
      answeredAt: true,
      requestedById: true,
      alumnus: {
        select: { firstName: true, lastName: true, preferredName: true, jobTitle: true, department: true },
      },
    },
  });
  const askers = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.requestedById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(askers.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    person: `${r.alumnus.preferredName || r.alumnus.firstName} ${r.alumnus.lastName}`,
    jobTitle: r.alumnus.jobTitle,
    department: r.alumnus.department,
    question: r.question,
    answer: r.answer,
    askedBy: names.get(r.requestedById) ?? "HR",
    requestedAt: r.requestedAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
  }));
}

/** The manager answers, once. Another manager's request is "not found". */
export async function giveReviewInput(input: { actor: StaffUser; requestId: string; answer: string }) {
  return db.$transaction(async (tx) => {
    const updated = await tx.reviewInputRequest.updateMany({
      where: { id: input.requestId, managerId: input.actor.id, answeredAt: null },
      data: { answer: input.answer, answeredAt: new Date() },
    });
    if (updated.count === 0) {
      const request = await tx.reviewInputRequest.findFirst({
        where: { id: input.requestId, managerId: input.actor.id },
        select: { answeredAt: true },
      });
      if (!request) throw notFound("That request");
      throw new AppError("conflict", "You have already answered this request.");
    }
    const request = await tx.reviewInputRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      select: { alumnusId: true },
    });
    await recordAudit(tx, {
      actor: actorOf(input.actor),
      action: "verdict.input_given",
      entityType: "alumnus",
      entityId: request.alumnusId,
      after: { requestId: input.requestId },
    });
    return { answered: true };
  });
}
