import * as vscode from 'vscode';
import { isMaskable, redact, RequestLog } from '../exotel';
import { maskNumbersIn } from './privacy';
import { outputLine } from './untrustedText';

/**
 * The "Exotel" log. Every line passes through redaction with the secrets we know of,
 * so a token can reach it only if nobody ever told us it was one, and through number masking while it is on.
 */
export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Exotel', { log: true });
  private readonly secrets = new Set<string>();
  /** The last lines written, as written (after redaction): what tests check for leaks. */
  readonly recent: string[] = [];
  /** The last messages shown to the user, exactly as shown (not redacted here): tests check them for leaks too. */
  readonly shown: string[] = [];

  /** Notes a message the user is shown. */
  noteShown(message: string): void {
    this.shown.push(message);
    if (this.shown.length > 100) this.shown.shift();
  }

  /** Registers a value that must never be written out (tokens, keys). */
  addSecret(value: string | undefined): void {
    if (isMaskable(value)) this.secrets.add(value);
  }

  /** `text` with every known secret masked, in each of its encodings. */
  mask(text: string): string {
    return redact(text, [...this.secrets]);
  }

  /** Secrets always; phone numbers too while exotel.privacy.maskNumbers is on (the Output panel is on screen). */
  private clean(text: string): string {
    return maskNumbersIn(this.mask(text));
  }

  private write(level: 'info' | 'warn' | 'error', message: string): void {
    const line = outputLine(message, text => this.clean(text));
    this.recent.push(line);
    if (this.recent.length > 500) this.recent.shift();
    this.channel[level](line);
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : err === undefined ? '' : String(err);
    this.write('error', detail ? `${message} — ${detail}` : message);
  }

  /** One line per API request: method, path, status, time. */
  request(e: RequestLog): void {
    const outcome = e.status !== undefined ? String(e.status) : (e.error ?? 'failed');
    const retry = e.attempt > 1 ? ` (attempt ${e.attempt})` : '';
    this.write('info', `${e.method} ${e.path} → ${outcome} in ${e.ms} ms${retry}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
