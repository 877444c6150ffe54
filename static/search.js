// The search page: a plain form over Pagefind's search API and the index the build made.
// Needs JavaScript; without it the page says so and points to the index of names.
//
// A result is a passage: Pagefind records where each element with an id starts in a page
// (its "anchors"), and a match belongs to the passage (a div with the passage's id) it falls
// in; it links to that passage's permalink. Matches in a page's notes or an entity page are
// results of their own. Counts are what was found, not a cap.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) { return; }
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var bundle = new URL(form.dataset.bundle, location.href);
  var pagefind = null;
  var SHOWN = 50; // results listed at once; the count is of all of them
  var CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef";
  var segmented = new RegExp("([" + CJK + "])\\s+(?=[" + CJK + "])", "g");

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (module) {
        // Result links relative to where the site is served (a project subpath works).
        return module.options({ baseUrl: new URL("../", bundle).pathname }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  // Pagefind segments Chinese into words with spaces: a reader's text has none between characters.
  function unsegment(text) { return text.replace(segmented, "$1").replace(segmented, "$1"); }

  // A passage's name from its id, as the edition writes it ("moyu-p3" -> "Moyu ¶3").
  var KINDS = { h: "headline", d: "deck", s: "subhead", f: "standfirst", c: "caption", r: "credit", m: "masthead", n: "nameplate", o: "footer" };
  function passageName(id) {
    var match = /^(.*)-([a-z])(\d+)$/.exec(id);
    if (!match) { return ""; }
    var article = match[1].replace(/-/g, " ");
    article = article.charAt(0).toUpperCase() + article.slice(1);
    return article + " " + (match[2] === "p" ? "¶" + match[3] : (KINDS[match[2]] || match[2]) + " " + match[3]);
  }

  // The words of a page, and each match's passage: the last passage anchor at or before it.
  function passages(data) {
    // Pagefind counts match locations in its segmented text (raw_content), as its own excerpts do.
    var raw = data.raw_content || data.content;
    var zws = raw.indexOf("\u200B") >= 0;
    var words = zws ? raw.split("\u200B") : raw.split(/[\r\n\s]+/g);
    var anchors = (data.anchors || []).filter(function (a) { return a.element === "div" || a.element === "li" || /^h[1-6]$/.test(a.element); })
      .sort(function (a, b) { return a.location - b.location; });
    var found = {};
    var order = [];
    var locations = (data.weighted_locations || []).map(function (w) { return w.location; });
    if (!locations.length) { locations = data.locations || []; }
    locations.forEach(function (at) {
      var owner = null;
      var end = words.length;
      for (var i = 0; i < anchors.length; i++) {
        if (anchors[i].location <= at) { owner = anchors[i]; end = i + 1 < anchors.length ? anchors[i + 1].location : words.length; } else { break; }
      }
      var key = owner && (owner.element === "div" || owner.element === "li") ? owner.id : "";
      if (!found[key]) {
        found[key] = { id: key, element: owner ? owner.element : "", start: owner && key ? owner.location : 0, end: key ? end : words.length, hits: [] };
        order.push(key);
      }
      found[key].hits.push(at);
    });
    return order.map(function (key) { var p = found[key]; p.words = words; p.zws = zws; return p; });
  }

  function excerpt(p) {
    // Up to 40 words of the passage around its first match, the matches marked. Pagefind's
    // words are escaped text: only the <mark> elements made here become markup.
    var first = Math.min.apply(null, p.hits);
    var start = Math.max(p.start, Math.min(first - 12, p.end - 40));
    var end = Math.min(p.end, start + 40);
    var sep = p.zws ? "" : " ";
    var html = start > p.start ? "… " : "";
    for (var i = start; i < end; i++) {
      var word = (p.words[i] || "").replace(/<[^>]*>/g, "");
      html += (p.hits.indexOf(i) >= 0 ? "<mark>" + word.trim() + "</mark>" + word.slice(word.trimEnd().length) : word) + sep;
    }
    if (end < p.end) { html += " …"; }
    var out = document.createElement("p");
    out.innerHTML = html.replace(/\s{2,}/g, " ");
    // the segmentation's spaces out of the text, between and around the marks
    out.innerHTML = unsegment(out.innerHTML).replace(new RegExp("([" + CJK + "])\\s+(<mark>[" + CJK + "])", "g"), "$1$2")
      .replace(new RegExp("([" + CJK + "]</mark>)\\s+(?=[" + CJK + "])", "g"), "$1");
    return out;
  }

  // Pagefind finds a Chinese word of its own segmentation (墨玉, 县) but not always a longer
  // run the reader types whole (墨玉县, 脱贫攻坚, even when a page's title holds it): such a run
  // is looked up as two-character parts, and only passages holding the whole run are kept.
  var longRun = new RegExp("[" + CJK + "]{3,}", "g");
  function parts(query) { return query.replace(longRun, function (run) { return run.match(/[\s\S]{1,2}/g).join(" "); }); }
  function holds(p, runs) {
    var text = unsegment(p.words.slice(p.start, p.end).join(p.zws ? "" : " ")).replace(/\s+/g, "");
    return runs.every(function (run) { return text.indexOf(run) >= 0; });
  }

  function show(pages, total, runs) {
    list.textContent = "";
    var results = [];
    var later = [];
    pages.forEach(function (data) {
      var title = unsegment((data.meta && data.meta.title) || data.url);
      var found = passages(data);
      // A match before a page's first passage is in its extra terms (the names' other forms):
      // the passages that name them are found already.
      var inText = found.filter(function (p) { return p.id; });
      if (runs) {
        found = found.filter(function (p) { return holds(p, runs); });
        inText = inText.filter(function (p) { return holds(p, runs); });
      }
      (inText.length ? inText : found).forEach(function (p) {
        // passages first (in Pagefind's order of pages), then notes and the pages of names
        (p.element === "div" ? results : later).push({ data: data, title: title, passage: p });
      });
    });
    results = results.concat(later);
    var count = results.length;
    status.textContent = count ? form.dataset.count + " " + count + (total > pages.length ? " (" + form.dataset.more + ")" : "") : form.dataset.none;
    results.slice(0, SHOWN).forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var p = r.passage;
      link.href = r.data.url.split("#")[0] + (p.id ? "#" + p.id : "");
      var name = p.element === "div" ? passageName(p.id) : "";
      link.textContent = r.title + (name ? " — " + name : "");
      item.appendChild(link);
      item.appendChild(excerpt(p));
      list.appendChild(item);
    });
  }

  // Traditional characters to the Simplified ones the index holds (pairs made by the build).
  var hant = {};
  var pairs = Array.from(form.dataset.hant || "");
  for (var i = 0; i + 1 < pairs.length; i += 2) { hant[pairs[i]] = pairs[i + 1]; }
  function simplified(query) { return Array.from(query).map(function (ch) { return hant[ch] || ch; }).join(""); }

  function run() {
    var query = input.value.trim();
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    var wanted = simplified(query);
    var runs = wanted.match(longRun);
    load().then(function (module) {
      return module.search(parts(wanted)).then(function (found) { return { found: found, runs: runs }; });
    }).then(function (search) {
      var found = search.found;
      var total = found.results.length;
      return Promise.all(found.results.slice(0, 100).map(function (r) { return r.data(); })).then(function (pages) { show(pages, total, search.runs); });
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(input.timer); input.timer = setTimeout(run, 250); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
