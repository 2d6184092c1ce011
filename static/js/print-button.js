// Print views: a "Drukāt" button where the browser can print from a page (phones included);
// the text beside it stays for browsers where it cannot.
(function () {
  "use strict";
  if (typeof window.print !== "function") return;
  Array.prototype.forEach.call(document.querySelectorAll("[data-print-button]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
