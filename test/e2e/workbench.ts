// Helpers for UI (e2e) tests that drive the VS Code web workbench (code-server) with playwright-core.
//
// An e2e test is a file test/e2e/<name>.e2e.ts, compiled to out/test/e2e/<name>.e2e.js and run by
// scripts/host/run-e2e.js (`npm run test:e2e`), each file in a fresh code-server + Chromium with the
// workspace test/fixtures/workspace open and the extension loaded (development mode, or --vsix). Shape:
//
//   import { Workbench, E2EHostOptions } from './workbench';
//   export const host: E2EHostOptions = { settings: { 'exotel.foo': true }, env: { EXOTEL_X: '1' } };  // optional
//   export default async function (wb: Workbench): Promise<void> {
//     await wb.runCommand('Exotel: Show Log');
//     await wb.screenshot('log');
//   }
//
// The test fails when the function throws (a failure screenshot <name>-FAILED.png is taken for you).
// Every wait has a timeout (default 15 s), and the raw Playwright page is wb.page for anything not covered here.
// No fixed sleeps: every wait is for a state (a DOM element, an attribute, animations ended, a value polled by
// waitUntil with a deadline), so that a slow machine makes a test slower, never wrong, and a fast one never waits.
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** What an e2e file may export as `host` to configure its code-server. */
export interface E2EHostOptions {
  /** Extra user settings (settings.json). */
  settings?: Record<string, unknown>;
  /** Extra environment variables; they reach the extension host's process.env. */
  env?: Record<string, string>;
  /** More extension folders (relative to the repo root) loaded in development mode beside ours. */
  extensions?: string[];
  /** The browser window's size (default 1400×850), e.g. taller for a panel whose screenshot goes in the README. */
  viewport?: { width: number; height: number };
}

export interface WorkbenchOptions {
  /** Where screenshot() writes (default artifacts/screenshots in the current directory). */
  screenshotDir?: string;
  /** Prefix of screenshot file names (the runner uses '<test name>-'). */
  screenshotPrefix?: string;
  /** Default timeout of every wait, in ms (default 15000). */
  timeout?: number;
  /** The workspace folder open in the workbench (the runner gives each file its own copy of the fixture). */
  folder?: string;
}

const QUICK_INPUT = '.quick-input-widget';

/**
 * Runs in the page (or a webview): resolves once no finite animation or transition runs in the document (infinite
 * ones, like spinners, never end) and two more frames are painted; rejects after `ms`. Self-contained: Playwright
 * sends its source, and the webviews' CSP allows no eval.
 */
function untilStill(_el: Element, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const deadline = performance.now() + ms;
    const still = () => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
    const tick = () => {
      if (still()) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      else if (performance.now() > deadline) reject(new Error(`animations still running after ${ms} ms`));
      else requestAnimationFrame(tick);
    };
    tick();
  });
}
const QUICK_ROW = '.quick-input-list .monaco-list-row';

export class Workbench {
  readonly screenshotDir: string;
  readonly screenshotPrefix: string;
  readonly timeout: number;
  /** The workspace folder open in the workbench: write scratch files here, never into test/fixtures. */
  readonly folder: string;

  constructor(
    readonly page: Page,
    options: WorkbenchOptions = {},
  ) {
    this.screenshotDir = path.resolve(options.screenshotDir ?? path.join('artifacts', 'screenshots'));
    this.screenshotPrefix = options.screenshotPrefix ?? '';
    this.timeout = options.timeout ?? 15000;
    this.folder = options.folder ?? path.resolve('test', 'fixtures', 'workspace');
  }

  // ---- workbench ------------------------------------------------------------------------------

  /**
   * Waits until the workbench is rendered (activity bar, status bar, editor area), the given activity-bar
   * containers have appeared (i.e. the extension's contributions are registered) and no "Activating
   * Extensions..." is shown. The runner calls it with the containers from package.json.
   */
  async waitReady(options: { timeout?: number; activityBar?: string[] } = {}): Promise<void> {
    const timeout = options.timeout ?? 60000;
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    for (const part of ['activitybar', 'statusbar', 'editor']) {
      await this.page.locator(`.part.${part}`).waitFor({ timeout });
    }
    for (const title of options.activityBar ?? []) {
      await this.activityBarItem(title).waitFor({ timeout });
    }
    await this.page.locator('.part.statusbar .statusbar-item', { hasText: 'Activating Extensions' }).waitFor({ state: 'hidden', timeout });
  }

  /**
   * Polls `probe` until it returns a truthy value and returns that value; throws, naming `what`, when the
   * deadline passes. For states no DOM event announces (a count in another process, a list's contents).
   */
  async waitUntil<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeout = this.timeout): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`waitUntil: ${what} (not within ${timeout} ms)`);
      await new Promise(resolve => setTimeout(resolve, 100)); // the poll interval, not a wait for anything
    }
  }

  /**
   * Waits until the workbench is still: no finite CSS animation or transition running (a toast sliding in, a
   * hover fading in, a view resizing), then two frames painted. Before a screenshot.
   */
  async settled(timeout = this.timeout): Promise<void> {
    await this.page.locator('body').evaluate(untilStill, timeout);
  }

  /** settled() for the visible webview's document: its charts drawn, its highlights faded. */
  async webviewSettled(timeout = this.timeout): Promise<void> {
    const body = this.webview().locator('body');
    await body.waitFor({ timeout });
    await body.evaluate(untilStill, timeout);
  }

  /** Presses a key or chord in the workbench, e.g. 'Escape', 'Control+Shift+P'. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Saves a PNG of the whole window to <screenshotDir>/<prefix><name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${this.screenshotPrefix}${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  // ---- command palette and quick input --------------------------------------------------------

  /**
   * Opens the command palette, types `filter`, and returns the labels of the commands it lists. Re-opens the
   * palette until some label contains `filter` (the palette snapshots the command list when it opens, and an
   * extension's commands appear a moment after the workbench does) or the timeout passes.
   */
  async showCommands(filter: string, timeout = this.timeout): Promise<string[]> {
    const deadline = Date.now() + timeout;
    const wanted = new RegExp(filter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    for (;;) {
      await this.openQuickInput('F1');
      await this.quickInput().fill(`>${filter}`);
      // the list filters asynchronously: wait for a row that matches, re-opening the palette now and then
      const listed = await this.quickPickRow(wanted)
        .waitFor({ timeout: Math.max(1000, Math.min(3000, deadline - Date.now())) })
        .then(
          () => true,
          () => false,
        );
      if (listed || Date.now() > deadline) return this.quickPickItems();
    }
  }

  /**
   * Runs a command by its palette title (e.g. 'Exotel: Show Log'), clicking the row whose label matches
   * exactly; re-opens the palette until the command is listed (see showCommands) or the timeout passes.
   */
  async runCommand(title: string, timeout = this.timeout): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.openQuickInput('F1');
      await this.quickInput().fill(`>${title}`);
      const row = this.quickPickRow(title);
      try {
        await row.waitFor({ timeout: Math.max(1000, Math.min(3000, deadline - Date.now())) });
      } catch {
        if (Date.now() > deadline) {
          throw new Error(`runCommand: "${title}" is not in the command palette (listed: ${JSON.stringify(await this.quickPickItems())})`);
        }
        continue;
      }
      await row.click({ timeout: this.timeout });
      return;
    }
  }

  /** Labels of the rows currently listed in the open quick pick / palette. */
  async quickPickItems(): Promise<string[]> {
    const labels = await this.page.locator(`${QUICK_ROW} .label-name`).allInnerTexts();
    return labels.map(l => l.trim());
  }

  /** Clicks the row labelled `label` in the open quick pick (exact label, or a RegExp). */
  async pickQuickItem(label: string | RegExp): Promise<void> {
    await this.quickPickRow(label).click({ timeout: this.timeout });
  }

  /**
   * Answers an open input box / quick pick: waits for it (optionally for `expectPrompt` in its title or
   * prompt), types `value`, presses Enter.
   */
  async answerQuickInput(value: string, expectPrompt?: string | RegExp): Promise<void> {
    const widget = this.page.locator(QUICK_INPUT).visible();
    await widget.waitFor({ timeout: this.timeout });
    if (expectPrompt) {
      await widget.filter({ hasText: expectPrompt }).waitFor({ timeout: this.timeout });
    }
    await this.quickInput().fill(value);
    await this.page.keyboard.press('Enter');
  }

  /** Text shown by the open quick input (title, prompt, validation message, rows). */
  async quickInputText(): Promise<string> {
    return this.page.locator(QUICK_INPUT).visible().innerText({ timeout: this.timeout });
  }

  /** Opens a workspace file by (part of) its name through Quick Open (Ctrl+P) and waits for its tab. */
  async openFile(name: string): Promise<void> {
    await this.openQuickInput('Control+P');
    await this.quickInput().fill(name);
    // Click the file's own row: Enter would open whichever row is focused while the list still fills.
    await this.page
      .locator(QUICK_ROW, { has: this.page.locator('.label-name', { hasText: path.basename(name) }) })
      .first()
      .click({ timeout: this.timeout });
    await this.page
      .locator('.tabs-container .tab', { hasText: path.basename(name) })
      .first()
      .waitFor({ timeout: this.timeout });
    await this.activeEditor().locator('.view-lines').waitFor({ timeout: this.timeout });
  }

  /** Moves the cursor of the active editor to a 1-based line (Ctrl+G), scrolling it into view. */
  async goToLine(line: number): Promise<void> {
    await this.openQuickInput('Control+G');
    await this.quickInput().fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).visible().waitFor({ state: 'hidden', timeout: this.timeout });
    await this.activeEditor()
      .locator('.line-numbers', { hasText: new RegExp(`^\\s*${line}\\s*$`) })
      .first()
      .waitFor({ timeout: this.timeout });
  }

  // ---- notifications --------------------------------------------------------------------------

  /** Waits for a notification toast containing `text` and returns its message (without source and buttons). */
  async waitForNotification(text: string | RegExp, timeout = this.timeout): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor({ timeout });
    return (await toast.locator('.notification-list-item-message').first().innerText()).trim();
  }

  /** Clicks the button `button` on the notification toast containing `text`. */
  async clickNotificationButton(text: string | RegExp, button: string): Promise<void> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.locator('.monaco-button', { hasText: button }).first().click({ timeout: this.timeout });
  }

  /** Dismisses all notifications. */
  /** Drags the side bar's edge `px` to the right (a row then shows more of its text). */
  async widenSidebar(px: number): Promise<void> {
    const sidebar = await this.page.locator('.part.sidebar').boundingBox();
    if (!sidebar) return;
    const x = sidebar.x + sidebar.width;
    await this.page.mouse.move(x - 1, sidebar.y + 300);
    await this.page.mouse.down();
    await this.page.mouse.move(x + px, sidebar.y + 300, { steps: 8 });
    await this.page.mouse.up();
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  // ---- side bar, views, trees -----------------------------------------------------------------

  /**
   * Opens a view container from the activity bar by its aria-label (its title, e.g. 'Exotel'; a prefix is
   * enough). Does nothing if it is already open (a second click would close it).
   */
  async openActivityBarContainer(ariaLabel: string): Promise<void> {
    const item = this.activityBarItem(ariaLabel);
    await item.waitFor({ timeout: this.timeout });
    if (!(await item.getAttribute('class'))?.split(/\s+/).includes('checked')) {
      await item.click();
    }
    await this.page.locator('.part.sidebar').visible().waitFor({ timeout: this.timeout });
  }

  /** The activity-bar entry (li.action-item) whose aria-label starts with `ariaLabel`. */
  activityBarItem(ariaLabel: string): Locator {
    return this.page
      .locator('.part.activitybar .action-item', {
        has: this.page.locator(`a[aria-label^="${ariaLabel.replace(/"/g, '\\"')}"]`),
      })
      .first();
  }

  /** The side-bar pane (view) whose header contains `viewTitle`, or the whole side bar. */
  view(viewTitle?: string): Locator {
    const sidebar = this.page.locator('.part.sidebar');
    if (!viewTitle) return sidebar;
    return sidebar.locator('.pane', { has: this.page.locator('.pane-header', { hasText: viewTitle }) }).first();
  }

  /**
   * The rendered tree rows of a view (or of the whole side bar), top to bottom, as 'label description'
   * (a TreeItem's description follows its label after one space). Collapsed children are not rendered.
   */
  async treeRows(viewTitle?: string): Promise<string[]> {
    return this.view(viewTitle)
      .locator('.monaco-list-row')
      .evaluateAll(rows =>
        rows.map(row => {
          const text = (sel: string) => (row.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
          const label = text('.label-name');
          const parts = label ? [label, text('.label-description')] : [(row as HTMLElement).innerText];
          return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
        }),
      );
  }

  /** Waits for a tree row containing `text` in a view (or anywhere in the side bar) and returns it. */
  async waitForTreeRow(text: string | RegExp, viewTitle?: string, timeout = this.timeout): Promise<Locator> {
    const row = this.view(viewTitle).locator('.monaco-list-row', { hasText: text }).first();
    await row.waitFor({ timeout });
    return row;
  }

  /** Collapses a side-bar pane, giving the panes above it room (list rows out of sight are not in the DOM). */
  async collapsePane(title: string): Promise<void> {
    const header = this.page.locator('.part.sidebar .pane-header', { hasText: title }).first();
    await header.waitFor({ timeout: this.timeout });
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }

  /** Expands the collapsed tree row labelled `label` (a no-op when it is expanded already). */
  async expandTreeRow(label: string | RegExp, viewTitle?: string): Promise<void> {
    const row = await this.waitForTreeRow(label, viewTitle);
    if ((await row.getAttribute('aria-expanded')) !== 'false') return;
    const expanded = this.view(viewTitle).locator('.monaco-list-row[aria-expanded="true"]', { hasText: label }).first();
    await row.click();
    for (let tries = 0; tries < 3; tries++) {
      const opened = await expanded.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      );
      // Open, and still open once the view has settled (a late click's toggle can land after a first look).
      if (opened) {
        await this.settled();
        if (await expanded.count()) return;
      }
      // A click that lands while the view redraws its rows only selects: the selected row opens with ArrowRight,
      // which never closes a row (a second click would toggle it shut).
      await this.page.keyboard.press('ArrowRight');
    }
    await expanded.waitFor({ timeout: this.timeout });
  }

  // ---- editor ---------------------------------------------------------------------------------

  /** The active editor (Monaco) of the active editor group. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Text of the visible lines of the active editor (Monaco renders only what is on screen). */
  async editorText(): Promise<string> {
    const lines = await this.activeEditor().locator('.view-lines .view-line').allInnerTexts();
    return lines.map(l => l.replace(/\u00a0/g, ' ')).join('\n');
  }

  /**
   * Hovers the first occurrence of `text` in the visible lines of the active editor and returns the text of
   * the hover widget (.monaco-hover). With `expect`, waits until the hover contains it. Use goToLine() first
   * when the text is not on screen.
   */
  async hover(text: string, expect?: string | RegExp, timeout = this.timeout): Promise<string> {
    const editor = this.activeEditor();
    await editor.locator('.view-lines').waitFor({ timeout });
    const point = await editor.evaluate((root: Element, needle: string) => {
      const norm = (s: string) => s.replace(/\u00a0/g, ' ');
      for (const line of Array.from(root.querySelectorAll('.view-lines .view-line'))) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; start: number }[] = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n as Text, start: all.length });
          all += norm(n.textContent ?? '');
        }
        const at = all.indexOf(needle);
        if (at < 0) continue;
        const mid = at + Math.floor(needle.length / 2); // the middle character of the match
        const hit = nodes.filter(x => x.start <= mid).pop();
        if (!hit) continue;
        const range = document.createRange();
        range.setStart(hit.node, mid - hit.start);
        range.setEnd(hit.node, mid - hit.start + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return undefined;
    }, text);
    if (!point) {
      throw new Error(`hover: "${text}" is not on screen in the active editor (open the file, goToLine() first)`);
    }
    // hover needs a real mouse move onto the word: a few steps, as a hand moves
    await this.page.mouse.move(point.x - 3, point.y);
    await this.page.mouse.move(point.x, point.y, { steps: 3 });
    const widget = this.page.locator('.monaco-hover').visible();
    const target = expect ? widget.filter({ hasText: expect }) : widget;
    // On a busy machine the first move onto the word is sometimes missed, and then no hover shows at all: when none
    // has shown within a few seconds, move away and onto it again, once. A hover that shows is then waited for its
    // text (a lookup may take a while) without moving again.
    const shown = await widget
      .first()
      .waitFor({ timeout: Math.min(timeout, 5000) })
      .then(
        () => true,
        () => false,
      );
    if (!shown) {
      await this.page.mouse.move(1, 1, { steps: 3 });
      await this.page.mouse.move(point.x - 3, point.y, { steps: 3 });
      await this.page.mouse.move(point.x, point.y, { steps: 3 });
    }
    await target.first().waitFor({ timeout });
    return (await target.first().innerText()).trim();
  }

  /** Moves the mouse away and closes any hover, waiting until none is visible (Escape reaches it only from the editor). */
  async clearHover(): Promise<void> {
    const visible = this.page.locator('.monaco-hover').visible();
    await this.page.mouse.move(2, 400);
    await this.page.keyboard.press('Escape');
    if ((await visible.count()) === 0) return;
    await this.activeEditor().locator('.view-lines').focus();
    await this.page.keyboard.press('Escape');
    await visible.first().waitFor({ state: 'hidden', timeout: this.timeout });
  }

  // ---- webviews -------------------------------------------------------------------------------

  /**
   * The document of the visible webview (panel or view). VS Code nests it twice: iframe.webview →
   * iframe#active-frame. Use it like a page: `await wb.webview().locator('#status').innerText()`.
   */
  webview(): FrameLocator {
    return this.page.locator('iframe.webview').visible().last().contentFrame().locator('iframe#active-frame').contentFrame();
  }

  /** Waits for `selector` in the visible webview and returns its text. */
  async webviewText(selector = 'body', timeout = this.timeout): Promise<string> {
    const el = this.webview().locator(selector).first();
    await el.waitFor({ timeout });
    return el.innerText();
  }

  // ---- status bar -----------------------------------------------------------------------------

  /** Texts of the status bar items. */
  async statusBarItems(): Promise<string[]> {
    const items = await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts();
    return items.map(i => i.replace(/\s+/g, ' ').trim()).filter(Boolean);
  }

  // ---- internals ------------------------------------------------------------------------------

  private quickInput(): Locator {
    return this.page.locator(`${QUICK_INPUT} .quick-input-box input`).visible().first();
  }

  private async openQuickInput(key: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press(key);
    await this.quickInput().waitFor({ timeout: this.timeout });
  }

  private quickPickRow(label: string | RegExp): Locator {
    const exact = typeof label === 'string' ? new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : label;
    return this.page
      .locator(QUICK_ROW)
      .filter({
        has: this.page.locator('.label-name', { hasText: exact }),
      })
      .first();
  }
}
