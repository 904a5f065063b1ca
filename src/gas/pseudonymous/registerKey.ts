// The school's register key on the Google side: entered once by the curator, kept in script
// properties (not in a sheet, where every editor could read it), used to check the secrets typed
// beside participant codes.
import { type CodeCheck, REGISTER_KEY_PROPERTY } from '../../core/pseudonymous/dataMode';
import { MENU_TITLE } from '../menu';

/** Apps Script's HMAC; its bytes are signed, which secretFor handles. */
const appsScriptHmac = (key: string, message: string): number[] =>
  Utilities.computeHmacSha256Signature(message, key);

/** The key and HMAC for intake, or undefined until the curator has entered the key. */
export function registerCodeCheck(): CodeCheck | undefined {
  const key = PropertiesService.getScriptProperties().getProperty(REGISTER_KEY_PROPERTY);
  return key ? { key, hmac: appsScriptHmac } : undefined;
}

/** At least this long: the register generates 32 characters; a short key could be guessed. */
const MIN_KEY_LENGTH = 16;

/** Menu «Ввести ключ реестра»: the key the register printed, typed into a prompt, never a cell. */
export function enterRegisterKey(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    `${MENU_TITLE}: ключ реестра`,
    'Вставьте ключ, который показала программа реестра школы (npx nastavnik register key). ' +
      'Он хранится в свойствах скрипта, а не в таблице, и нужен, чтобы проверять секретные числа участников.',
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const key = answer.getResponseText().trim();
  if (key.length < MIN_KEY_LENGTH) {
    ui.alert(
      `Ключ слишком короткий (нужно не меньше ${MIN_KEY_LENGTH} знаков): скопируйте его из реестра целиком.`,
    );
    return;
  }
  PropertiesService.getScriptProperties().setProperty(REGISTER_KEY_PROPERTY, key);
  ui.alert('Ключ реестра сохранён. Анкеты с кодами участников теперь проверяются.');
}
