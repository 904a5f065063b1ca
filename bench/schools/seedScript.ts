// A small script run in the offline workspace next to the bundle (same workbook on disk): it plays
// the curator and the other features, writing rows into sheets by header, as a person would.
export const SEED_SCRIPT = `
function sheetOf(name) {
  var book = SpreadsheetApp.getActive();
  return book.getSheetByName(name) || book.insertSheet(name);
}
function headersOf(sheet, wanted) {
  var last = sheet.getLastColumn();
  var headers = last > 0 ? sheet.getRange(1, 1, 1, last).getValues()[0].map(String) : [];
  var missing = wanted.filter(function (h) { return headers.indexOf(h) < 0; });
  if (missing.length) {
    sheet.getRange(1, headers.length + 1, 1, missing.length).setValues([missing]);
    headers = headers.concat(missing);
  }
  return headers;
}
function appendRecords(name, records) {
  var sheet = sheetOf(name);
  var keys = [];
  records.forEach(function (r) { Object.keys(r).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
  var headers = headersOf(sheet, keys);
  var rows = records.map(function (r) { return headers.map(function (h) { return h in r ? r[h] : ''; }); });
  var start = Math.max(sheet.getLastRow(), 1) + 1;
  var missing = start + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(start, 1, rows.length, headers.length).setValues(rows);
}
function setWhere(name, keyHeader, key, header, value) {
  var sheet = sheetOf(name);
  var values = sheet.getDataRange().getValues();
  var k = values[0].indexOf(keyHeader), c = values[0].indexOf(header);
  for (var i = 1; i < values.length; i++) {
    if (String(values[i][k]) === key) sheet.getRange(i + 1, c + 1).setValue(value);
  }
}
function readSheet(name) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(name);
  if (!sheet) return [];
  var values = sheet.getDataRange().getValues();
  var headers = values[0].map(String);
  return values.slice(1).map(function (row) {
    var o = {};
    headers.forEach(function (h, i) { o[h] = row[i] instanceof Date ? row[i].toISOString() : row[i]; });
    return o;
  });
}
`;
