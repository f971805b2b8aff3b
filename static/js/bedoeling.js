// Small enhancements on top of pages that work without JavaScript (no inline script: the
// Content-Security-Policy forbids it).
(function () {
  "use strict";

  function enhance() {
    // After a refused submit, start at the error summary: its links lead to each field.
    var summary = document.querySelector("[data-autofocus]");
    if (summary) {
      summary.focus();
    }
    // Print buttons need a script; without one the page says how to print instead.
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    document.querySelectorAll("[data-print-hint]").forEach(function (hint) {
      hint.hidden = true;
    });
  }

  // A form swapped in by htmx with its error summary (colleague input): focus the summary.
  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.target;
    var summary = root && root.querySelector ? root.querySelector("[data-autofocus]") : null;
    if (summary) {
      summary.focus();
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
