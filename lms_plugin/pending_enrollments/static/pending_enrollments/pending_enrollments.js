/*
 * Pending enrollments on the dashboard: poll the status endpoint and turn each pending entry
 * active in place (note removed, course link enabled) as soon as its enrollment is fulfilled.
 *
 * Markup: an element with data-pending-course-id="<course key>", inside it an <a data-pending-link
 * data-href="..."> without href while pending, a [data-pending-note] and optionally a
 * [data-pending-mode] showing the mode (an upgrade keeps its link). The status URL is read
 * from document.body's data-pending-status-url (or the first element carrying it), the note of a
 * failed fulfillment from its data-pending-failed-note.
 */
(function () {
  "use strict";
  var holder = document.querySelector("[data-pending-status-url]");
  if (!holder) { return; }
  var statusUrl = holder.getAttribute("data-pending-status-url");
  var interval = parseInt(holder.getAttribute("data-pending-poll-ms") || "1000", 10);
  var maxInterval = 15000;

  function pendingEntries() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-pending-course-id].pending"));
  }

  function activate(entry, result) {
    entry.classList.remove("pending");
    entry.classList.add("active");
    entry.setAttribute("data-enrollment-status", "active");
    var link = entry.querySelector("[data-pending-link]");
    if (link) {
      link.setAttribute("href", link.getAttribute("data-href"));
      link.removeAttribute("aria-disabled");
      link.classList.remove("disabled");
    }
    var mode = entry.querySelector("[data-pending-mode]");
    if (mode && result.mode) { mode.textContent = "(" + result.mode + ")"; }
    var note = entry.querySelector("[data-pending-note]");
    if (note) { note.parentNode.removeChild(note); }
  }

  // Fulfillment failed for good: say so (support was told); keep polling, a staff retry may fix it.
  function fail(entry) {
    if (entry.getAttribute("data-enrollment-status") === "failed") { return; }
    entry.setAttribute("data-enrollment-status", "failed");
    var note = entry.querySelector("[data-pending-note]");
    var text = holder.getAttribute("data-pending-failed-note");
    if (note && text) { note.textContent = text; }
  }

  function poll() {
    var entries = pendingEntries();
    if (!entries.length) { return; }
    var query = entries.map(function (entry) {
      return "course_id=" + encodeURIComponent(entry.getAttribute("data-pending-course-id"));
    }).join("&");
    fetch(statusUrl + "?" + query, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (body) {
        (body.results || []).forEach(function (result) {
          entries.forEach(function (entry) {
            if (entry.getAttribute("data-pending-course-id") !== result.course_id) { return; }
            if (result.status === "active") { activate(entry, result); }
            else if (result.fulfillment_failed) { fail(entry); }
          });
        });
        window.setTimeout(poll, interval);
      })
      .catch(function () {
        interval = Math.min(interval * 2, maxInterval);  // the LMS is struggling: back off
        window.setTimeout(poll, interval);
      });
  }

  window.setTimeout(poll, interval);
}());
