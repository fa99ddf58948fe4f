// Credentials from EXOTEL_* environment variables: offered (never used silently) at sign-in, and read by the headless
// call-test runner (npm run call-tests). Editor-free, so both can use it.

export interface EnvCredentials {
  accountSid: string;
  apiKey: string;
  apiToken: string;
  baseUrl: string;
}

/** Reads EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN and EXOTEL_BASE_URL or EXOTEL_SUBDOMAIN. */
export function readEnvCredentials(env: NodeJS.ProcessEnv = process.env): EnvCredentials | undefined {
  const accountSid = env.EXOTEL_ACCOUNT_SID?.trim();
  const apiKey = env.EXOTEL_API_KEY?.trim();
  const apiToken = env.EXOTEL_API_TOKEN?.trim();
  if (!accountSid || !apiKey || !apiToken) return undefined;
  // Exotel's own samples write the subdomain with the "@" of a credential URL: "@api.in.exotel.com".
  const subdomain = env.EXOTEL_SUBDOMAIN?.trim().replace(/^@/, '');
  const baseUrl = env.EXOTEL_BASE_URL?.trim() || (subdomain ? `https://${subdomain}` : 'https://api.exotel.com');
  return { accountSid, apiKey, apiToken, baseUrl };
}
