import { COMMANDS } from '../../common/commandIds';
import * as vscode from 'vscode';
import { canLookUp, NumberLookups, NumberMetadata, ValidationError } from '../../exotel';
import { checkOne, expectation, int, shape, text } from '../../common/commandArgs';
import { maskingNumbers, shownNumber } from '../../common/privacy';
import { NotSignedInError } from '../../common/errors';
import { parsePhone, PhoneNumberInfo } from '../../phone';
import { LookUpInHoverArgs } from './hoverMarkdown';
import { numberAt } from './hoverTarget';
import { t } from '../../common/callText/translate';

/**
 * The number to look up: the argument, else the editor's selection or the number at the cursor,
 * else one typed in. Undefined when the input box is dismissed.
 */
export async function chooseNumber(arg: unknown): Promise<PhoneNumberInfo | undefined> {
  checkOne(COMMANDS.lookUpNumber, 'number', arg, text('a phone number as text, e.g. "+919876543210"'));
  if (typeof arg === 'string') {
    const p = parsePhone(arg);
    if (!p.ok) throw new ValidationError('number', t('“{0}” is not a phone number: {1}', arg, p.reason));
    return p.number;
  }
  const fromEditor = editorNumber();
  if (fromEditor) return fromEditor;
  const typed = await vscode.window.showInputBox({
    title: t('Exotel: Look Up Number'),
    prompt: t('A phone number, e.g. 98765 43210, 080 3075 2400 or +919876543210'),
    ignoreFocusOut: true,
    validateInput: v => {
      const p = parsePhone(v);
      return p.ok ? undefined : p.reason;
    },
  });
  if (typed === undefined) return undefined;
  const p = parsePhone(typed);
  return p.ok ? p.number : undefined;
}

function editorNumber(): PhoneNumberInfo | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const sel = editor.selection;
  if (!sel.isEmpty) {
    const p = parsePhone(editor.document.getText(sel));
    return p.ok ? p.number : undefined;
  }
  return numberAt(editor.document.lineAt(sel.active.line).text, sel.active.character)?.number;
}

/**
 * "Look up with Exotel" in a hover: the user's consent for this one number, whatever exotel.hover.lookup says.
 * The answer is cached, and the hover is shown again at the number.
 */
export async function lookUpInHover(numbers: NumberLookups, arg: LookUpInHoverArgs | string | undefined): Promise<NumberMetadata | undefined> {
  const where = (
    typeof arg === 'string'
      ? { number: arg }
      : checkOne(
          COMMANDS.numbersLookUpInHover,
          'arguments',
          arg,
          shape({
            number: text('a phone number'),
            uri: text(),
            line: int(0, 1e9),
            character: int(0, 1e9),
          }),
        )
  ) as LookUpInHoverArgs | undefined;
  if (!where) return undefined;
  if (typeof where.number !== 'string') throw new ValidationError('number', 'exotel.numbers.lookUpInHover: “number” is required. Nothing was done.');
  const p = parsePhone(where.number);
  if (!p.ok || !canLookUp(p.number)) throw new ValidationError('number', t("Exotel's number metadata covers Indian mobile and landline numbers only."));
  if (!numbers.signedIn) throw new NotSignedInError();
  const meta = await numbers.lookup(p.number.e164, { refresh: true });
  if (!meta) throw new NotSignedInError();
  await showHoverAgain(where);
  return meta;
}

async function showHoverAgain(where: LookUpInHoverArgs): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || where.uri !== editor.document.uri.toString() || where.line === undefined || where.character === undefined) return;
  const at = new vscode.Position(where.line, where.character);
  const cursor = editor.selection.active;
  // The hover opens at the cursor: move it to the number unless it is already on it.
  if (!editor.selection.isEmpty || cursor.line !== at.line || numberAt(editor.document.lineAt(at.line).text, cursor.character)?.start !== at.character) {
    editor.selection = new vscode.Selection(at, at);
  }
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** Copies a number's E.164 form. */
export async function copyNumber(arg: unknown): Promise<string | undefined> {
  if (arg === undefined) return undefined;
  const p = typeof arg === 'string' ? parsePhone(arg) : undefined;
  if (!p?.ok) {
    return checkOne(COMMANDS.numbersCopy, 'number', arg, () => {
      throw expectation('a phone number as text, e.g. "+919876543210"');
    }) as undefined;
  }
  await vscode.env.clipboard.writeText(p.number.e164);
  // The copy is the number itself (that is what was asked for); while numbers are masked, the message says so without showing it.
  vscode.window.setStatusBarMessage(
    maskingNumbers() ? t('Copied {0} in full (shown masked)', shownNumber(p.number.e164)) : t('Copied {0}', p.number.e164),
    3000,
  );
  return p.number.e164;
}
