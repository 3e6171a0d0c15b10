/**
 * The `google.script.run` and `google.script.host` the real sidebar expects,
 * served in front of dist/Sidebar.html. Calls go to POST /api/run, where the
 * real bundle runs over the emulator. Like the real client: handlers are
 * called asynchronously, a Date or a function in the arguments fails the call,
 * and the failure handler gets an Error carrying the server's message.
 */
const SHIM_SOURCE = String.raw`
(function () {
  'use strict';
  function notifyParent(message) {
    try { if (window.parent && window.parent !== window) window.parent.postMessage(message, window.location.origin); } catch (e) { /* detached */ }
  }
  function forbidden(value, path, seen) {
    if (Object.prototype.toString.call(value) === '[object Date]') return 'a Date (' + path + '); send an ISO string instead';
    if (typeof value === 'function') return 'a function (' + path + ')';
    if (value === null || typeof value !== 'object') return '';
    if (seen.indexOf(value) >= 0) return 'a circular structure (' + path + ')';
    seen.push(value);
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      var found = forbidden(value[keys[i]], path + (Array.isArray(value) ? '[' + keys[i] + ']' : '.' + keys[i]), seen);
      if (found) return found;
    }
    seen.pop();
    return '';
  }
  function later(fn) { Promise.resolve().then(fn); }
  function runner(onSuccess, onFailure, userObject) {
    function fail(message) {
      var error = new Error(message);
      if (onFailure) onFailure(error, userObject);
      else console.error('google.script.run: ' + message);
    }
    return new Proxy({}, {
      get: function (_target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, onFailure, userObject); };
        if (name === 'withFailureHandler') return function (fn) { return runner(onSuccess, fn, userObject); };
        if (name === 'withUserObject') return function (object) { return runner(onSuccess, onFailure, object); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var problem = forbidden(args, 'args', []);
          if (problem) { later(function () { fail('google.script.run cannot pass ' + problem); }); return; }
          var revision;
          fetch('/api/run', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ fn: name, args: args })
          }).then(function (response) {
            return response.json().catch(function () { return { ok: false, error: 'HTTP ' + response.status }; });
          }).then(function (reply) {
            if (reply && typeof reply.revision === 'number') revision = reply.revision;
            if (reply && reply.ok) { if (onSuccess) onSuccess(reply.value, userObject); }
            else fail(reply && reply.error ? String(reply.error) : 'the playground server did not answer');
          }, function (error) {
            fail('the playground server is unreachable: ' + (error && error.message ? error.message : String(error)));
          }).then(function () {
            notifyParent({ type: 'clientbase:ran', fn: name, revision: revision });
          });
        };
      }
    });
  }
  // F6 leaves the sidebar for the page's next region, as it does between a browser's panes.
  if (typeof window.addEventListener === 'function') window.addEventListener('keydown', function (event) {
    if (event.key === 'F6') { event.preventDefault(); notifyParent({ type: 'clientbase:region', back: event.shiftKey }); }
  });
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: window.location.origin,
      close: function () { notifyParent({ type: 'clientbase:close' }); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () { notifyParent({ type: 'clientbase:focus' }); } }
    }
  };
})();
`;

export const SHIM_MARKER = 'data-playground-shim';

/** The page with the shim as the first script of <head>, before anything that could call google.script.run. */
export function injectShim(html: string): string {
  const tag = `<script ${SHIM_MARKER}>${SHIM_SOURCE}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return tag + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}
