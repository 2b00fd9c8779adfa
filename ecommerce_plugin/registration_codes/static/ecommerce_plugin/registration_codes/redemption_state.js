/*
 * The redemption page while the enrollment is being made: fetch the same page again, backing
 * off from one second to one request every 15 s, and put its answer in place (the state is a
 * polite live region, so screen readers hear it) once the LMS has enrolled or refused the
 * learner. After ten minutes it stops and shows the page's "check later" note.
 */
(function () {
  "use strict";
  var state = document.querySelector(".redemption-state[data-status='pending']");
  if (!state) { return; }
  var delay = parseInt(state.getAttribute("data-poll-ms") || "1000", 10);
  var maxDelay = 15000;
  var giveUpAfter = parseInt(state.getAttribute("data-give-up-ms") || "600000", 10);
  var startedAt = Date.now();

  function schedule(factor) {
    delay = Math.min(delay * factor, maxDelay);
    if (Date.now() - startedAt >= giveUpAfter) {
      var stopped = document.querySelector("[data-redemption-stopped]");
      if (stopped) { stopped.hidden = false; }
      return;
    }
    window.setTimeout(check, delay);
  }

  function check() {
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".redemption-state");
        var status = fresh && fresh.getAttribute("data-status");
        if (!status || status === "pending") { schedule(1.5); return; }
        state.setAttribute("data-status", status);
        state.innerHTML = fresh.innerHTML;
      })
      .catch(function () { schedule(2); });  // the shop is struggling: back off harder
  }

  schedule(1);
}());
