import { useEffect, useRef, useState, type ReactNode } from "react";
import { ReadingGrade, ToneFindings } from "~/components/tone-report";
import { NOTE_MAX_CHARS } from "~/modules/outreach/schemas";
import type { ToneReport } from "~/modules/outreach/tone";

/**
 * A personal note's tone checked as HR types: counts the characters and, 400 ms after the last
 * keystroke, hands the form to `send` (never for a note past the limit, which the schema refuses).
 * Put `formRef` on the form and call `onType` from the text area's change handler.
 */
export function useNoteCheckAsYouType(initialLength: number, send: (form: HTMLFormElement) => void) {
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [length, setLength] = useState(initialLength);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onType = (value: string) => {
    setLength(value.length);
    clearTimeout(timer.current);
    if (value.length > NOTE_MAX_CHARS) return;
    timer.current = setTimeout(() => {
      if (formRef.current) send(formRef.current);
    }, 400);
  };
  return { formRef, length, onType };
}

/** "120 of 2,000 characters", announced politely as it changes. */
export function NoteLength({ length }: { length: number }) {
  return (
    <p className="text-xs text-muted" aria-live="polite">
      {length.toLocaleString("en")} of {NOTE_MAX_CHARS.toLocaleString("en")} characters
    </p>
  );
}

/** The note's tone findings and reading grade under `heading`, or how to get them. */
export function NoteToneFeedback({ report, heading }: { report: ToneReport | null; heading: ReactNode }) {
  return (
    <section aria-labelledby="note-feedback" className="mt-4" aria-live="polite">
      <h3 id="note-feedback" className="mb-2 text-sm font-semibold">
        {heading}
      </h3>
      {report ? (
        <>
          <ToneFindings report={report} id="note-findings" emptyText="Your note reads warmly and clearly." />
          <div className="mt-2">
            <ReadingGrade report={report} which="note" />
          </div>
        </>
      ) : (
        <p id="note-findings" className="text-sm text-muted">
          Write a note to see feedback on it here.
        </p>
      )}
    </section>
  );
}
