// The browser side of google.script.*: each google.script.run call is a POST to the workspace
// server, which runs that top-level function of the bundle as one execution and answers in JSON.
export const GOOGLE_SCRIPT_SHIM = `<script>
(function () {
  function formToObject(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
      if (data[el.name] === undefined) data[el.name] = el.value;
      else data[el.name] = [].concat(data[el.name], el.value);
    });
    return data;
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function () {
          var args = Array.prototype.map.call(arguments, function (a) {
            return typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement ? formToObject(a) : a;
          });
          fetch('/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              if (res.ok) { if (success) success(res.value, userObject); return; }
              var error = new Error(res.error);
              error.name = 'ScriptError';
              if (failure) failure(error, userObject); else console.error(error);
            }, function (err) { if (failure) failure(err, userObject); else console.error(err); });
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () { fetch('/close', { method: 'POST' }).then(function () { document.body.innerHTML = ''; }); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} }
    },
    url: { getLocation: function (cb) { cb({ hash: location.hash.slice(1), parameter: {}, parameters: {} }); } }
  };
})();
</script>`;

const escapeAttribute = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Puts the shim before anything the page's own scripts could run. `metaTags` are those of
 * HtmlOutput.addMetaTag: Google sets them on the top page around the app's frame and ignores a
 * viewport tag inside the app's HTML, so that one is dropped here and these are put in the head.
 */
export function withShim(
  given: string,
  title: string,
  metaTags: ReadonlyArray<{ name: string; content: string }> = [],
): string {
  const html = given.replace(/<meta\s+name=["']?viewport["']?[^>]*>/gi, '');
  const metas = metaTags
    .map((m) => `<meta name="${escapeAttribute(m.name)}" content="${escapeAttribute(m.content)}">`)
    .join('');
  const titleTag =
    (/<title>/i.test(html) || !title ? '' : `<title>${title.replace(/</g, '&lt;')}</title>`) + metas;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) +
      titleTag +
      GOOGLE_SCRIPT_SHIM +
      html.slice(head.index + head[0].length)
    );
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${titleTag}${GOOGLE_SCRIPT_SHIM}</head><body>${html}</body></html>`;
}
