// «Настроить программу»: creates what the school needs and is safe to run again.
import { SHEETS } from '../core/sheets';
import { withScriptLock } from './lock';
import { ensureSheet } from './sheetTable';

export interface SetupReport {
  sheets: string[];
}

export function runSetup(): SetupReport {
  return withScriptLock(() => {
    const created: string[] = [];
    ensureSheet(SHEETS.journal, ['Когда', 'Событие', 'Кто', 'Подробности', 'Ссылка на ответ']);
    created.push(SHEETS.journal);
    return { sheets: created };
  });
}
