// A profile is one Exotel account the user signed in to. Only the key and token are secret;
// they live in SecretStorage. The rest lives in global state, never in settings.json.

export type ProfileRegion = 'singapore' | 'mumbai' | 'custom' | 'sandbox';

export interface Profile {
  id: string;
  name: string;
  region: ProfileRegion;
  baseUrl: string;
  accountSid: string;
  defaultCallerId?: string;
  /** Calls from a production profile ask for confirmation and the status bar warns. */
  production?: boolean;
}

export interface ProfileSecrets {
  apiKey: string;
  apiToken: string;
}

export const SANDBOX_PROFILE_ID = 'sandbox';

export function regionLabel(p: Profile): string {
  switch (p.region) {
    case 'singapore': return 'Singapore';
    case 'mumbai': return 'Mumbai';
    case 'sandbox': return 'Sandbox';
    default: return new URL(p.baseUrl).host;
  }
}
