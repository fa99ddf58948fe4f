// A profile is one Exotel account the user signed in to. Only the key and token are secret;
// they live in SecretStorage. The rest lives in global state, never in settings.json.
import { REGIONS } from '../exotel';

export type ProfileRegion = 'singapore' | 'mumbai' | 'custom' | 'sandbox';

export interface Profile {
  id: string;
  name: string;
  region: ProfileRegion;
  baseUrl: string;
  accountSid: string;
  defaultCallerId?: string;
  /** The account's ExoPhones when known (the sandbox says; E.164): offered as CallerIds. */
  exoPhones?: string[];
  /**
   * The dashboard host a flow's app id becomes a URL on: my.exotel.com (documented) or, for Mumbai accounts,
   * my.in.exotel.com (what public scripts use; not documented by Exotel). Unset: the region's default.
   */
  flowHost?: string;
  /** Calls from a production profile ask for confirmation and the status bar warns. */
  production?: boolean;
}

export interface ProfileSecrets {
  apiKey: string;
  apiToken: string;
}

export const SANDBOX_PROFILE_ID = 'sandbox';

/** The flow host of a profile: its own choice, else its region's (a Mumbai base URL counts as Mumbai). */
export function flowHostOf(p: Pick<Profile, 'flowHost' | 'region' | 'baseUrl'>): string {
  if (p.flowHost) return p.flowHost;
  const mumbai = p.region === 'mumbai' || /^https:\/\/api\.in\.exotel\.com(\/|$)/.test(p.baseUrl);
  return mumbai ? REGIONS.mumbai.flowHost : REGIONS.singapore.flowHost;
}

export function regionLabel(p: Profile): string {
  switch (p.region) {
    case 'singapore':
      return 'Singapore';
    case 'mumbai':
      return 'Mumbai';
    case 'sandbox':
      return 'Sandbox';
    default:
      return new URL(p.baseUrl).host;
  }
}
