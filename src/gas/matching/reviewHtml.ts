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
  button { font-size: 12px; margin: 2px 4px 0 0; min-height: 32px; }
  button.approve { font-weight: bold; color: #fff; background: #1a73e8; border: 0; border-radius: 4px; padding: 0 10px; }
  button:disabled { opacity: 0.5; }
  #summary { background: #f1f3f4; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
  #summary div { margin: 2px 0; }
  #status { min-height: 16px; color: #5f6368; white-space: pre-line; }
</style>
</head>
<body>
<div>
  <button id="rerun" data-testid="rerun">Подобрать заново</button>
  <button id="refresh" data-testid="refresh">Обновить</button>
  <button id="approve" class="approve" data-testid="approve">Утвердить пары</button>
</div>
<div id="summary" data-testid="summary"></div>
<div id="status" data-testid="status"></div>
<div id="problems"></div>
<h2>Пары и группы</h2>
<div id="groups" data-testid="groups"></div>
<h2>Наставляемые без пары</h2>
<div id="unmatched" data-testid="unmatched"></div>
<h2>Наставники без пары или со свободными местами</h2>
<div id="idle" data-testid="idle"></div>
<script>
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
/** A list of people left out, each «name (id): reason», or \`empty\` when there is nobody. */
function people(id, list, attribute, empty, nameAndId) {
  var box = document.getElementById(id);
  box.textContent = '';
  list.forEach(function (p) {
    var who = nameAndId(p);
    var row = el('div', 'pair', who[0] + ' (' + who[1] + '): ' + p.reason);
    row.setAttribute(attribute, who[1]);
    box.appendChild(row);
  });
  if (list.length === 0) box.appendChild(el('div', 'why', empty));
}
function status(text) { document.getElementById('status').textContent = text; }
function fail(e) { status('Ошибка: ' + (e && e.message ? e.message : e)); }
function call(name, args) {
  status('Подождите…');
  var runner = google.script.run.withSuccessHandler(function (answer) {
    status(typeof answer === 'string' && answer ? answer : 'Готово.');
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
function summary(s) {
  var box = document.getElementById('summary');
  box.textContent = '';
  box.appendChild(el('div', '', 'Ждут утверждения пар: ' + s.waiting + ' (закреплено вами: ' + s.locked + '), групп у одного наставника: ' + s.groups + '.'));
  if (s.approved > 0) box.appendChild(el('div', '', 'Уже утверждено пар: ' + s.approved + '.'));
  box.appendChild(el('div', '', 'Без пары: наставляемых — ' + s.unmatchedMentees + ', наставников — ' + s.idleMentors + '.'));
  document.getElementById('approve').disabled = s.waiting === 0;
}
function render(data) {
  summary(data.summary);
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
  people('unmatched', data.unmatched, 'data-mentee', 'Все наставляемые в парах.', function (u) {
    return [u.mentee, u.menteeId];
  });
  people('idle', data.idleMentors, 'data-mentor-idle', 'Все наставники заняты.', function (m) {
    return [m.mentor, m.mentorId];
  });
  var pr = document.getElementById('problems');
  pr.textContent = '';
  data.problems.forEach(function (t) { pr.appendChild(el('div', 'problem', t)); });
}
function load() {
  google.script.run.withSuccessHandler(render).withFailureHandler(fail).pairsReviewData();
}
document.getElementById('rerun').addEventListener('click', function () { call('rerunMatching', []); });
document.getElementById('refresh').addEventListener('click', load);
document.getElementById('approve').addEventListener('click', function () { call('approvePairs', []); });
load();
</script>
</body>
</html>
`;
