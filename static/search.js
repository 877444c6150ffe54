// The search page: a plain form over Pagefind's search API and the index the build made.
// Needs JavaScript; without it the page says so and points to the index of names.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) { return; }
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var bundle = new URL(form.dataset.bundle, location.href);
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (module) {
        // Result links relative to where the site is served (a project subpath works).
        return module.options({ baseUrl: new URL("../", bundle).pathname }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function show(results) {
    list.textContent = "";
    status.textContent = results.length ? form.dataset.count + " " + results.length : form.dataset.none;
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var excerpt = document.createElement("p");
      // Pagefind's excerpt is the page's own text with the matches in <mark>: keep only those marks.
      excerpt.innerHTML = data.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, "");
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function run() {
    var query = input.value.trim();
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    load().then(function (module) { return module.search(query); })
      .then(function (search) { return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })); })
      .then(show);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(input.timer); input.timer = setTimeout(run, 250); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
