// The search page: Pagefind's UI over the index the build made (needs JavaScript; the
// index pages of names and the figures appendix are the way in without it).
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") { return; }
  // Result links: relative to where the site is served, so a project subpath works.
  var base = new URL(box.dataset.bundle + "../", location.href).pathname;
  new PagefindUI({
    element: "#search",
    bundlePath: box.dataset.bundle,
    baseUrl: base,
    showSubResults: true,
    showImages: false,
    translations: { placeholder: box.dataset.placeholder }
  });
});
