// Markup of the first-run wizard. Fields are built from setupWizardData() through textContent and
// properties, never as HTML, so a value typed earlier cannot inject markup. Touch targets are 44 px
// and every field has its label, its help and its own message.
export const WIZARD_HTML = `<!DOCTYPE html>
<html lang="ru">
<head>
<base target="_top">
<meta charset="utf-8">
<style>
  body { font: 15px Arial, sans-serif; margin: 0; padding: 12px 16px; color: #202124; }
  p.intro { margin: 0 0 12px; }
  .field { margin: 0 0 14px; }
  label { display: block; font-weight: bold; margin: 0 0 4px; }
  .help { color: #5f6368; font-size: 13px; margin: 0 0 4px; }
  input { box-sizing: border-box; width: 100%; min-height: 44px; font-size: 15px; padding: 8px 10px;
          border: 1px solid #9aa0a6; border-radius: 6px; }
  input[aria-invalid="true"] { border-color: #c5221f; background: #fce8e6; }
  .problem { color: #c5221f; font-size: 13px; margin-top: 4px; min-height: 0; }
  .buttons { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
  button { min-height: 44px; min-width: 44px; font-size: 15px; font-weight: bold; border-radius: 6px;
           padding: 10px 16px; border: 1px solid #1a73e8; }
  button.primary { color: #fff; background: #1a73e8; }
  button.secondary { color: #1a73e8; background: #fff; }
  #status { margin: 10px 0; min-height: 20px; }
  #status.done { color: #137333; font-weight: bold; }
</style>
</head>
<body>
<p class="intro">Эти значения знает только школа: без них программа не подпишет приказы и письма. Остальные параметры можно поменять позже в листе «Настройки».</p>
<form id="wizard" novalidate>
  <div id="fields" data-testid="fields">Загрузка…</div>
  <div id="status" data-testid="status" role="status"></div>
  <div class="buttons">
    <button type="submit" class="primary" data-testid="save">Сохранить</button>
    <button type="button" class="secondary" id="later" data-testid="later">Заполнить позже</button>
  </div>
</form>
<script>
var fields = [];
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function status(text, done) {
  var s = document.getElementById('status');
  s.textContent = text;
  s.className = done ? 'done' : '';
}
function showProblem(key, text) {
  var input = document.getElementById('f-' + key);
  var box = document.getElementById('p-' + key);
  box.textContent = text || '';
  input.setAttribute('aria-invalid', text ? 'true' : 'false');
}
function render(list) {
  fields = list;
  var box = document.getElementById('fields');
  box.textContent = '';
  list.forEach(function (f) {
    var field = el('div', 'field');
    field.setAttribute('data-field', f.key);
    var label = el('label', '', f.label);
    label.htmlFor = 'f-' + f.key;
    var help = el('div', 'help', f.help);
    help.id = 'h-' + f.key;
    var input = document.createElement('input');
    input.id = 'f-' + f.key;
    input.name = f.key;
    input.type = f.type;
    input.value = f.value;
    input.autocomplete = 'off';
    input.setAttribute('aria-describedby', 'h-' + f.key + ' p-' + f.key);
    var problem = el('div', 'problem');
    problem.id = 'p-' + f.key;
    problem.setAttribute('data-testid', 'problem');
    field.appendChild(label);
    field.appendChild(help);
    field.appendChild(input);
    field.appendChild(problem);
    box.appendChild(field);
    showProblem(f.key, f.problem);
  });
  var first = list.filter(function (f) { return f.value === '' || f.problem; })[0];
  if (first) document.getElementById('f-' + first.key).focus();
}
function saved(result) {
  var left = 0;
  fields.forEach(function (f) {
    var text = result.problems[f.key] || '';
    if (text) left++;
    showProblem(f.key, text);
  });
  if (left === 0) {
    status('Готово: обязательные настройки заполнены. Остальное — в листе «Настройки».', true);
    return;
  }
  var kept = result.saved.length ? 'Сохранено: ' + result.saved.length + '. ' : '';
  status(kept + 'Исправьте отмеченные поля: ' + left + '.', false);
  var bad = fields.filter(function (f) { return result.problems[f.key]; })[0];
  if (bad) document.getElementById('f-' + bad.key).focus();
}
function fail(e) { status('Ошибка: ' + (e && e.message ? e.message : e), false); }
document.getElementById('wizard').addEventListener('submit', function (event) {
  event.preventDefault();
  var values = {};
  fields.forEach(function (f) { values[f.key] = document.getElementById('f-' + f.key).value; });
  status('Сохраняю…', false);
  google.script.run.withSuccessHandler(saved).withFailureHandler(fail).saveSetupWizard(values);
});
document.getElementById('later').addEventListener('click', function () { google.script.host.close(); });
google.script.run.withSuccessHandler(render).withFailureHandler(fail).setupWizardData();
</script>
</body>
</html>
`;
