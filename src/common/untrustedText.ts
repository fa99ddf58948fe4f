// Text from Exotel made harmless where the editor would read markup into it (Markdown has its own escape in
// markdown.ts). Editor-free, so that both are unit-tested in Node.

/**
 * Notifications turn `[label](command:…)` in their plain text into a live link that runs the command. Text from
 * Exotel (error messages, statuses, numbers) must never form one: a zero-width space parts every `](`.
 */
export function inertNotificationText(text: string): string {
  return text.replace(/\]\(/g, ']\u200B(');
}

/** A media origin for a webview's CSP: only a plain scheme://host[:port], nothing that could end the policy. */
export function cspMediaOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  return /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin) ? origin : undefined;
}

// Bidirectional embeddings, overrides, isolates and marks: they can reorder what is read (a number made to look
// like another, "Trojan Source"). Other invisible controls: C0, DEL, C1.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text from outside (Exotel fields, error bodies) as it may be shown: bidi controls and other control characters
 * are replaced by a visible `[U+202E]`, so nothing can reorder or hide what the user reads. `multiline` keeps
 * line breaks and tabs (notification details, webviews); otherwise they become spaces.
 */
export function displayText(text: string, multiline = false): string {
  const escaped = text.replace(BIDI, visible).replace(CONTROL, visible);
  return multiline ? escaped.replace(/\r\n?|[\u2028\u2029]/g, '\n') : escaped.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
}

function visible(c: string): string {
  return `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

/**
 * A line for the Output log, which is on screen when sharing like the rest of the UI: cleaned (secrets, numbers) and
 * then shown as displayText shows it, `[U+202E]` for a bidi or control character; line breaks stay (stack traces).
 */
export function outputLine(message: string, clean: (text: string) => string = t => t): string {
  return displayText(clean(message), true);
}
