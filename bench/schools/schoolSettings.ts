// What a curator types into «Обязательно заполнить» before the programme can make documents: the
// school's own names (the defaults are empty). The benches' schools and the tests' fixtures fill them.
import type { CellValue } from '../../src/core/table';

export const SCHOOL_SETTINGS: Record<string, CellValue> = {
  'Документы: наименование организации': 'МОУ «Средняя общеобразовательная школа № 1»',
  'Документы: населённый пункт': 'г. Тверь',
  'Документы: ФИО руководителя': 'Сергеева Елена Викторовна',
  'Документы: ФИО куратора': 'Кузнецова Ольга Игоревна',
  'Отчёты: название школы': 'Школа № 1',
};

/** The required settings with the curator's address. */
export const schoolSettingsFor = (curatorEmail: string): Record<string, CellValue> => ({
  ...SCHOOL_SETTINGS,
  'Почта: адрес куратора': curatorEmail,
});
