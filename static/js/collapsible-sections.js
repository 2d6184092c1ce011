// Phones: a long page folds into its h2 sections, each opened by a button in its heading.
// Without this script (or on wide screens) every section stays open. A link to anything
// inside a folded section (the table of contents, a search result's #anchor) opens it, and so
// does the browser's find-in-page where it supports hidden="until-found".
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 47.99rem)").matches) return;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.collapsible"));
  if (sections.length < 3) return;

  function setOpen(section, open) {
    var button = section.querySelector(".collapsible__toggle");
    var body = section.querySelector(".collapsible__body");
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      body.removeAttribute("hidden");
    } else {
      body.setAttribute("hidden", "onbeforematch" in document.body ? "until-found" : "");
    }
  }

  sections.forEach(function (section, index) {
    var heading = section.querySelector("h2");
    var body = section.querySelector(".collapsible__body");
    if (!heading || !body) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "collapsible__toggle";
    body.id = body.id || "section-body-" + index;
    button.setAttribute("aria-controls", body.id);
    while (heading.firstChild) button.appendChild(heading.firstChild);
    heading.appendChild(button);
    button.addEventListener("click", function () {
      setOpen(section, button.getAttribute("aria-expanded") !== "true");
    });
    body.addEventListener("beforematch", function () { setOpen(section, true); });
    setOpen(section, false);
  });

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var section = target && target.closest("section.collapsible");
    if (!section || !section.querySelector(".collapsible__toggle")) return;
    setOpen(section, true);
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
