import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import { showInfo } from '../../common/notify';
import { ForbiddenError, normalizeBaseUrl, normalizeFlowHost, REGIONS } from '../../exotel';
import { parsePhone } from '../../phone';
import { readEnvCredentials } from '../../exotel/envCredentials';
import { Profile, ProfileRegion } from '../../session/profile';
import { Session } from '../../session/session';
import { t } from '../../common/callText/translate';
import { problemOf } from '../../common/problemOf';

/** What `exotel.signIn` accepts as an argument (automation, tests): fields given are not asked for. */
export interface SignInArgs {
  name?: string;
  region?: 'singapore' | 'mumbai' | 'custom';
  baseUrl?: string;
  accountSid?: string;
  apiKey?: string;
  apiToken?: string;
  production?: boolean;
  defaultCallerId?: string;
  /** The dashboard host flows given by app id go to; default from the region. */
  flowHost?: string;
}

type Asked = Required<Pick<SignInArgs, 'name' | 'accountSid' | 'apiKey' | 'apiToken'>> & {
  region: ProfileRegion;
  baseUrl: string;
  production: boolean;
  defaultCallerId?: string;
  flowHost?: string;
};

const notEmpty = (label: string) => (v: string) => (v.trim() ? undefined : t('{0} is required.', label));

/**
 * Exotel: Sign In. Asks for each field (Escape at any step cancels and saves nothing), checks the
 * credentials with one cheap authenticated request, then saves: secrets to SecretStorage, the rest to global state.
 * Returns the profile name when signed in.
 */
export async function signIn(session: Session, args: SignInArgs = {}): Promise<string | undefined> {
  const asked = await ask(args);
  if (!asked) return undefined;
  const client = session.clientFor(asked.baseUrl, asked.accountSid, asked.apiKey, asked.apiToken);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Checking your Exotel credentials…'), cancellable: true },
    async (_p, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      try {
        await client.listCalls({ pageSize: 1 }, { signal: ac.signal });
      } catch (err) {
        throw explainCheck(err);
      }
    },
  );
  const profile: Profile = {
    id: randomUUID(),
    name: asked.name,
    region: asked.region,
    baseUrl: asked.baseUrl,
    accountSid: asked.accountSid,
    production: asked.production,
    defaultCallerId: asked.defaultCallerId,
    ...(asked.flowHost ? { flowHost: asked.flowHost } : {}),
  };
  const existing = session.profiles.list().find(p => p.name === asked.name && p.accountSid === asked.accountSid);
  if (existing) profile.id = existing.id;
  await session.profiles.save(profile, { apiKey: asked.apiKey, apiToken: asked.apiToken });
  void showInfo(t('Signed in to Exotel as “{0}” ({1}).', profile.name, profile.accountSid));
  return profile.name;
}

/** A 403 here means the key works but may not read the call log; say so rather than "refused". */
function explainCheck(err: unknown): unknown {
  if (!(err instanceof ForbiddenError)) return err;
  return new ForbiddenError(
    t('Exotel accepted the credentials but refused to list calls (403): this API key may lack call-log access. {0}', err.exotelMessage ?? '').trim(),
    err.status,
    err.exotelMessage,
    err.code,
    err.reason,
    { action: err.action },
  );
}

async function ask(args: SignInArgs): Promise<Asked | undefined> {
  // Called with credentials (automation, tests): the optional questions take their defaults.
  const automated = args.apiToken !== undefined;
  const env = readEnvCredentials();
  if (env && args.accountSid === undefined) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: t('Use EXOTEL_* from the environment'), description: env.accountSid, env: true },
        { label: t('Enter credentials'), env: false },
      ],
      { title: t('Exotel: Sign In'), ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    if (pick.env) args = { ...env, region: 'custom', ...args };
  }
  const name = args.name ?? (await input(t('Profile name'), t('A name for this account, e.g. “Staging”'), 'Default'));
  if (name === undefined) return undefined;
  const target = await askRegion(args);
  if (!target) return undefined;
  const accountSid = args.accountSid ?? (await input(t('Account SID'), t('From the Exotel dashboard: Settings → API')));
  if (accountSid === undefined) return undefined;
  const apiKey = args.apiKey ?? (await input(t('API key'), t('The API key (the user name of Basic auth)')));
  if (apiKey === undefined) return undefined;
  const apiToken = args.apiToken ?? (await input(t('API token'), t('The API token; it is kept in the OS keychain via SecretStorage'), undefined, true));
  if (apiToken === undefined) return undefined;
  const production = args.production ?? (automated ? false : await askProduction());
  if (production === undefined) return undefined;
  const defaultCallerId = args.defaultCallerId ?? (automated ? '' : await askCallerId());
  if (defaultCallerId === undefined) return undefined;
  // Only Mumbai has a choice to make (my.in.exotel.com is what public scripts use; Exotel does not document it).
  const flowHost = args.flowHost !== undefined ? normalizeFlowHost(args.flowHost) : target.region === 'mumbai' && !automated ? await askFlowHost() : '';
  if (flowHost === undefined) return undefined;
  return {
    name: name.trim(),
    ...target,
    accountSid: accountSid.trim(),
    apiKey: apiKey.trim(),
    apiToken: apiToken.trim(),
    production,
    defaultCallerId: defaultCallerId || undefined,
    flowHost: flowHost || undefined,
  };
}

/** A production profile asks before every call and shows in a warning colour. */
async function askProduction(): Promise<boolean | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: t('No — a test or staging account'), production: false },
      {
        label: t('Yes — calls reach real customers'),
        detail: t('Every call asks for confirmation; the status bar shows it in a warning colour.'),
        production: true,
      },
    ],
    { title: `${t('Exotel: Sign In')} — ${t('production?')}`, placeHolder: t('Is this a production account?'), ignoreFocusOut: true },
  );
  return pick?.production;
}

/** Where a flow's app id points for a Mumbai account; undefined when cancelled. */
export async function askFlowHost(current?: string): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: REGIONS.mumbai.flowHost, description: t('Mumbai accounts, as public scripts use it (not documented by Exotel)'), host: REGIONS.mumbai.flowHost },
      { label: REGIONS.singapore.flowHost, description: t('the host Exotel documents (Singapore accounts)'), host: REGIONS.singapore.flowHost },
      { label: t('Another host…'), description: current ? t('now {0}', current) : '', host: '' },
    ],
    {
      title: `${t('Exotel: Sign In')} — ${t('flow host')}`,
      placeHolder: t('Where a flow given by app id lives: http://<host>/<sid>/exoml/start_voice/<app id>'),
      ignoreFocusOut: true,
    },
  );
  if (!pick) return undefined;
  if (pick.host) return pick.host;
  const typed = await vscode.window.showInputBox({
    title: t('Flow host'),
    prompt: t('A host name such as my.in.exotel.com'),
    value: current,
    ignoreFocusOut: true,
    validateInput: v => problemOf(() => normalizeFlowHost(v)),
  });
  return typed === undefined ? undefined : normalizeFlowHost(typed);
}

/** The ExoPhone calls come from, so Connect Call need not ask; empty to skip. */
async function askCallerId(): Promise<string | undefined> {
  const v = await vscode.window.showInputBox({
    title: `${t('Exotel: Sign In')} — ${t('default CallerId')}`,
    prompt: t('Your ExoPhone (optional), e.g. 080 4711 2345; leave empty to be asked at each call'),
    ignoreFocusOut: true,
    validateInput: s => {
      if (!s.trim()) return undefined;
      const parsed = parsePhone(s);
      return parsed.ok ? undefined : parsed.reason;
    },
  });
  if (v === undefined) return undefined;
  const parsed = v.trim() ? parsePhone(v) : undefined;
  return parsed?.ok ? parsed.number.e164 : '';
}

async function askRegion(args: SignInArgs): Promise<{ region: ProfileRegion; baseUrl: string } | undefined> {
  if (args.baseUrl) {
    const baseUrl = normalizeBaseUrl(args.baseUrl);
    const known = (Object.keys(REGIONS) as Array<keyof typeof REGIONS>).find(r => REGIONS[r].baseUrl === baseUrl);
    return { region: known ?? 'custom', baseUrl };
  }
  if (args.region === 'singapore' || args.region === 'mumbai') return { region: args.region, baseUrl: REGIONS[args.region].baseUrl };
  const pick = await vscode.window.showQuickPick(
    [
      { label: t('Singapore'), description: 'api.exotel.com', detail: t('The default cluster for most accounts'), region: 'singapore' as const },
      { label: t('Mumbai'), description: 'api.in.exotel.com', detail: t('Accounts hosted in India'), region: 'mumbai' as const },
      { label: t('Custom URL…'), detail: t('A proxy, or a local Exotel such as the sandbox'), region: 'custom' as const },
    ],
    { title: t('Exotel: Sign In — region'), placeHolder: t('Which Exotel cluster is your account on?'), ignoreFocusOut: true },
  );
  if (!pick) return undefined;
  if (pick.region !== 'custom') return { region: pick.region, baseUrl: REGIONS[pick.region].baseUrl };
  const url = await vscode.window.showInputBox({
    title: t('Exotel: Sign In — base URL'),
    prompt: t('The URL that /v1/Accounts/… is appended to'),
    placeHolder: 'https://api.exotel.com',
    ignoreFocusOut: true,
    validateInput: v => problemOf(() => normalizeBaseUrl(v)),
  });
  return url === undefined ? undefined : { region: 'custom', baseUrl: normalizeBaseUrl(url) };
}

function input(title: string, prompt: string, value?: string, password = false): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `${t('Exotel: Sign In')} — ${title}`,
    prompt,
    value,
    password,
    ignoreFocusOut: true,
    validateInput: notEmpty(title),
  });
}
