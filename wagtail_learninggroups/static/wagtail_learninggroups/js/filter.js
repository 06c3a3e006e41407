// A filter box over a list: shows the items whose text holds what is typed, and their groups.
// Without this script the box stays hidden and the whole list shows.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  document.querySelectorAll("input[data-lg-filter]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("data-lg-filter"));
    if (!list) return;
    input.closest("[hidden]") && input.closest("[hidden]").removeAttribute("hidden");
    var empty = list.querySelector("[data-lg-filter-empty]");
    input.addEventListener("input", function () {
      var wanted = fold(input.value);
      var shown = 0;
      list.querySelectorAll("[data-lg-filter-group]").forEach(function (group) {
        var visible = 0;
        group.querySelectorAll("[data-lg-filter-item]").forEach(function (item) {
          var match = !wanted || fold(item.textContent).indexOf(wanted) !== -1;
          item.hidden = !match;
          visible += match ? 1 : 0;
        });
        group.hidden = visible === 0;
        shown += visible;
      });
      if (empty) empty.hidden = shown !== 0;
    });
  });
})();
