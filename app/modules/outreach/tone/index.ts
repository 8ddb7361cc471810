export {
  checkTone,
  type ToneFinding,
  type ToneInput,
  type TonePosition,
  type ToneReport,
  type ToneSource,
} from "./check-tone";
export { readability, type Readability } from "./readability";
export { countSyllables } from "./syllables";
export type { Category as ToneCategory, Severity as ToneSeverity } from "./rules";
