// Names of the workbook's sheets. Users see these tabs; code never uses sheet positions.
export const SHEETS = {
  settings: 'Настройки',
  mentors: 'Наставники',
  mentees: 'Наставляемые',
  consents: 'Согласия',
  networking: 'Встречи-знакомства',
  preferences: 'Выбор после встречи',
  pairs: 'Пары',
  meetings: 'Встречи',
  documents: 'Документы',
  orders: 'Приказы',
  mail: 'Почта',
  journal: 'Журнал',
  intake: 'Приём анкет',
  monitoring: 'Мониторинг',
  surveys: 'Опросы',
} as const;
export type SheetKey = keyof typeof SHEETS;
