/*
 * Pending enrollments on the legacy dashboard: poll the status endpoint and turn each pending
 * entry active in place (note removed, course link enabled) as soon as its enrollment is fulfilled.
 *
 * The poll backs off from one second by x1.5 to one request every 15 s (doubling on errors),
 * says "taking longer than usual" after 30 s and stops after 10 minutes (the entries then say to
 * reload later), as the learner-dashboard MFE plugin does. Every change is announced in a polite
 * live region ([data-pending-live], made if the page has none).
 *
 * Markup: an element with data-pending-course-id="<course key>" and class "pending", inside it an
 * <a data-pending-link data-href="..."> without href while pending, a [data-pending-note] and
 * optionally a [data-pending-mode] showing the mode (an upgrade keeps its link). The settings and
 * the (translated) texts are read from the first element carrying data-pending-status-url:
 * data-pending-poll-ms, data-pending-slow-ms, data-pending-give-up-ms, data-pending-failed-note,
 * data-pending-slow-note, data-pending-stopped-note, and the announcements
 * data-pending-ready-announcement, data-pending-upgrade-announcement and
 * data-pending-failed-announcement, where "{course_name}" stands for the course's name.
 */
(function () {
  "use strict";
  var holder = document.querySelector("[data-pending-status-url]");
  if (!holder) { return; }
  var statusUrl = holder.getAttribute("data-pending-status-url");
  var setting = function (name, fallback) {
    var value = parseInt(holder.getAttribute(name) || "", 10);
    return isNaN(value) ? fallback : value;
  };
  var text = function (name) { return holder.getAttribute(name) || ""; };
  var delay = setting("data-pending-poll-ms", 1000);
  var factor = 1.5;
  var maxDelay = 15000;
  var slowAfter = setting("data-pending-slow-ms", 30000);
  var giveUpAfter = setting("data-pending-give-up-ms", 600000);
  var startedAt = Date.now();
  var slow = false;

  var live = document.querySelector("[data-pending-live]");
  if (!live) {
    live = document.createElement("div");
    live.setAttribute("data-pending-live", "");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");
    live.className = "sr sr-only";
    document.body.appendChild(live);
  }

  function announce(lines) {
    if (lines.length) { live.textContent = lines.join(" "); }
  }

  function named(attribute, result) {
    return text(attribute).split("{course_name}").join(result.course_name || result.course_id);
  }

  function pendingEntries() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-pending-course-id].pending"));
  }

  function waitingEntries() {
    return pendingEntries().filter(function (entry) {
      return entry.getAttribute("data-enrollment-status") !== "failed";
    });
  }

  // A second note under the entry's own: "taking longer than usual", then "reload later".
  function showExtraNote(entry, message) {
    var extra = entry.querySelector("[data-pending-extra-note]");
    if (!message) { if (extra) { extra.parentNode.removeChild(extra); } return; }
    if (!extra) {
      extra = document.createElement("p");
      extra.className = "note commerce-pending-slow";
      extra.setAttribute("data-pending-extra-note", "");
      var note = entry.querySelector("[data-pending-note]");
      (note ? note.parentNode : entry).insertBefore(extra, note ? note.nextSibling : null);
    }
    extra.textContent = message;
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
    showExtraNote(entry, "");
  }

  // Fulfillment failed for good: say so (support was told); keep polling, a staff retry may fix it.
  function fail(entry) {
    if (entry.getAttribute("data-enrollment-status") === "failed") { return false; }
    entry.setAttribute("data-enrollment-status", "failed");
    var note = entry.querySelector("[data-pending-note]");
    if (note && text("data-pending-failed-note")) { note.textContent = text("data-pending-failed-note"); }
    showExtraNote(entry, "");
    return true;
  }

  function noteSlowness(lines) {
    if (slow || Date.now() - startedAt < slowAfter || !waitingEntries().length) { return; }
    slow = true;
    waitingEntries().forEach(function (entry) { showExtraNote(entry, text("data-pending-slow-note")); });
    if (text("data-pending-slow-note")) { lines.push(text("data-pending-slow-note")); }
  }

  function schedule(lines) {
    if (!pendingEntries().length) { announce(lines); return; }
    if (Date.now() - startedAt >= giveUpAfter) {
      var stopped = text("data-pending-stopped-note");
      waitingEntries().forEach(function (entry) { showExtraNote(entry, stopped); });
      if (waitingEntries().length && stopped) { lines.push(stopped); }
      announce(lines);
      return;
    }
    announce(lines);
    window.setTimeout(poll, delay);
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
        var lines = [];
        (body.results || []).forEach(function (result) {
          var matching = entries.filter(function (entry) {
            return entry.getAttribute("data-pending-course-id") === result.course_id;
          });
          if (!matching.length) { return; }
          if (result.status === "active") {
            // An upgrade's entry is the listed course (its link never disabled), a new course's has one.
            var upgrade = !matching[0].querySelector("[data-pending-link]");
            matching.forEach(function (entry) { activate(entry, result); });
            lines.push(named(upgrade ? "data-pending-upgrade-announcement" : "data-pending-ready-announcement", result));
          } else if (result.fulfillment_failed) {
            var changed = matching.map(fail).some(Boolean);
            if (changed) { lines.push(named("data-pending-failed-announcement", result)); }
          }
        });
        delay = Math.min(delay * factor, maxDelay);
        noteSlowness(lines);
        schedule(lines);
      })
      .catch(function () {
        delay = Math.min(delay * 2, maxDelay);  // the LMS is struggling: back off harder
        var lines = [];
        noteSlowness(lines);
        schedule(lines);
      });
  }

  window.setTimeout(poll, delay);
}());
