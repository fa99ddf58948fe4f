// exotel.hover.* as document filters. Editor-free (types only), so the rules are unit-tested in Node.
import type { DocumentFilter } from 'vscode';
import type { HOVER_LOOKUP_MODES } from '../../common/settingSpecs';

/** Where phone numbers are hovered by default: files on disk and in virtual workspaces, new files, notebooks, diffs, settings. */
export const HOVER_SCHEMES = ['file', 'untitled', 'vscode-notebook-cell', 'vscode-userdata', 'vscode-vfs', 'git'] as const;

export type LookupMode = (typeof HOVER_LOOKUP_MODES)[number];

/**
 * One exotel.hover.include/exclude entry: a language id (`json`, `plaintext`) or a glob. Anything with a glob
 * character, a slash or a dot is a glob; a glob without a slash matches file names in any folder (`*.csv`).
 */
export function entryFilter(entry: string): DocumentFilter | undefined {
  const e = entry.trim();
  if (!e) return undefined;
  if (!/[*?{}[\]/\\.]/.test(e)) return { language: e };
  return { pattern: /[/\\]/.test(e) ? e : `**/${e}` };
}

function filters(entries: unknown): DocumentFilter[] {
  if (!Array.isArray(entries)) return [];
  return entries
    .filter((x): x is string => typeof x === 'string')
    .map(entryFilter)
    .filter((f): f is DocumentFilter => f !== undefined);
}

/** The hover's registration: every default scheme, narrowed to the include entries when there are any. */
export function hoverSelector(include: unknown): DocumentFilter[] {
  const only = filters(include);
  if (!only.length) return HOVER_SCHEMES.map(scheme => ({ scheme }));
  return HOVER_SCHEMES.flatMap(scheme => only.map(f => ({ ...f, scheme })));
}

/** Documents the hover skips (a selector cannot say "all but", so the provider checks these itself). */
export function excludeSelector(exclude: unknown): DocumentFilter[] {
  return filters(exclude);
}
