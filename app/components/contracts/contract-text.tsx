import type { TextBlock } from "~/modules/contracts/contract-text";

/** The contract text exactly as stored: headings and paragraphs, line breaks kept. */
export function ContractText({ blocks }: { blocks: TextBlock[] }) {
  return (
    <div className="space-y-3 text-sm leading-relaxed">
      {blocks.map((b, i) =>
        b.kind === "heading" ? (
          <h3 key={i} className="pt-2 text-base font-semibold">
            {b.text}
          </h3>
        ) : (
          <p key={i} className="whitespace-pre-line">
            {b.text}
          </p>
        ),
      )}
    </div>
  );
}
