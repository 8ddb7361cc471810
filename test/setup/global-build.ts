import { ensureBuild } from "../../server/build";

/** Browser journeys run against the production bundle; build it once when sources changed. */
export default async function setup() {
  await ensureBuild((line) => process.stdout.write(`${line}\n`));
}
