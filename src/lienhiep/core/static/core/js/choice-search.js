/* The searchable checkbox list (core/widgets.py): typing hides the options whose label,
   without diacritics, lacks a word typed. */
(function () {
  "use strict";

  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
  }

  document.addEventListener("input", function (event) {
    var query = event.target;
    if (!query.classList || !query.classList.contains("choice-search__query")) {
      return;
    }
    var words = fold(query.value).split(/\s+/).filter(Boolean);
    var box = query.closest("[data-choice-search]");
    box.querySelectorAll("[data-choice]").forEach(function (item) {
      var text = item.getAttribute("data-choice");
      item.hidden = !words.every(function (word) {
        return text.indexOf(word) !== -1;
      });
    });
  });
})();
