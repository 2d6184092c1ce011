// The admin's concept chooser: typing in its box hides the concepts (and topic groups) that
// do not match; diacritics are optional, as in the search.
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function filter(box) {
    var chooser = box.closest("[data-concept-chooser]");
    var wanted = fold(box.value.trim());
    chooser.querySelectorAll("input[type=checkbox]").forEach(function (checkbox) {
      var row = checkbox.closest("div");
      var shown = !wanted || checkbox.checked || fold(row.textContent).indexOf(wanted) !== -1;
      row.hidden = !shown;
    });
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches("[data-concept-filter]")) {
      filter(event.target);
    }
  });
})();
