// The sender of the school's letters, from Настройки (see core/mail/sender.ts).
import { DOCUMENT_SETTINGS } from '../../core/documents/settings';
import { type Sender, senderOf } from '../../core/mail/sender';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { monitoringSettings } from '../../core/monitoring/settings';
import { readSettingValues } from '../../core/settings';
import type { CellValue } from '../../core/table';
import { readSettingCells } from '../settingsSheet';

export function loadSender(cells: ReadonlyMap<string, CellValue> = readSettingCells()): Sender {
  const documents = readSettingValues(DOCUMENT_SETTINGS, ['orgName', 'curatorName'], cells);
  const schedule = readSettingValues(SCHEDULE_SETTINGS, ['curatorEmail', 'curatorPhone'], cells);
  const monitoring = readSettingValues(monitoringSettings, ['schoolName'], cells);
  return senderOf(
    {
      schoolName: monitoring.schoolName,
      orgName: documents.orgName,
      curatorName: documents.curatorName,
      curatorEmail: schedule.curatorEmail,
      curatorPhone: schedule.curatorPhone,
    },
    Session.getEffectiveUser().getEmail(),
  );
}
