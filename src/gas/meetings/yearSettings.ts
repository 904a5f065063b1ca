// Settings of the pair's year, read once per run and shared by plans, letters and the web app.

import { INTAKE_SETTINGS } from '../../core/intake/settings';
import { MAIL_TEMPLATE_SETTINGS, resolveTemplates } from '../../core/mail/templates';
import { SCHEDULE_SETTINGS } from '../../core/meetings/settings';
import { readSettingValues } from '../../core/settings';
import { loadSender } from '../mail/sender';
import { loadSettings, readSettingCells } from '../settingsSheet';

export function loadYearSettings() {
  const cells = readSettingCells();
  const schedule = loadSettings(SCHEDULE_SETTINGS, cells);
  const texts = loadSettings(MAIL_TEMPLATE_SETTINGS, cells);
  const templates = resolveTemplates(texts.values as Record<string, string>);
  return {
    sender: loadSender(cells),
    schedule: schedule.values,
    templates: templates.templates,
    // Only the mode: intake reports its own settings' problems.
    dataMode: readSettingValues(INTAKE_SETTINGS, ['dataMode'], cells).dataMode,
    problems: [...schedule.problems, ...texts.problems, ...templates.problems],
  };
}

export type YearSettings = ReturnType<typeof loadYearSettings>;

/** The deployed web app's address for links in letters; empty when the script is not deployed. */
export function webAppUrl(settings: YearSettings): string {
  if (settings.schedule.webAppUrl) return settings.schedule.webAppUrl;
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch {
    return '';
  }
}
