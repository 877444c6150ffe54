// Progressive enhancement only: every page is complete without this file.
(function () {
  "use strict";
  // Remember the reader's view: the switch links are real URLs; this only records the choice.
  document.querySelectorAll(".views a[data-view]").forEach(function (link) {
    link.addEventListener("click", function () {
      try { localStorage.setItem("edition-view", link.dataset.view); } catch (e) { /* private mode */ }
    });
  });
  // Hover or focus on a block highlights it and its counterpart (the two halves of a pair).
  document.querySelectorAll(".pair").forEach(function (pair) {
    var on = function () { pair.classList.add("active"); };
    var off = function () { pair.classList.remove("active"); };
    pair.addEventListener("mouseenter", on);
    pair.addEventListener("mouseleave", off);
    pair.addEventListener("focusin", on);
    pair.addEventListener("focusout", off);
  });
})();
