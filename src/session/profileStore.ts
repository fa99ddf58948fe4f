import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { Log } from '../common/log';
import { Profile, ProfileSecrets, SANDBOX_PROFILE_ID } from './profile';

const PROFILES_KEY = 'exotel.profiles';
const ACTIVE_KEY = 'exotel.activeProfile';
const secretKey = (id: string) => `exotel.profile.${id}`;
const LATE_STATE_RECHECK_MS = [500, 2000, 5000];

export interface ActiveAccount {
  profile: Profile;
  secrets: ProfileSecrets;
}

/**
 * Profiles in global state, their key and token in SecretStorage. The sandbox profile lives in memory only:
 * its port and credentials are new each time it starts. Fires onDidChange on any change, in this window or another.
 */
export class ProfileStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private sandbox: ActiveAccount | undefined;
  /** In memory only: after a reload the sandbox is gone and the stored profile is active again. */
  private sandboxActive = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {
    super();
    // A sign-in or sign-out in another window changes the secrets; pick it up here. Global state has no change
    // event and reaches this window on its own schedule, possibly after the secret: look again a little later.
    this.register(
      context.secrets.onDidChange(e => {
        if (!e.key.startsWith('exotel.profile.')) return;
        this.fire();
        for (const ms of LATE_STATE_RECHECK_MS) this.later(ms);
      }),
    );
    this.register({ dispose: () => this.timers.forEach(clearTimeout) });
  }

  private readonly timers = new Set<NodeJS.Timeout>();

  /** Fires onDidChange after `ms` only if the stored profiles or active id changed unannounced: no needless reloads. */
  private later(ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.storedState() !== this.announced) this.fire();
    }, ms);
    this.timers.add(timer);
  }

  private announced = '';

  private fire(): void {
    this.announced = this.storedState();
    this.changed.fire();
  }

  private storedState(): string {
    return JSON.stringify([this.context.globalState.get(PROFILES_KEY), this.context.globalState.get(ACTIVE_KEY)]);
  }

  list(): Profile[] {
    const stored = this.context.globalState.get<Profile[]>(PROFILES_KEY, []);
    return this.sandbox ? [...stored, this.sandbox.profile] : stored;
  }

  activeId(): string | undefined {
    const id = this.sandbox && this.sandboxActive ? SANDBOX_PROFILE_ID : this.context.globalState.get<string>(ACTIVE_KEY);
    return this.list().some(p => p.id === id) ? id : undefined;
  }

  /** The active profile with its secrets, or undefined when signed out (or its secrets are gone). */
  async active(): Promise<ActiveAccount | undefined> {
    const id = this.activeId();
    if (!id) return undefined;
    if (id === SANDBOX_PROFILE_ID) return this.sandbox;
    const profile = this.list().find(p => p.id === id);
    const secrets = profile && (await this.readSecrets(id));
    return profile && secrets ? { profile, secrets } : undefined;
  }

  /** Saves secrets first, so a failure never leaves a profile without them. */
  async save(profile: Profile, secrets: ProfileSecrets): Promise<void> {
    this.log.addSecret(secrets.apiToken);
    this.log.addSecret(secrets.apiKey);
    await this.context.secrets.store(secretKey(profile.id), JSON.stringify(secrets));
    const others = this.context.globalState.get<Profile[]>(PROFILES_KEY, []).filter(p => p.id !== profile.id);
    await this.context.globalState.update(PROFILES_KEY, [...others, profile]);
    await this.setActive(profile.id);
  }

  /** Saves a changed stored profile (Set Flow Host…); the sandbox's lives in memory and is not stored. */
  async update(profile: Profile): Promise<void> {
    if (profile.id === SANDBOX_PROFILE_ID) return;
    const all = this.context.globalState.get<Profile[]>(PROFILES_KEY, []);
    await this.context.globalState.update(
      PROFILES_KEY,
      all.map(p => (p.id === profile.id ? profile : p)),
    );
    this.fire();
  }

  async setActive(id: string | undefined): Promise<void> {
    this.sandboxActive = id === SANDBOX_PROFILE_ID;
    if (!this.sandboxActive) await this.context.globalState.update(ACTIVE_KEY, id);
    this.fire();
  }

  async remove(id: string): Promise<void> {
    if (id === SANDBOX_PROFILE_ID) {
      await this.clearSandbox();
      return;
    }
    await this.context.secrets.delete(secretKey(id));
    const rest = this.context.globalState.get<Profile[]>(PROFILES_KEY, []).filter(p => p.id !== id);
    await this.context.globalState.update(PROFILES_KEY, rest);
    if (this.context.globalState.get<string>(ACTIVE_KEY) === id) await this.context.globalState.update(ACTIVE_KEY, rest[0]?.id);
    this.fire();
  }

  /** Switches to the sandbox; the stored active profile stays as it was, to return to. */
  async useSandbox(account: ActiveAccount): Promise<void> {
    this.log.addSecret(account.secrets.apiToken);
    this.sandbox = account;
    await this.setActive(SANDBOX_PROFILE_ID);
  }

  async clearSandbox(): Promise<void> {
    this.sandbox = undefined;
    this.sandboxActive = false;
    this.fire();
  }

  private async readSecrets(id: string): Promise<ProfileSecrets | undefined> {
    const raw = await this.context.secrets.get(secretKey(id));
    if (!raw) return undefined;
    try {
      const s = JSON.parse(raw) as Partial<ProfileSecrets>;
      if (typeof s.apiKey !== 'string' || typeof s.apiToken !== 'string') return undefined;
      this.log.addSecret(s.apiToken);
      this.log.addSecret(s.apiKey);
      return { apiKey: s.apiKey, apiToken: s.apiToken };
    } catch {
      this.log.warn(`The stored credentials of profile ${id} are unreadable; sign in again.`);
      return undefined;
    }
  }
}
