// The last page of the Facebook pop-up, on the dashboard's origin: tells the dashboard that opened it (and only a
// window on the dashboard's origin) that the Facebook login finished, then closes. The outcome stays on the server.
(function () {
  "use strict";
  var appOrigin = document.currentScript.dataset.appOrigin;
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage({ type: "linkwright:facebook-login", outcome: "finished" }, appOrigin);
    window.close();
  }
})();
