// Menu «Отозвать согласие участника»: a written withdrawal handed to the school. Processing stops and
// the person's data is erased everywhere intake and mail keep it, as when the consent form says so.
import { ruDate } from '../../core/intake/dates';
import { JOURNAL } from '../../core/intake/journal';
import { RAW_LEFT } from '../../core/intake/process';
import { consentSigner, ROLES } from '../../core/model';
import { appendRows } from '../appendRows';
import { withScriptLock } from '../lock';
import { MENU_TITLE } from '../menu';
import { loadContext } from './context';
import { eraseParticipant } from './erase';
import { readFormRegistry } from './formRegistry';
import { selectedParticipant } from './selection';
import { refreshListsInForms } from './setupForms';

/** With an id from code (no question asked); from the menu, the selected row after a confirmation. */
export function withdrawConsent(participantId?: string): string {
  const ui = SpreadsheetApp.getUi();
  const given = typeof participantId === 'string' && participantId !== '';
  const target = given ? participantId : selectedParticipant()?.id;
  if (!target) {
    ui.alert(
      MENU_TITLE,
      'Выделите строку участника на листе «Наставники» или «Наставляемые».',
      ui.ButtonSet.OK,
    );
    return '';
  }
  if (!given) {
    const answer = ui.alert(
      MENU_TITLE,
      `Участник ${target} отозвал согласие письменным заявлением? Его персональные данные будут удалены из таблицы; отменить это нельзя.`,
      ui.ButtonSet.YES_NO,
    );
    if (String(answer) !== 'YES') return '';
  }
  const done = withScriptLock(() => {
    const now = new Date();
    const { ctx, tables } = loadContext('consent', readFormRegistry(), now);
    for (const role of ROLES) {
      const row = ctx.bases[role].find((r) => r.read.participant?.id === target);
      const p = row?.read.participant;
      if (!row || !p) continue;
      if (p.erased) return `Данные участника ${target} уже удалены.`;
      eraseParticipant(
        { role, participantId: p.id, email: p.email, rowNumber: row.rowNumber },
        {
          kind: 'processing',
          decision: 'withdraw',
          signer: consentSigner(p),
          signerName: '',
          participantName: '',
          participantEmail: p.email,
          role,
          at: now,
          responseId: 'письменное заявление',
          participantId: p.id,
        },
        tables,
        now,
      );
      appendRows(JOURNAL, [
        {
          when: now,
          event: 'Согласие на обработку отозвано',
          who: p.id,
          details: `По письменному заявлению; обработка прекращена, персональные данные удалены ${ruDate(now)}. ${RAW_LEFT}`,
          ref: '',
        },
      ]);
      refreshListsInForms();
      return `Согласие участника ${target} отозвано, персональные данные удалены.`;
    }
    return `Участника ${target} нет в базах.`;
  });
  SpreadsheetApp.getActive().toast(done, MENU_TITLE);
  return done;
}
