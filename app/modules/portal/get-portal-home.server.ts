import type { AlumnusUser } from "~/platform/auth.server";
import { getBranding } from "./get-branding.server";
import { getWelcome } from "./get-welcome.server";

/** The portal's home page: the signed-in alumnus's name and HR's welcome page. */
export async function getPortalHome(options: { alumnus: AlumnusUser }) {
  const [welcome, branding] = await Promise.all([getWelcome(), getBranding()]);
  return {
    name: options.alumnus.name,
    company: branding.companyName,
    fallbackEmail: branding.senderEmail,
    welcome: welcome
      ? {
          headline: welcome.headline,
          whatWeAreDoing: welcome.whatWeAreDoing,
          flexibleWork: welcome.flexibleWork,
          contactName: welcome.contactName,
          contactRole: welcome.contactRole,
          contactEmail: welcome.contactEmail,
          contactPhone: welcome.contactPhone,
        }
      : null,
  };
}
