// Google's texts for what SpreadsheetApp refuses, word for word (scripts and tests match on them).
export const MESSAGES = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  openByUrl: 'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
  badA1: 'Range not found',
  noActive: 'Cannot call SpreadsheetApp.getUi() from this context.',
  lastSheet: "You can't remove all the sheets in a document.",
  sheetDeleted: 'This sheet has been deleted.',
};
