import { describe, expect, it } from "vitest";
import type { EmailBrand } from "#emails/components/brand";
import { campaignValues } from "../../../test/factories/campaigns";
import { XSS_PAYLOADS } from "../../../test/hostile/payloads";
import { campaignRenderer, renderCampaignEmail, type CampaignContent } from "./campaign-email.server";

function content(overrides: Partial<CampaignContent> = {}): CampaignContent {
  const v = campaignValues("segment");
  return {
    ...v,
    id: "cmcampaign00000000000001",
    subject: null,
    senderPhone: null,
    respondBy: new Date("2027-01-15T00:00:00Z"),
    invitedOn: null,
    ...overrides,
  };
}

const PEOPLE = [
  { id: "cmalumnus0000000000000001", firstName: "Maja", preferredName: null },
  { id: "cmalumnus0000000000000002", firstName: "Jean-Luc", preferredName: "Jay" },
  {
    id: "cmalumnus0000000000000003",
    firstName: "Zoë Ångström-Østergaard de la Fuente y Montes",
    preferredName: null,
  },
  { id: "cmalumnus0000000000000004", firstName: `O'Brien & "Sons" <b>`, preferredName: null },
  ...XSS_PAYLOADS.slice(0, 6).map((p, i) => ({
    id: `cmxssperson000${i}`,
    firstName: p,
    preferredName: null,
  })),
];

/** The employer's branding, pinned: its logo and colour are part of what both ways must agree on. */
const BRAND = {
  companyName: "Fjord Pay",
  accentColor: "#0b3d2e",
  logo: { url: "https://alumni.fjordpay.example/portal/logo?v=0123456789abcdef", width: 160, height: 40 },
} satisfies EmailBrand;

describe("rendering a campaign once and filling in each person", () => {
  for (const [label, campaign] of [
    ["invitation", content()],
    [
      "invitation with its own subject and no note",
      content({ subject: "A question from Fjord Pay", note: "" }),
    ],
    ["reminder", content({ template: "return-reminder", invitedOn: new Date("2026-11-01T00:00:00Z") })],
  ] as const) {
    it(`gives exactly what a full render gives (${label})`, async () => {
      const now = new Date("2026-12-01T10:00:00Z");
      const render = await campaignRenderer(campaign, { now, brand: BRAND });
      for (const person of PEOPLE) {
        const fast = await render(person);
        const full = await renderCampaignEmail(campaign, person, { now, brand: BRAND });
        expect(fast.subject).toBe(full.subject);
        expect(fast.html).toBe(full.html);
        expect(fast.text).toBe(full.text);
      }
    });
  }
});
