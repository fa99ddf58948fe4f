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
