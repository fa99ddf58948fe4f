// One escape for every MarkdownString that shows text from the API (hovers, tree tooltips). Editor-free.

const THEME_ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Text as text in a MarkdownString with theme icons on: whitespace runs (newlines start blocks) become one
 * space, a `$(icon)` gets the editor's own escape so it stays literal, and every ASCII punctuation character,
 * which is everything Markdown or HTML can give meaning to, is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(THEME_ICON, icon => `\\${icon}`).replace(ASCII_PUNCTUATION, '\\$&');
}

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
