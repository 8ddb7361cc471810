import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { winAnsi } from "~/modules/contracts/contract-pdf.server";
import type { StaffUser } from "~/platform/auth.server";
import { notFound } from "~/platform/errors";
import { countText, visibleStages } from "./display";
import { NOT_RECORDED, STAGE_LABELS, formatDays, percentOf } from "./funnel";
import { getOverview } from "./get-overview.server";

/**
 * The one-page summary for leadership: the overview's figures (the viewer's scope, the same
 * decision filter) on one A4 page, made with pdf-lib and the standard fonts (nothing fetched).
 */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const INK = rgb(0.12, 0.14, 0.17);
const MUTED = rgb(0.38, 0.4, 0.44);
const BAR = rgb(0.15, 0.35, 0.6);

type Pen = { page: PDFPage; regular: PDFFont; bold: PDFFont; y: number };

function text(
  pen: Pen,
  value: string,
  options: { x?: number; size?: number; bold?: boolean; muted?: boolean } = {},
) {
  const font = options.bold ? pen.bold : pen.regular;
  pen.page.drawText(winAnsi(font, value).text, {
    x: options.x ?? MARGIN,
    y: pen.y,
    size: options.size ?? 10,
    font,
    color: options.muted ? MUTED : INK,
  });
}

function right(pen: Pen, value: string, x: number, size = 10) {
  const safe = winAnsi(pen.regular, value).text;
  pen.page.drawText(safe, {
    x: x - pen.regular.widthOfTextAtSize(safe, size),
    y: pen.y,
    size,
    font: pen.regular,
    color: INK,
  });
}

function heading(pen: Pen, value: string) {
  pen.y -= 26;
  text(pen, value, { size: 13, bold: true });
  pen.y -= 18;
}

export async function renderSummaryPdf(input: { actor: StaffUser; decision?: string; now?: Date }) {
  const now = input.now ?? new Date();
  const data = await getOverview({ actor: input.actor, filter: { decision: input.decision }, ignored: [] });
  if (data.ignored.length) throw notFound("That decision");
  const doc = await PDFDocument.create();
  doc.setTitle("Phased reversal summary");
  doc.setProducer("Comeback");
  doc.setCreationDate(now);
  const pen: Pen = {
    page: doc.addPage([PAGE.width, PAGE.height]),
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    y: PAGE.height - MARGIN - 10,
  };
  const decision = data.decisions.find((d) => d.id === data.decisionId);
  text(pen, "Phased reversal summary", { size: 20, bold: true });
  pen.y -= 18;
  text(
    pen,
    `${decision ? decision.title : "All workforce decisions"} · ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    { muted: true },
  );
  if (!data.scope.pool) {
    pen.y -= 14;
    text(
      pen,
      data.scope.pipeline === "any" || !data.scope.pipeline
        ? "Figures within the author's role."
        : "Figures for the return programs the author hires for.",
      { muted: true },
    );
  }

  if (data.overall) {
    heading(pen, "Funnel");
    const stages = visibleStages(data.overall.counts);
    const first = data.overall.counts[stages[0]];
    const max = Math.max(1, ...stages.map((s) => data.overall!.counts[s] ?? 0));
    const barX = MARGIN + 90;
    const barWidth = 270;
    for (const stage of stages) {
      const value = data.overall.counts[stage] ?? 0;
      text(pen, STAGE_LABELS[stage]);
      if (!NOT_RECORDED[stage] && value > 0)
        pen.page.drawRectangle({
          x: barX,
          y: pen.y - 2,
          width: (value / max) * barWidth,
          height: 10,
          color: BAR,
        });
      right(pen, countText(data.overall.counts, stage), barX + barWidth + 90);
      right(pen, NOT_RECORDED[stage] ? "" : percentOf(value, first), PAGE.width - MARGIN);
      pen.y -= 16;
    }
    text(pen, `Percentages are of the first stage (${STAGE_LABELS[stages[0]].toLowerCase()}).`, {
      size: 8,
      muted: true,
    });
  }

  if (data.phases.length) {
    heading(pen, "Phase targets");
    text(pen, "Phase", { bold: true });
    right(pen, "Target", 400);
    right(pen, "Contracted", 480);
    right(pen, "Active", PAGE.width - MARGIN);
    pen.y -= 15;
    const shown = data.phases.slice(0, 12);
    for (const p of shown) {
      const label = p.label.length > 60 ? `${p.label.slice(0, 59)}…` : p.label;
      text(pen, label);
      right(pen, p.target.toLocaleString("en"), 400);
      right(pen, p.contracted.toLocaleString("en"), 480);
      right(pen, NOT_RECORDED.active ? "not recorded" : p.active.toLocaleString("en"), PAGE.width - MARGIN);
      pen.y -= 14;
    }
    if (data.phases.length > shown.length)
      text(pen, `and ${data.phases.length - shown.length} more phases (see the reports page)`, {
        size: 8,
        muted: true,
      });
  }

  heading(pen, "At a glance");
  const facts: [string, string][] = [];
  if (data.time)
    facts.push([
      "Invitation to active",
      NOT_RECORDED.active
        ? "not recorded yet (onboarding does not mark contracts active yet)"
        : data.time.people
          ? `median ${formatDays(data.time.median)}, 90th percentile ${formatDays(data.time.p90)} (${data.time.people} ${data.time.people === 1 ? "person" : "people"})`
          : "nobody has become active after an invitation yet",
    ]);
  if (data.email)
    facts.push([
      "Email delivery",
      `${data.email.queued.toLocaleString("en")} waiting, ${data.email.failed.toLocaleString("en")} failed for now (retrying), ${data.email.setAside.toLocaleString("en")} set aside`,
    ]);
  if (data.overdueTasks !== null)
    facts.push(["Onboarding tasks overdue", data.overdueTasks.toLocaleString("en")]);
  if (data.pendingApprovals !== null)
    facts.push(["Contracts awaiting approval", data.pendingApprovals.toLocaleString("en")]);
  for (const [label, value] of facts) {
    text(pen, label, { bold: true });
    text(pen, value, { x: MARGIN + 150 });
    pen.y -= 15;
  }

  pen.y = MARGIN;
  text(pen, "Comeback · each figure counts people, as defined on the overview page.", {
    size: 8,
    muted: true,
  });
  return Buffer.from(await doc.save());
}

export function summaryPdfResponse(pdf: Buffer, now = new Date()) {
  const stamp = now.toISOString().slice(0, 10);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="phased-reversal-summary-${stamp}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
