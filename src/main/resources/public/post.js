// "Post to Instagram": sends the form to POST /api/post and shows the answer (Ayrshare's shape) under the form, in
// words. A file of its own, not an inline script, so that the page's Content-Security-Policy can forbid inline ones.
(function () {
  "use strict";
  var form = document.getElementById("post-form");
  if (!form) {
    return;
  }
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    var button = form.querySelector("button");
    var result = document.getElementById("result");
    button.disabled = true;
    result.replaceChildren();
    var body;
    try {
      var response = await fetch("/api/post", { method: "POST", body: new FormData(form) });
      body = await response.json();
    } catch (e) {
      body = { status: "error", errors: [{ message: "The dashboard could not be reached. Try again." }] };
    }
    var box = document.createElement("div");
    var title = document.createElement("strong");
    var text = document.createElement("p");
    if (body.status === "success") {
      box.className = "notice success";
      box.setAttribute("role", "status");
      title.textContent = "Posted to Instagram";
      text.textContent = "Your image is on @" + body.postIds[0].username + "'s Instagram (post " + body.postIds[0].id + ").";
    } else {
      box.className = "notice error";
      box.setAttribute("role", "alert");
      title.textContent = "Not posted";
      text.textContent = body.errors.map(function (e) { return e.message; }).join(" ");
    }
    box.append(title, text);
    result.append(box);
    button.disabled = false;
  });
})();
