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
  if (!form || !window.fetch || !window.Intl) { return; }
  var price = document.getElementById("ccx-price");
  var seats = document.getElementById("ccx-seats");
  var slider = document.getElementById("ccx-seats-slider");
  var sliderRow = document.getElementById("ccx-slider-row");
  var recalculate = document.getElementById("ccx-recalculate");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var currency = form.getAttribute("data-currency");
  var language = document.documentElement.lang || form.getAttribute("data-language") || "en";
  var purchase = form.getAttribute("data-purchase");
  var sequence = 0;
  var timer = null;

  function money(value) {
    try {
      return new Intl.NumberFormat(language, { style: "currency", currency: currency }).format(Number(value));
    } catch (e) {
      return value + " " + currency;
    }
  }

  function show(className, text, amountDue) {
    var p = document.createElement("p");
    p.id = "ccx-amount-due";
    p.className = className;
    if (amountDue !== undefined) {
      p.setAttribute("data-amount-due", amountDue);
    }
    p.textContent = text;
    price.replaceChildren(p);
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
        var text = form.getAttribute("data-text-due").replace("%(amount)s", money(answer.json.amount_due));
        show("ccx-quoted", text, answer.json.amount_due);
      } else {
        show("ccx-refused text-danger", answer.json.message || form.getAttribute("data-text-unavailable"));
        price.firstChild.setAttribute("data-error-code", answer.json.error_code || "");
      }
    }).catch(function () {
      if (mine === sequence) { show("ccx-refused", form.getAttribute("data-text-unavailable")); }
    });
  }

  function soon() {
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
