import {
  CONSENT_MODE_LABELS,
  EXIT_REASONS,
  EXIT_REASON_LABELS,
  HR_FLAG_MODE_LABELS,
  OUTCOME_LABELS,
  type PolicyRules,
} from "~/modules/eligibility/policy";
import { Facts } from "~/components/ui";
import { OutcomeBadge } from "./outcome-badge";

const months = (n: number) => (n === 0 ? "None" : `${n} ${n === 1 ? "month" : "months"}`);

/** A policy's rules, read-only. */
export function PolicyRulesView({ rules }: { rules: PolicyRules }) {
  return (
    <div className="space-y-4">
      <Facts
        items={[
          { label: "Cooling-off after leaving", value: months(rules.coolingOffMonths) },
          { label: "Minimum tenure", value: months(rules.minimumTenureMonths) },
          { label: "HR system's rehire flag", value: HR_FLAG_MODE_LABELS[rules.hrFlag] },
          { label: "Do-not-rehire flag", value: OUTCOME_LABELS[rules.doNotRehire] },
          { label: "Legal hold", value: OUTCOME_LABELS[rules.legalHold] },
          { label: "Contact consent", value: CONSENT_MODE_LABELS[rules.consent] },
          { label: "Verdicts reviewed again after", value: months(rules.verdictExpiryMonths) },
          { label: "Dates counted in", value: rules.timeZone },
        ]}
      />
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-muted">
          Exit reasons
        </caption>
        <tbody>
          {EXIT_REASONS.map((r) => (
            <tr key={r} className="border-t border-line">
              <th scope="row" className="py-1 pr-3 font-normal">
                {EXIT_REASON_LABELS[r]}
              </th>
              <td className="py-1">
                <OutcomeBadge outcome={rules.exitReasons[r]} />
              </td>
            </tr>
          ))}
          <tr className="border-t border-line">
            <th scope="row" className="py-1 pr-3 font-normal">
              No exit reason on record
            </th>
            <td className="py-1">
              <OutcomeBadge outcome={rules.unknownExitReason} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
