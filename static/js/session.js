// The idle warning (WCAG 2.2.1 Timing Adjustable). The server ends a session after a set time
// without requests (bedoeling/middleware.py); a minute before, this opens the dialog in
// templates/_session_warning.html with a button that extends the session. Without JavaScript
// the session still ends on the server and the login page says so.
(function () {
  "use strict";

  function start() {
    var dialog = document.getElementById("session-warning");
    if (!dialog || typeof dialog.showModal !== "function") {
      return;
    }
    var warning = Number(dialog.dataset.warningSeconds) * 1000;
    var form = dialog.querySelector("form");
    var button = form.querySelector("button");
    var warnTimer = null;
    var endTimer = null;

    function ended() {
      // The server has ended the session by now: this visit shows the login page, saying why.
      window.location.assign(dialog.dataset.endedUrl || window.location.pathname);
    }

    function warn() {
      if (!dialog.open) {
        dialog.showModal();
      }
      button.focus();
    }

    // secondsLeft: until the server ends the session, as it said in the page or in the
    // X-Session-Seconds-Left header of the last response.
    function schedule(secondsLeft) {
      var left = Number(secondsLeft) * 1000;
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      warnTimer = window.setTimeout(warn, Math.max(0, left - warning));
      endTimer = window.setTimeout(ended, left + 1000);
    }

    function scheduleFrom(headers) {
      var left = headers.get
        ? headers.get("X-Session-Seconds-Left")
        : headers.getResponseHeader("X-Session-Seconds-Left");
      if (left !== null && left !== "") {
        schedule(left);
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window
        .fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { "X-Requested-With": "fetch" },
          redirect: "manual",
        })
        .then(function (response) {
          if (response.status === 204) {
            dialog.close();
            scheduleFrom(response.headers);
          } else {
            ended();
          }
        })
        .catch(ended);
    });

    // Every htmx request is activity for the server too.
    document.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail && event.detail.xhr) {
        scheduleFrom(event.detail.xhr);
      }
    });
    schedule(dialog.dataset.secondsLeft);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
