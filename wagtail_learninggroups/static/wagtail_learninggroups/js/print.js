// The print view's Print button: shown, and working, only where scripts run.
(function () {
  "use strict";
  document.querySelectorAll("button[data-lg-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
