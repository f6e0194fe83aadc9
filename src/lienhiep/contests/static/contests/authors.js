/* The authors of a public contest entry: "Add an author" and "Remove the last author" (1 to max).
   Written for lienhiep; no inline script, so it runs under a strict Content-Security-Policy. */
(function () {
  "use strict";

  function setUp(box) {
    var list = box.querySelector("[data-author-list]");
    var template = box.querySelector("template[data-author-template]");
    var total = box.querySelector("input[name$='-TOTAL_FORMS']");
    var add = box.querySelector("[data-add-author]");
    var remove = box.querySelector("[data-remove-author]");
    var min = parseInt(box.getAttribute("data-min"), 10);
    var max = parseInt(box.getAttribute("data-max"), 10);

    function count() {
      return list.querySelectorAll("[data-author]").length;
    }

    function refresh() {
      total.value = count();
      add.hidden = count() >= max;
      remove.hidden = count() <= min;
    }

    add.addEventListener("click", function () {
      var n = count();
      var html = template.innerHTML.replace(/__prefix__/g, String(n)).replace(/__num__/g, String(n + 1));
      list.insertAdjacentHTML("beforeend", html);
      refresh();
      list.lastElementChild.querySelector("input").focus();
    });

    remove.addEventListener("click", function () {
      var authors = list.querySelectorAll("[data-author]");
      authors[authors.length - 1].remove();
      refresh();
      (add.hidden ? remove : add).focus();
    });

    refresh();
  }

  document.querySelectorAll("[data-authors]").forEach(setUp);
})();
