/* The main menu folds behind a "Menu" button on narrow screens so the page's own content starts on the
   first screen. Without JavaScript the button stays hidden and the menu stays open: nothing is lost. */
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", open ? "false" : "true");
  });
}());
