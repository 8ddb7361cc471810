import { SelectField } from "~/components/ui";

/** The overview's decision filter: every decision, or one. */
export function DecisionSelect({
  decisions,
  value,
}: {
  decisions: { id: string; title: string }[];
  value: string | null;
}) {
  return (
    <SelectField
      label="Workforce decision"
      name="decision"
      defaultValue={value ?? ""}
      options={[
        { value: "", label: "All decisions" },
        ...decisions.map((d) => ({ value: d.id, label: d.title })),
      ]}
    />
  );
}
