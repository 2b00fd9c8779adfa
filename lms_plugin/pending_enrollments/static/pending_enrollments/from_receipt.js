/*
 * The receipt hand-off page: take the token from the URL fragment (never sent to a server),
 * remove it from the address bar and history, POST it to the LMS, then open the dashboard
 * whatever the answer (a refused token only means nothing shows as pending).
 */
(function () {
  "use strict";
  var body = document.body;
  var dashboard = body.getAttribute("data-dashboard-url");
  var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash || "");
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname);
  }
  if (!match) { window.location.replace(dashboard); return; }
  var form = new URLSearchParams();
  form.append("token", decodeURIComponent(match[1]));
  fetch(body.getAttribute("data-handoff-url"), {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRFToken": body.getAttribute("data-csrf-token"), "Accept": "application/json" },
    body: form
  }).catch(function () { return null; }).then(function () { window.location.replace(dashboard); });
}());
