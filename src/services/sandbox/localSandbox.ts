import * as vscode from 'vscode';
import { showInfo, showWarning } from '../../common/notify';
import { CallbackAttempt, Sandbox, SandboxFlowOptions, SEED_EXOPHONES, startSandbox } from '../../sandbox';
import { SandboxControl, StartOptions } from './sandboxControl';
import { setContext } from '../../common/contexts';
import { Disposable } from '../../common/disposable';
import { Log } from '../../common/log';
import { SANDBOX_PROFILE_ID } from '../../session/profile';
import { Session } from '../../session/session';
import { parsePhone } from '../../phone';
import { t } from '../../common/callText/translate';
import { affects, setting } from '../../common/settings';

type Running = Sandbox;
/** The embedded local Exotel, started on demand inside the extension host; stopped with the extension. */
export class LocalSandbox extends Disposable implements SandboxControl {
  private running: Running | undefined;
  private starting: Promise<Running> | undefined;
  private readonly callbackEvents = this.register(new vscode.EventEmitter<CallbackAttempt>());
  /** Who runs call flows in the sandbox (the flows feature, through the composition root); read at every call. */
  private flowHooks: SandboxFlowOptions | undefined;
  /** Every StatusCallback attempt, when it starts and when it ends (for the Callbacks view). */
  readonly onCallback = this.callbackEvents.event;

  constructor(
    private readonly session: Session,
    private readonly log: Log,
  ) {
    super();
    this.register({ dispose: () => void this.stop(true) });
    // A new webhook URL applies to the running sandbox at once: no restart, no lost calls.
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (affects(e, 'sandbox.signedRecordingUrls') && this.running) this.running.setSignedRecordingUrls(signedUrls());
        if (affects(e, 'sandbox.callbackRetries') && this.running) this.running.setCallbackRetries(setting('sandbox.callbackRetries'));
        if (affects(e, 'sandbox.bulkListingIgnoresDetails') && this.running) this.running.setBulkIgnoresDetails(setting('sandbox.bulkListingIgnoresDetails'));
        if (!affects(e, 'sandbox.statusCallbackUrl') || !this.running) return;
        const url = callbackUrl();
        try {
          this.running.setStatusCallbackOverride(url);
          this.log.info(url ? `Sandbox status callbacks now go to ${url}` : "Sandbox status callbacks go to each call's own StatusCallback again");
        } catch (err) {
          this.log.error('exotel.sandbox.statusCallbackUrl', err);
          void showWarning(t('exotel.sandbox.statusCallbackUrl must be an http:// or https:// URL.'));
        }
      }),
    );
  }

  get baseUrl(): string | undefined {
    return this.running?.baseUrl;
  }

  /** The running sandbox's handle, for tests that inspect what it received. */
  get handle(): Running | undefined {
    return this.running;
  }

  /** The workspace's flows and the keys for them: the sandbox reads them at every call, so a later change applies at once. */
  useFlows(hooks: SandboxFlowOptions): void {
    this.flowHooks = hooks;
  }

  /** Starts the sandbox (once, however often it is asked) and switches to its profile. Options are for automation. */
  async start(options: StartOptions = {}): Promise<string> {
    this.starting ??= this.launch(options);
    const s = await this.starting;
    return s.baseUrl;
  }

  private async launch(options: StartOptions): Promise<Running> {
    let started: Running | undefined;
    try {
      const callbacks = callbackUrl();
      const s = await startSandbox({
        seed: true,
        // An account with signed URLs unless the setting (or automation) says otherwise.
        signedRecordingUrls: signedUrls(),
        callbackRetries: setting('sandbox.callbackRetries'),
        bulkIgnoresDetails: setting('sandbox.bulkListingIgnoresDetails'),
        ...options,
        statusCallbackOverride: callbacks,
        onCallback: attempt => this.callbackEvents.fire(attempt),
        // Delegates, so that flows given after the start (activation order) still apply.
        flows: {
          flows: () => (this.flowHooks?.flows ? (typeof this.flowHooks.flows === 'function' ? this.flowHooks.flows() : this.flowHooks.flows) : []),
          settings: () => {
            const s = this.flowHooks?.settings;
            return (typeof s === 'function' ? s() : s) ?? {};
          },
          keysFor: call => this.flowHooks?.keysFor?.(call),
          onEvent: (event, run) => this.flowHooks?.onEvent?.(event, run),
          onRun: run => this.flowHooks?.onRun?.(run),
        },
        log: (line: string) => this.log.info(`[sandbox] ${line}`),
      });
      started = s;
      this.running = s;
      await this.session.profiles.useSandbox({
        profile: {
          id: SANDBOX_PROFILE_ID,
          name: 'Sandbox',
          region: 'sandbox',
          baseUrl: s.baseUrl,
          accountSid: s.accountSid,
          defaultCallerId: SEED_EXOPHONES[0].e164,
          exoPhones: exoPhonesE164(s.exoPhones),
        },
        secrets: { apiKey: s.apiKey, apiToken: s.apiToken },
      });
      await setContext('exotel.sandboxRunning', true);
      this.log.info(`Sandbox started at ${s.baseUrl}${callbacks ? `; status callbacks go to ${callbacks}` : ''}`);
      void showInfo(t('The Exotel sandbox is running at {0}. It never rings a real phone.', s.baseUrl));
      return s;
    } catch (err) {
      // A sandbox that started but could not be switched to must not keep listening.
      this.starting = undefined;
      this.running = undefined;
      await started?.close().catch(() => undefined);
      throw err;
    }
  }

  /** Stops the sandbox and returns to the stored profile, if any. */
  async stop(quiet = false): Promise<boolean> {
    const s = this.starting && (await this.starting.catch(() => undefined));
    this.starting = undefined;
    this.running = undefined;
    if (!s) {
      if (!quiet) void showInfo(t('The Exotel sandbox is not running.'));
      return false;
    }
    await s.close();
    if (!quiet) {
      await this.session.profiles.clearSandbox();
      await setContext('exotel.sandboxRunning', false);
      void showInfo(t('The Exotel sandbox has stopped.'));
    }
    return true;
  }
}

function signedUrls(): boolean {
  return setting('sandbox.signedRecordingUrls');
}

/** The sandbox's ExoPhones, in E.164 like every number the extension keeps. */
function exoPhonesE164(numbers: readonly string[]): string[] {
  return numbers
    .map(n => parsePhone(n))
    .filter(p => p.ok)
    .map(p => (p as Extract<typeof p, { ok: true }>).number.e164);
}

/** The developer's webhook from `exotel.sandbox.statusCallbackUrl`, or undefined when unset. */
function callbackUrl(): string | undefined {
  return setting('sandbox.statusCallbackUrl').trim() || undefined;
}
