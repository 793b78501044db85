/* "Add a row" for Django formsets: copies the blank row kept in a <template>, numbering its fields with
   the next free index and counting it in TOTAL_FORMS, so a form offers as many rows as the user needs. */
(function () {
  "use strict";
  document.querySelectorAll("[data-formset]").forEach(function (fieldset) {
    var prefix = fieldset.getAttribute("data-formset");
    var total = fieldset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var template = fieldset.querySelector("template[data-formset-empty]");
    var rows = fieldset.querySelector("[data-formset-rows]");
    var button = fieldset.querySelector("[data-formset-add]");
    if (!total || !template || !rows || !button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var added = rows.lastElementChild.querySelector("input, select, textarea");
      if (added) { added.focus(); }
    });
  });
}());
