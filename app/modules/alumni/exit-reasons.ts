/**
 * The product's exit reasons (the ExitReason enum in schema.prisma) and their labels: one list
 * for the alumni filters, the eligibility policy and the import's value conversion.
 */
export const EXIT_REASONS = [
  "position_eliminated",
  "layoff_automation",
  "layoff_restructuring",
  "resignation",
  "contract_end",
  "retirement",
  "mutual_agreement",
  "performance",
  "attendance",
  "conduct",
  "job_abandonment",
  "other",
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  position_eliminated: "Position eliminated",
  layoff_automation: "Layoff (automation)",
  layoff_restructuring: "Layoff (restructuring)",
  resignation: "Resignation",
  contract_end: "Contract end",
  retirement: "Retirement",
  mutual_agreement: "Mutual agreement",
  performance: "Performance",
  attendance: "Attendance",
  conduct: "Conduct",
  job_abandonment: "Job abandonment",
  other: "Other",
};
