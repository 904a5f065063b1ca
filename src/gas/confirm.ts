// Questions before work that is hard to undo: what will happen and to how many rows, answered «Да» or
// «Нет» in a dialog of the workbook.
export function confirmed(title: string, text: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, text, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** A message the curator must read, with only «ОК». */
export function explain(title: string, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}
