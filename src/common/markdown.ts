// One escape for every MarkdownString that shows text from the API (hovers, tree tooltips). Editor-free.
import { displayText } from './untrustedText';

const THEME_ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Text as text in a MarkdownString with theme icons on: bidi and control characters shown as `[U+202E]`, whitespace runs (newlines start blocks) become one
 * space, a `$(icon)` gets the editor's own escape so it stays literal, and every ASCII punctuation character,
 * which is everything Markdown or HTML can give meaning to, is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return displayText(text)
    .replace(/\s+/g, ' ')
    .replace(THEME_ICON, icon => `\\${icon}`)
    .replace(ASCII_PUNCTUATION, '\\$&');
}
