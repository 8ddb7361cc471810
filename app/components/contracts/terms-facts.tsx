import { Facts } from "~/components/ui";

export type TermsSummary = {
  role: string;
  rate: string;
  hours: string;
  start: string;
  end: string;
  notice: string;
  place: string;
  stipend: string;
};

export const TERMS_LABELS = {
  role: "Role",
  pay: "Pay",
  hours: "Hours",
  place: "Where",
  start: "Starts",
  end: "Ends",
  notice: "Notice",
  stipend: "Equipment stipend",
  rateRange: "Program range",
};

/**
 * The terms as label and value, the same on the inbox card, the contract page and the portal
 * (which passes the labels from its own catalogue).
 */
export function TermsFacts({
  terms,
  rateRange,
  labels = TERMS_LABELS,
}: {
  terms: TermsSummary;
  rateRange?: string;
  labels?: typeof TERMS_LABELS;
}) {
  return (
    <Facts
      items={[
        { label: labels.role, value: terms.role },
        {
          label: labels.pay,
          value: (
            <>
              {terms.rate}
              {rateRange ? (
                <span className="block text-xs text-muted">
                  {labels.rateRange}: {rateRange}
                </span>
              ) : null}
            </>
          ),
        },
        { label: labels.hours, value: terms.hours },
        { label: labels.place, value: terms.place },
        { label: labels.start, value: terms.start },
        { label: labels.end, value: terms.end },
        { label: labels.notice, value: terms.notice },
        { label: labels.stipend, value: terms.stipend },
      ]}
    />
  );
}
