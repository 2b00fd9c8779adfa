/*
 * The live price of the teacher's CCX buy and upgrade pages (ecommerce_plugin/ccx_purchases/views.py).
 *
 * Without this script the page works as a form: "Recalculate" posts it and the server shows the
 * quote. With it, the slider is shown beside the seat count and every change asks the plugin's
 * quotes API (POST /api/commerce/v1/ccx/quotes/, the page's session and CSRF token) for the amount
 * due, shown in the aria-live price region; a refusal shows the API's (translated) message there.
 * "Add to basket" still posts the form: the server quotes again and is the only price that counts.
 */
(function () {
  "use strict";
  var form = document.getElementById("ccx-form");
  if (!form || !window.fetch) { return; }
  var price = document.getElementById("ccx-price");
  var seats = document.getElementById("ccx-seats");
  var slider = document.getElementById("ccx-seats-slider");
  var sliderRow = document.getElementById("ccx-slider-row");
  var recalculate = document.getElementById("ccx-recalculate");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var purchase = form.getAttribute("data-purchase");
  var sequence = 0;
  var timer = null;

  function show(className, text, amountDue, detail) {
    var p = document.createElement("p");
    p.id = "ccx-amount-due";
    p.className = className;
    if (amountDue !== undefined) {
      p.setAttribute("data-amount-due", amountDue);
    }
    p.textContent = text;
    var shown = [p];
    if (detail) {
      var more = document.createElement("p");
      more.id = "ccx-amount-detail";
      more.textContent = detail;
      shown.push(more);
    }
    price.replaceChildren.apply(price, shown);
  }

  function chosenModules() {
    var modules = [];
    form.querySelectorAll("#ccx-modules input[type=checkbox]").forEach(function (box) {
      if (box.checked) { modules.push(box.value); }
    });
    return modules;
  }

  function quote() {
    var mine = ++sequence;
    var body = { modules: chosenModules(), seats: Number(seats.value) };
    if (purchase) { body.purchase = purchase; } else { body.master_course_id = form.getAttribute("data-master-course"); }
    show("ccx-calculating", form.getAttribute("data-text-calculating"));
    fetch(form.getAttribute("data-quotes-api"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (answer) {
      if (mine !== sequence) { return; }  // a newer change is being priced
      if (answer.ok) {
        // Amounts come formatted by the shop (its currency format), as the server-rendered page shows them.
        var q = answer.json;
        var text = form.getAttribute("data-text-due").replace("%(amount)s", q.amount_due_display);
        var detail = Number(q.amount_paid) > 0 ? form.getAttribute("data-text-detail")
          .replace("%(total)s", q.total_display).replace("%(paid)s", q.amount_paid_display) : "";
        show("ccx-quoted", text, q.amount_due, detail);
      } else {
        show("ccx-refused text-danger", answer.json.message || form.getAttribute("data-text-unavailable"));
        price.firstChild.setAttribute("data-error-code", answer.json.error_code || "");
      }
    }).catch(function () {
      if (mine === sequence) { show("ccx-refused", form.getAttribute("data-text-unavailable")); }
    });
  }

  function soon() {
    // An earlier refusal of the posted form no longer describes what is on screen.
    var stale = document.getElementById("ccx-error");
    if (stale) { stale.remove(); }
    clearTimeout(timer);
    timer = setTimeout(quote, 250);
  }

  sliderRow.hidden = false;
  recalculate.hidden = true;
  slider.addEventListener("input", function () { seats.value = slider.value; soon(); });
  seats.addEventListener("input", function () {
    if (seats.value !== "" && Number(seats.value) <= Number(slider.max)) { slider.value = seats.value; }
    soon();
  });
  form.querySelectorAll("#ccx-modules input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", soon);
  });
})();
