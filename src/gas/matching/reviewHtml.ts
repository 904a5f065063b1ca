// Markup of the review sidebar. Data goes into the page only through textContent, never as HTML,
// so a name or an explanation cannot inject markup.
export const REVIEW_HTML = `<!DOCTYPE html>
<html lang="ru">
<head>
<base target="_top">
<meta charset="utf-8">
<style>
  body { font: 13px Arial, sans-serif; margin: 8px; color: #202124; }
  h2 { font-size: 14px; margin: 12px 0 4px; }
  .group { border: 1px solid #dadce0; border-radius: 6px; padding: 6px 8px; margin-bottom: 8px; }
  .mentor { font-weight: bold; }
  .pair { border-top: 1px solid #eee; padding: 4px 0; }
  .why { color: #5f6368; font-size: 12px; }
  .problem { color: #c5221f; font-size: 12px; }
  .state { font-size: 11px; padding: 1px 4px; border-radius: 3px; background: #e8f0fe; }
  .state.locked { background: #e6f4ea; } .state.rejected { background: #fce8e6; }
  button { font-size: 12px; margin: 2px 4px 0 0; }
  #status { min-height: 16px; color: #5f6368; }
</style>
</head>
<body>
<div>
  <button id="rerun" data-testid="rerun">Подобрать заново</button>
  <button id="refresh" data-testid="refresh">Обновить</button>
</div>
<div id="status" data-testid="status"></div>
<div id="problems"></div>
<h2>Пары и группы</h2>
<div id="groups" data-testid="groups"></div>
<h2>Без пары</h2>
<div id="unmatched" data-testid="unmatched"></div>
<script>
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function status(text) { document.getElementById('status').textContent = text; }
function fail(e) { status('Ошибка: ' + (e && e.message ? e.message : e)); }
function call(name, args) {
  status('Подождите…');
  var runner = google.script.run.withSuccessHandler(function () {
    status('Готово.');
    load();
  }).withFailureHandler(fail);
  runner[name].apply(runner, args);
}
function button(text, testid, onClick) {
  var b = el('button', '', text);
  b.setAttribute('data-testid', testid);
  b.addEventListener('click', onClick);
  return b;
}
function render(data) {
  var groups = document.getElementById('groups');
  groups.textContent = '';
  data.groups.forEach(function (g) {
    var box = el('div', 'group');
    box.setAttribute('data-mentor', g.mentorId);
    var active = g.pairs.filter(function (p) { return p.state !== 'rejected'; }).length;
    box.appendChild(el('div', 'mentor', g.mentor + ' (' + g.mentorId + '), наставляемых ' + active + ' из ' + g.capacity));
    g.pairs.forEach(function (p) {
      var row = el('div', 'pair');
      row.setAttribute('data-pair', p.id);
      row.setAttribute('data-state', p.state);
      row.appendChild(el('span', '', p.mentee + ' (' + p.menteeId + '), ' + p.form + ' — ' + p.score + ' б. '));
      row.appendChild(el('span', 'state ' + p.state, p.stateLabel));
      row.appendChild(el('div', 'why', p.explanation));
      if (p.problem) row.appendChild(el('div', 'problem', p.problem));
      if (p.state === 'proposed' || p.state === 'rejected')
        row.appendChild(button('Закрепить', 'lock', function () { call('setPairState', [p.id, 'locked']); }));
      if (p.state === 'proposed' || p.state === 'locked')
        row.appendChild(button('Отклонить', 'reject', function () { call('setPairState', [p.id, 'rejected']); }));
      if (p.state === 'locked' || p.state === 'rejected')
        row.appendChild(button('Вернуть в предложенные', 'unlock', function () { call('setPairState', [p.id, 'proposed']); }));
      box.appendChild(row);
    });
    groups.appendChild(box);
  });
  if (data.groups.length === 0) groups.appendChild(el('div', 'why', 'Пар пока нет: нажмите «Подобрать заново».'));
  var un = document.getElementById('unmatched');
  un.textContent = '';
  data.unmatched.forEach(function (u) {
    var row = el('div', 'pair', u.mentee + ' (' + u.menteeId + '): ' + u.reason);
    row.setAttribute('data-mentee', u.menteeId);
    un.appendChild(row);
  });
  if (data.unmatched.length === 0) un.appendChild(el('div', 'why', 'Все наставляемые в парах.'));
  var pr = document.getElementById('problems');
  pr.textContent = '';
  data.problems.forEach(function (t) { pr.appendChild(el('div', 'problem', t)); });
}
function load() {
  google.script.run.withSuccessHandler(render).withFailureHandler(fail).pairsReviewData();
}
document.getElementById('rerun').addEventListener('click', function () { call('rerunMatching', []); });
document.getElementById('refresh').addEventListener('click', load);
load();
</script>
</body>
</html>
`;
