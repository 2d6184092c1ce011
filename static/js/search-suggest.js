/* Search autocomplete, a progressive enhancement: titles from the suggest API in a datalist.
   The page works without it. Owned by the search app. */
(function () {
  var input = document.getElementById("page-search");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var endpoint = list.getAttribute("data-endpoint");
  input.setAttribute("list", "search-suggestions");
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var value = input.value.trim();
    if (value.length < 2) { list.textContent = ""; return; }
    timer = setTimeout(function () {
      fetch(endpoint + "?q=" + encodeURIComponent(value))
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          list.textContent = "";
          data.suggestions.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 200);
  });
})();
