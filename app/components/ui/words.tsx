import { createContext, useContext } from "react";

/**
 * The few words the shared form primitives print themselves ("(required)", the error summary's
 * heading). Staff pages use the defaults; the alumni portal provides its catalogue's words, so
 * every portal string comes from one place and can be translated.
 */
export type UiWords = {
  required: string;
  errorPrefix: string;
  problem: string;
  /** A long tick-box list's search found nothing. */
  noMatch: (search: string) => string;
  /** How many of a long tick-box list's choices the search shows. */
  shownOf: (shown: number, total: number) => string;
};

export const DEFAULT_UI_WORDS: UiWords = {
  required: "(required)",
  errorPrefix: "Error: ",
  problem: "There is a problem",
  noMatch: (search) => `Nothing matches “${search}”.`,
  shownOf: (shown, total) => `${shown} of ${total} shown`,
};

export const UiWordsContext = createContext<UiWords>(DEFAULT_UI_WORDS);

export function useUiWords(): UiWords {
  return useContext(UiWordsContext);
}
