// Progressive enhancement only: every page is complete without this file.
(function () {
  "use strict";
  var views = document.querySelectorAll(".views a[data-view]");
  var current = document.body.className.replace(/^.*view-(\S+).*$/, "$1");
  // Remember the reader's view. The switch links are real URLs; this records the choice and
  // takes a returning reader to the same page in the view they chose last.
  var preferred = null;
  try { preferred = localStorage.getItem("edition-view"); } catch (e) { /* storage blocked */ }
  if (preferred && preferred !== current) {
    for (var i = 0; i < views.length; i++) {
      if (views[i].dataset.view === preferred) { location.replace(views[i].href + location.hash); return; }
    }
  }
  views.forEach(function (link) {
    link.addEventListener("click", function () {
      try { localStorage.setItem("edition-view", link.dataset.view); } catch (e) { /* storage blocked */ }
    });
  });
  // Hover or focus on a block highlights it with its counterpart (both halves of a pair).
  document.querySelectorAll(".pair").forEach(function (pair) {
    var on = function () { pair.classList.add("active"); };
    var off = function () { pair.classList.remove("active"); };
    pair.addEventListener("mouseenter", on);
    pair.addEventListener("mouseleave", off);
    pair.addEventListener("focusin", on);
    pair.addEventListener("focusout", off);
  });
})();
