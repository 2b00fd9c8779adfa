/*
 * The LMS course+user discount on the basket page (docs/decisions/0004-discounts.rst).
 *
 * With one seat and no token, ask the LMS (with the learner's LMS cookies, 2 s timeout) and, if a
 * discount applies, post the token to the shop (it keeps it in the learner's session: no token in a
 * URL, so none in access logs) and reload: the server verifies it and prices the basket.
 * A refused token: the server already shows why and the full price; nothing to do here.
 * An applied token: shortly before it expires, fetch a fresh one so payment still verifies.
 */
(function () {
  "use strict";
  var banner = document.getElementById("commerce-lms-discount");
  if (!banner || !window.fetch) { return; }
  var state = banner.getAttribute("data-state");
  var endpoint = banner.getAttribute("data-endpoint");
  var tokenUrl = banner.getAttribute("data-token-url");
  var csrf = banner.getAttribute("data-csrf");
  var TIMEOUT_MS = 2000;
  // Rendered with the page's scripts; shown where the learner looks: above the basket.
  var anchor = document.getElementById("content_inner") || document.querySelector("main");
  if (anchor && anchor.firstChild) { anchor.insertBefore(banner, anchor.firstChild); }

  function askLms() {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    return fetch(endpoint, {
      credentials: "include",
      headers: { "Accept": "application/json" },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () {
      return null;  // LMS down, slow or refusing: the full price stays.
    }).finally(function () {
      if (timer) { clearTimeout(timer); }
    });
  }

  function reloadWith(token) {
    if (!tokenUrl) { return; }
    fetch(tokenUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": csrf },
      body: new URLSearchParams({ discount_jwt: token }).toString()
    }).then(function (response) {
      if (response.ok) { window.location.reload(); }
    }).catch(function () { /* the full price stays */ });
  }

  function applyIfApplicable(body) {
    if (body && body.discount_applicable === true && typeof body.jwt === "string" && body.jwt) {
      reloadWith(body.jwt);
    }
  }

  if (state === "ask" && endpoint) {
    banner.setAttribute("data-asking", "true");
    askLms().then(function (body) {
      banner.setAttribute("data-asking", "done");
      applyIfApplicable(body);
    });
  } else if (state === "applied" && endpoint) {
    var expires = parseInt(banner.getAttribute("data-expires"), 10);
    if (expires) {
      var refreshIn = Math.max(0, expires * 1000 - Date.now() - 30000);
      setTimeout(function () { askLms().then(applyIfApplicable); }, refreshIn);
    }
  }
}());
