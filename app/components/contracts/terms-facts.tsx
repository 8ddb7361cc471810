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

/** The terms as label and value, the same on the inbox card and the contract page. */
export function TermsFacts({ terms, rateRange }: { terms: TermsSummary; rateRange?: string }) {
  return (
    <Facts
      items={[
        { label: "Role", value: terms.role },
        {
          label: "Pay",
          value: (
            <>
              {terms.rate}
              {rateRange ? (
                <span className="block text-xs text-muted">Program range: {rateRange}</span>
              ) : null}
            </>
          ),
        },
        { label: "Hours", value: terms.hours },
        { label: "Where", value: terms.place },
        { label: "Starts", value: terms.start },
        { label: "Ends", value: terms.end },
        { label: "Notice", value: terms.notice },
        { label: "Equipment stipend", value: terms.stipend },
      ]}
    />
  );
}
