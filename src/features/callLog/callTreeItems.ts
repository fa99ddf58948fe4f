// Tree nodes of the Calls view, built from plain models. Status comes from theme icons and colours.
import * as vscode from 'vscode';
import { AuthenticationError, Call, ExotelError } from '../../exotel';
import { NotSignedInError } from '../../common/errors';
import { escapeMarkdown } from '../../common/markdown';
import { displayText } from '../../common/untrustedText';
import { callDescription, callFields, displayNumber, otherParty } from '../../common/callText/callFormat';
import { callStyle } from '../../common/callText/callParties';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';
import { callContext } from './callRows';
import { errorMessage } from '../../base/errorMessage';

export type CallNode =
  | { kind: 'day'; label: string; calls: Call[]; first: boolean }
  | { kind: 'call'; call: Call }
  | { kind: 'loadMore'; loading: boolean }
  | { kind: 'error'; error: unknown }
  | { kind: 'skipped'; count: number }
  | { kind: 'legs'; done?: number; total?: number; failed: number }
  | { kind: 'empty'; filtered: boolean };

export function toTreeItem(node: CallNode): vscode.TreeItem {
  switch (node.kind) {
    case 'day': {
      const item = new vscode.TreeItem(node.label, node.first ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      // VS Code keeps a row's expansion by id: the newest day gets its own id, so whichever day is newest after a
      // filter or a new day opens expanded, instead of keeping the collapsed state it had further down.
      item.id = node.first ? `day:${node.label}:newest` : `day:${node.label}`;
      item.description = node.calls.length === 1 ? t('1 call') : t('{0} calls', node.calls.length);
      item.contextValue = 'exotel.day';
      return item;
    }
    case 'call':
      return callItem(node.call);
    case 'loadMore': {
      const item = new vscode.TreeItem(node.loading ? t('Loading…') : t('Load more…'));
      item.id = 'loadMore';
      item.iconPath = new vscode.ThemeIcon(node.loading ? 'loading~spin' : 'ellipsis');
      if (!node.loading) item.command = { command: COMMANDS.callLogLoadMore, title: t('Load more') };
      item.contextValue = 'exotel.loadMore';
      return item;
    }
    case 'error':
      return errorItem(node.error);
    case 'skipped': {
      const item = new vscode.TreeItem(node.count === 1 ? t('1 call could not be read') : t('{0} calls could not be read', node.count));
      item.id = 'skipped';
      item.tooltip = t('Exotel listed rows without a Call SID or in a shape this extension does not know; they are left out rather than losing the page.');
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      return item;
    }
    case 'legs': {
      // Exotel documents details=true for one call's details only: a listing may leave the legs out.
      const filling = node.total !== undefined;
      const item = new vscode.TreeItem(
        filling
          ? t('Fetching details of {0} incoming calls listed without legs ({1} of {0})…', node.total!, node.done ?? 0)
          : t('{0} incoming calls without legs: outcome unknown', node.failed),
      );
      item.id = 'legs';
      item.tooltip = t(
        'Exotel listed these completed incoming calls without leg statuses, so whether an agent answered is not known until each call\'s own details are fetched (one request per call, within the rate limit). Until then they show "outcome unknown", never answered.',
      );
      item.iconPath = new vscode.ThemeIcon(filling ? 'loading~spin' : 'question');
      return item;
    }
    case 'empty': {
      const item = new vscode.TreeItem(node.filtered ? t('No calls match the filter') : t('No calls in the last 31 days'));
      item.id = 'empty';
      item.iconPath = new vscode.ThemeIcon('info');
      if (node.filtered) item.command = { command: COMMANDS.callLogClearFilter, title: t('Clear Filter') };
      return item;
    }
  }
}

function callItem(call: Call): vscode.TreeItem {
  // An incoming call Exotel calls completed may be a missed one: the icon and words say so (callStyle).
  const style = callStyle(call);
  const item = new vscode.TreeItem(displayText(displayNumber(otherParty(call))));
  item.id = `call:${call.sid}`;
  item.description = displayText(callDescription(call));
  item.iconPath = new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color));
  item.contextValue = callContext(call);
  item.accessibilityInformation = {
    label: displayText(`${style.label} ${call.direction ?? ''} call, ${displayNumber(otherParty(call))}, ${call.dateCreated ?? ''}`),
  };
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`$(${style.icon.replace('~spin', '')}) **${escapeMarkdown(style.label)}**\n\n`);
  for (const [label, value] of callFields(call)) md.appendMarkdown(`**${escapeMarkdown(label)}**: ${escapeMarkdown(value)}  \n`);
  item.tooltip = md;
  item.command = { command: COMMANDS.callLogShowDetails, title: t('Show Details'), arguments: [call] };
  return item;
}

/** Failures are rows, never toasts: "Sign in again" for a 401, the error and Retry otherwise. */
function errorItem(error: unknown): vscode.TreeItem {
  if (error instanceof AuthenticationError || error instanceof NotSignedInError) {
    const item = new vscode.TreeItem(t('Sign in again'));
    item.id = 'error:auth';
    item.description = error instanceof AuthenticationError ? t('Exotel did not accept the saved credentials (401)') : '';
    item.tooltip = displayText(error.message);
    item.iconPath = new vscode.ThemeIcon('sign-in', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.command = { command: COMMANDS.signIn, title: t('Sign In') };
    return item;
  }
  const message = displayText(error instanceof ExotelError ? error.message : errorMessage(error));
  const item = new vscode.TreeItem(t('Could not load calls — Retry'));
  item.id = 'error:load';
  item.description = message;
  item.tooltip = message;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.command = { command: COMMANDS.callLogLoadMore, title: t('Retry') };
  item.contextValue = 'exotel.error';
  return item;
}
