// The recording section of the call details panel, as plain data: which link plays, what the user is told about it
// (when a pre-signed link expires, why a private one is fetched by the extension), and which buttons make sense.
// Editor-free, unit-tested in Node.
import { RecordingSource } from '../../exotel';
import { RecordingView } from '../../webview-ui/protocol';
import { t } from './translate';

export interface RecordingState {
  /** When the call details (and so the pre-signed link) were fetched, epoch ms. */
  fetchedAt?: number;
  /** RecordingUrlValidity asked for with them, in minutes. */
  validityMinutes: number;
  /** A local copy the page may load (a webview URI), once the extension has fetched a private recording. */
  localSrc?: string;
  /** A sentence while the extension fetches the recording. */
  busy?: string;
  /** Why the last fetch failed. */
  error?: string;
  now: number;
  /** The user's clock time of an instant, e.g. "14:35". */
  clock(ms: number): string;
}

export function recordingView(source: RecordingSource | undefined, s: RecordingState): RecordingView | undefined {
  if (!source) return undefined;
  const base = { kind: source.kind, busy: s.busy, error: s.error };
  switch (source.kind) {
    case 'presigned': {
      const expiresAt = s.fetchedAt === undefined ? undefined : s.fetchedAt + s.validityMinutes * 60_000;
      const note =
        expiresAt === undefined
          ? t('This signed link needs no credentials; it expires {0} minutes after it was fetched. Get a fresh link if it no longer plays.', s.validityMinutes)
          : expiresAt <= s.now
            ? t('This signed link expired at {0}. Get a fresh link to play or open it.', s.clock(expiresAt))
            : t(
                'This signed link needs no credentials and expires at {0} ({1} minutes after it was fetched). Get a fresh link after that.',
                s.clock(expiresAt),
                s.validityMinutes,
              );
      const live = expiresAt === undefined || expiresAt > s.now;
      return { ...base, src: live ? source.url : undefined, openUrl: live ? source.url : undefined, note, canPlay: false, canRefreshLink: true };
    }
    case 'private':
      return {
        ...base,
        src: s.localSrc,
        canPlay: !s.localSrc,
        canRefreshLink: false,
        note: s.localSrc
          ? t('Playing a copy the extension fetched with your API key and token; it is deleted when this panel closes.')
          : t(
              'Exotel keeps this recording private: the extension fetches it with your API key and token (this page never sees them) into a temporary file that is deleted when the panel closes.',
            ),
      };
    case 'foreign':
      return {
        ...base,
        src: source.url,
        openUrl: source.url,
        canPlay: false,
        canRefreshLink: false,
        note: t('This link is not on an Exotel host, so your credentials are never sent to it: it plays only if it is public.'),
      };
  }
}
