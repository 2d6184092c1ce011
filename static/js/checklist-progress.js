// Guide checklists remember their ticks in this browser (localStorage, nothing is sent to the
// server) and say how many are done. Without the script, or without storage, they are plain
// checkboxes. An item is keyed by the page and its text, so editors may reorder items.
(function () {
  "use strict";
  var storage;
  try {
    storage = window.localStorage;
    storage.setItem("mt-probe", "1");
    storage.removeItem("mt-probe");
  } catch (error) {
    return;
  }
  var prefix = "mt-checklist:" + window.location.pathname + ":";
  Array.prototype.forEach.call(document.querySelectorAll(".checklist"), function (list) {
    var boxes = list.querySelectorAll("input[type=checkbox]");
    var status = list.querySelector(".checklist__progress");
    function keyOf(box) {
      return prefix + box.closest("label").textContent.trim();
    }
    function update() {
      var done = Array.prototype.filter.call(boxes, function (box) { return box.checked; });
      status.textContent = status.getAttribute("data-template")
        .replace("{done}", done.length).replace("{total}", boxes.length);
      status.hidden = false;
    }
    Array.prototype.forEach.call(boxes, function (box) {
      box.checked = storage.getItem(keyOf(box)) === "1";
      box.addEventListener("change", function () {
        if (box.checked) {
          storage.setItem(keyOf(box), "1");
        } else {
          storage.removeItem(keyOf(box));
        }
        update();
      });
    });
    update();
  });
})();
