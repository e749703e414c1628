// Linking Instagram through Facebook: the Facebook sign-in opens in a pop-up while the dashboard stays behind.
// The pop-up is opened by the click itself (a browser blocks pop-ups opened without one); if the browser blocked it
// anyway, the page says so and offers a button, whose click the browser allows. The pop-up ends on this dashboard's
// own callback page, which posts {type, outcome} here; only a message from this origin is acted on.
(function () {
  "use strict";
  var WINDOW_NAME = "linkwright-facebook-login";
  var FEATURES = "popup,width=620,height=720";
  var MESSAGE_TYPE = "linkwright:facebook-login";

  var main = document.getElementById("facebook-link-form");
  if (!main) {
    return;
  }
  var status = document.getElementById("facebook-popup-status");
  var blocked = document.getElementById("facebook-popup-blocked");
  // the checks this page runs (written by the server; a deliberate regression drops one, or loosens the origin check
  // to the host name: "origin-host")
  var checks = (main.dataset.checks || "").split(/\s+/);
  var popup = null;
  var finished = false;
  var watcher = null;

  function say(text) {
    status.textContent = text;
    status.hidden = false;
  }

  // Opens the (empty) pop-up the form then posts into. Must run inside the click's handler.
  function openPopup() {
    var w = window.open("", WINDOW_NAME, FEATURES);
    if (!w && checks.indexOf("popup") >= 0) {
      status.hidden = true;
      blocked.hidden = false;
      return false;
    }
    blocked.hidden = true;
    popup = w;
    finished = false;
    say("Waiting for Facebook: finish signing in in the pop-up window.");
    watchPopup();
    return true;
  }

  // A pop-up closed before it reported back means the user gave up: say so, and leave the icon ready.
  function watchPopup() {
    clearInterval(watcher);
    watcher = setInterval(function () {
      if (popup && popup.closed) {
        clearInterval(watcher);
        if (!finished) {
          say("The Facebook window was closed before you finished, so nothing was linked. Click the Instagram icon to try again.");
        }
      }
    }, 250);
  }

  document.querySelectorAll("form[data-facebook-popup]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!openPopup()) {
        event.preventDefault();
      }
    });
  });

  window.addEventListener("message", function (event) {
    var foreign = checks.indexOf("origin") >= 0 ? event.origin !== location.origin
        : checks.indexOf("origin-host") >= 0 && new URL(event.origin).hostname !== location.hostname;
    if (foreign) {
      console.warn("Ignored a message from " + event.origin + ": only this dashboard's own pages may report the Facebook login.");
      return;
    }
    var data = event.data;
    if (!data || data.type !== MESSAGE_TYPE || data.outcome !== "finished") {
      return;
    }
    finished = true;
    clearInterval(watcher);
    say("Facebook sign-in finished.");
    location.assign("/social-accounts/instagram/choose");
  });

  // A deep link (?connect=instagram, as in a "Reconnect Instagram" e-mail) starts at once, without a click.
  if (main.hasAttribute("data-autostart")) {
    if (openPopup()) {
      main.submit();
    }
  }
})();
