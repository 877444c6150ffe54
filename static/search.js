// The search page: a plain form over Pagefind's search API and the index the build made.
// Needs JavaScript; without it the page says so and points to the index of names.
//
// A result is a passage: Pagefind records where each element with an id starts in a page
// (its "anchors"), and a match belongs to the passage (a div with the passage's id) it falls
// in; it links to that passage's permalink. Matches in a page's notes or an entity page are
// results of their own. Counts are what was found, not a cap. Which passages hold a query,
// and which of their words are marked, is static/search-match.js's (loaded before this).
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) { return; }
  form.hidden = false;  // hidden without JavaScript: it would only reload the page
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var bundle = new URL(form.dataset.bundle, location.href);
  var root = new URL("../", bundle).pathname; // the site's root, where the index's addresses start
  var view = form.dataset.viewPrefix || ""; // this page's view ("zh-hant/"): results open in it
  var pagefind = null;
  var match = window.editionSearch; // which passages hold a query (static/search-match.js)
  var SHOWN = 50; // results listed at once; the count is of all of them
  var CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef";
  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  // one character (no g: test() keeps no state): Chinese, or Chinese or its punctuation
  var oneHan = new RegExp("^(?:[" + HAN + "]|[\ud840-\ud8bf][\udc00-\udfff])$");
  var oneCjk = new RegExp("^(?:[" + CJK + "]|[\ud840-\ud8bf][\udc00-\udfff])$");

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (module) {
        // Result links relative to where the site is served (a project subpath works).
        return module.options({ baseUrl: root }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  // A passage's name as the pages write it (edition/refs.py's passage_label): "Moyu ¶3", "page
  // masthead 2", "Parks headline" (a kind that stands once in its article has no number); in
  // the Chinese views the article's first phrase and Chinese words, "携手新疆墨玉 第3段". From
  // the block's id, the result's page (its anchors say how many blocks of a kind it has) and its
  // title. The Traditional view's words are as its pages have them.
  var lang = document.documentElement.lang;
  // the words (edition/refs.py's passage_words), in this view's script: "h:headline:标题 …"
  var KINDS = {};
  (form.dataset.kinds || "").split(" ").forEach(function (k) { var w = k.split(":"); KINDS[w[0]] = [w[1], w[2]]; });
  function passageName(id, data, title) {
    var match = /^(.*)-([a-z])(\d+)$/.exec(id);
    if (!match) { return ""; }
    var article = match[1], letter = match[2], number = match[3];
    var words = KINDS[letter] || [letter, letter];
    var zh = /^zh/.test(lang) ? 1 : 0;
    var same = new RegExp("^" + article.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "-" + letter + "\\d+$");
    var alone = (data.anchors || []).filter(function (a) { return same.test(a.id || ""); }).length === 1;
    // the newspaper page's own blocks: on its front, <date>/p<page>/ (an article's is below it),
    // or on an article's page a block of another article's (a caption of the page's, shown there)
    var path = data.url.split("#")[0];
    var front = /\/\d{4}-\d\d-\d\d\/p\d+\/$/.test(path);
    var elsewhere = !front && path.split("/").slice(-2)[0] !== article;
    var name = front || elsewhere ? (KINDS._ || ["page", "版面"])[zh]
      : zh ? title.trim().split(/[\s：:，,]/)[0] : article.replace(/-/g, " ").replace(/^./, function (c) { return c.toUpperCase(); });
    var part = words[zh].indexOf("{n}") >= 0 ? words[zh].replace("{n}", number)
      : words[zh] === "¶" ? "¶" + number
      // (another article's block: this page holds only those shown with it, so its number stays)
      : alone && !elsewhere ? words[zh] : words[zh] + (zh ? "" : " ") + number;
    return name + " " + part;
  }

  // A passage's element: a block's div, or a photograph's caption (the newspaper page's block,
  // shown with an article: its words were once the last paragraph's before it).
  function passage(a) { return a.element === "div" || a.element === "figcaption"; }

  // The words of a page, and each match's passage: the last passage anchor at or before it.
  function passages(data) {
    // Pagefind counts match locations in its segmented text (raw_content), as its own excerpts do.
    var raw = data.raw_content || data.content;
    var zws = raw.indexOf("\u200B") >= 0;
    var words = zws ? raw.split("\u200B") : raw.split(/[\r\n\s]+/g);
    // the index's marks (edition/search.py): the text's own spaces between Chinese characters
    // (the word after each), and where each passage's English begins
    var marks = data.anchors || [];
    function located(id) { return marks.filter(function (a) { return a.id === id; }).map(function (a) { return a.location; }); }
    var spaces = located("_sp"), english = located("_en");
    var anchors = marks.filter(function (a) { return passage(a) || a.element === "li" || /^h[1-6]$/.test(a.element); })
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
      var key = owner && (passage(owner) || owner.element === "li") ? owner.id : "";
      if (!found[key]) {
        var start = owner && key ? owner.location : 0;
        end = key ? end : words.length;
        var en = key ? english.filter(function (e) { return e > start && e < end; }) : [];
        found[key] = { id: key, element: owner ? owner.element : "", start: start, end: end, hits: [],
          words: words, zws: zws, spaces: spaces, english: en.length ? en[0] : -1 };
        order.push(key);
      }
      found[key].hits.push(at);
    });
    return order.map(function (key) { return found[key]; });
  }

  // The part of a passage an excerpt shows: in a Chinese view its Chinese, in the English view
  // its English (the index holds the parallel pages: both), the whole in the parallel view. Where
  // the query is found only in the other language (a Chinese word on the English page), that
  // part (``other``): an excerpt shows what was found, and its link leads to the parallel page
  // (and says so).
  function part(p) {
    if (p.english < 0 || !view) { return { start: p.start, end: p.end, hits: p.hits }; }
    var parts = [{ start: p.start, end: p.english }, { start: p.english, end: p.end }];
    if (view === "en/") { parts.reverse(); }
    for (var i = 0; i < 2; i++) {
      var s = parts[i].start, e = parts[i].end;
      var hits = p.hits.filter(function (at) { return at >= s && at < e; });
      if (hits.length) { return { start: s, end: e, hits: hits, other: i === 1 }; }
    }
    return { start: parts[0].start, end: parts[0].end, hits: [] };
  }

  var OWN = "\ue000"; // the text's own space while the index's are taken out
  function excerpt(whole, p) {
    // Up to 40 words of the passage (of its part ``p`` in the view's language) around its first
    // match, the matches marked. Pagefind's words are escaped text: only the <mark> elements
    // made here become markup.
    var first = p.hits.length ? Math.min.apply(null, p.hits) : p.start;
    var start = Math.max(p.start, Math.min(first - 12, p.end - 40));
    var end = Math.min(p.end, start + 40);
    var sep = whole.zws ? "" : " ";
    var html = start > p.start ? "… " : "";
    for (var i = start; i < end; i++) {
      var word = (whole.words[i] || "").replace(/<[^>]*>/g, "");
      var after = word.slice(word.trimEnd().length);
      if (after && i + 1 < end && whole.spaces.indexOf(i + 1) >= 0) { after = OWN; }
      html += (p.hits.indexOf(i) >= 0 ? "<mark>" + word.trim() + "</mark>" : word.trimEnd()) + after + sep;
    }
    if (end < p.end) { html += " …"; }
    var out = document.createElement("p");
    out.innerHTML = html.replace(/\s{2,}/g, " ");
    // the segmentation's spaces out of the text, between and around the marks; a run marked whole
    var gap = new RegExp("([" + CJK + "](?:</mark>)?)\\s+(?=(?:<mark>)?[" + CJK + "])", "g");
    // and a quotation mark's own: after an opening one, before a closing one (“ 六保” -> “六保”;
    // not the apostrophe of English: in ’98); a bracket's likewise ("( Chaoyang section": usage walk 17)
    var joined = out.innerHTML.replace(gap, "$1").replace(gap, "$1").replace(/<\/mark><mark>/g, "");
    joined = joined.replace(/([“‘([](?:<mark>)?)\s+/g, "$1").replace(/\s+((?:<\/mark>)?[”)\]])/g, "$1");
    joined = traditional(joined.replace(new RegExp("([" + CJK + "](?:</mark>)?)\\s+(’)", "g"), "$1$2"));
    out.innerHTML = joined.split(OWN).join(" ");
    return out;
  }

  // On the Traditional view's page, an excerpt (the index holds the Simplified text) in the
  // characters that view writes: each character's usual form, or the pair it stands in where
  // that pair is written otherwise (edition/search.py's traditional_tables). Tags are skipped,
  // so that a pair is found across a mark's edge.
  var table = (form.dataset.forms || "|").split("|");
  var forms = tableOf(table[0], 1), placed = tableOf(table[1], 2);
  function traditional(html) {
    if (!table[0]) { return html; }
    var chars = Array.from(html), at = [], inTag = false;
    chars.forEach(function (ch, k) {
      if (ch === "<") { inTag = true; } else if (ch === ">") { inTag = false; } else if (!inTag) { at.push(k); }
    });
    for (var k = 0; k < at.length; k++) {
      var pair = k + 1 < at.length && placed[chars[at[k]] + chars[at[k + 1]]];
      if (pair) {
        pair = Array.from(pair);
        chars[at[k]] = pair[0];
        chars[at[k + 1]] = pair[1];
        k++;
      } else if (oneHan.test(chars[at[k]]) || besideHan(chars, at, k)) { chars[at[k]] = forms[chars[at[k]]] || chars[at[k]]; }
    }
    return chars.join("");
  }
  // A table the build made (edition/search.py): each key followed by its value, of ``size``
  // characters each ("脫脱貧贫…", "关系關係…")
  function tableOf(text, size) {
    var chars = Array.from(text), out = {};
    for (var i = 0; i + 2 * size <= chars.length; i += 2 * size) {
      out[chars.slice(i, i + size).join("")] = chars.slice(i + size, i + 2 * size).join("");
    }
    return out;
  }
  // A quotation mark is the Chinese text's (「」 in Taiwan's and Hong Kong's forms) where
  // Chinese stands on either side of it (推进“5G”建设), not in English (“Relocate, Rectify”).
  function besideHan(chars, at, k) {
    var next = k + 1 < at.length ? chars[at[k + 1]] : "", before = k > 0 ? chars[at[k - 1]] : "";
    return oneCjk.test(next) || oneCjk.test(before);
  }

  // A result's address in this page's view (the index holds the parallel pages' addresses).
  function inView(url) { return url.indexOf(root) === 0 ? root + view + url.slice(root.length) : url; }

  // In an archive, the newspaper page a result is on, as the site names it in this view ("4
  // January 2021, page 1", "2021年1月4日 第1版": edition/rowhtml.py's page_date, given as a
  // pattern), from its address (<date>/p<page>/); a page of names has none. A site of one page
  // has no pattern: every result is on its one page.
  var where = form.dataset.where || "";
  var months = (form.dataset.months || "").split(" ");
  function pageOf(url) {
    var m = /^(\d{4})-(\d\d)-(\d\d)\/p(\d+)\//.exec(url.indexOf(root) === 0 ? url.slice(root.length) : url);
    if (!where || !m) { return null; }
    var fields = { year: +m[1], month: +m[2], month_name: months[+m[2] - 1] || "", day: +m[3], page: +m[4] };
    var out = document.createElement("span");
    out.className = "where";
    // the pattern is the site's own markup (a span marking the Chinese); the fields are digits and month names
    // (in the view's brackets, which the pattern holds: （2021年1月4日 第1版） in a Chinese view)
    out.innerHTML = where.replace(/\{(\w+)\}/g, function (all, key) { return key in fields ? fields[key] : all; });
    return out;
  }

  var moreBox = null;  // the "More results" button's paragraph, after the list
  function dropMore() { if (moreBox) { moreBox.remove(); moreBox = null; } }
  function show(pages, total, q) {
    list.textContent = "";
    var kept = pages.map(function (data, rank) {
      // the passages that hold the whole query (static/search-match.js), each with how
      var all = passages(data);
      var found = all.filter(function (p) { p.tier = match.held(p, q); return p.tier >= 0; });
      // A match before a page's first passage is in its extra terms (the names' other forms):
      // the passages that name them are found already.
      var inText = found.filter(function (p) { return p.id; });
      // A page of passages that holds the query only between them: those holding its words,
      // after every other result (its whole is no result: review 23)
      if (!inText.length && found.length && (data.anchors || []).some(passage)) {
        found = all.filter(function (p) { p.tier = 2; return p.id && match.some(p, q); });
      }
      return { data: data, rank: rank, found: inText.length ? inText : found };
    });
    // Pagefind ranks a page by its words, for Chinese its single characters (朝 and 阳 apart as
    // well as in 朝阳): for a Chinese query, the pages with the most passages holding it whole
    // come first (an article about 朝阳 before the front page that has it in its headline),
    // then in Pagefind's order.
    if (q.chinese.length) { kept.sort(function (a, b) { return b.found.length - a.found.length || a.rank - b.rank; }); }
    // The passages holding the query as written, in that order of pages, then the page of
    // names the query names (Xi Jinping's own: usage walk 17 found it 10th), the notes and the
    // other pages of names; then those holding its words apart, the same way.
    var named = [], results = [[], [], []], later = [[], [], []];
    kept.forEach(function (page) {
      var meta = page.data.meta || {};
      // in the view's language (edition/render.py's search_title): a Chinese view's in Chinese, in
      // Traditional characters on the Traditional view's page; the English view's in English (the
      // Chinese where an article has no English title yet); the parallel view's in both
      // (as written: the index's spaces between Chinese characters are not in its titles)
      var zh = (view === "zh-hant/" && meta.hant) || meta.title || page.data.url;
      var title = view === "zh/" || view === "zh-hant/" ? zh
        : view === "en/" ? meta.en || zh
        : zh + (meta.en ? " " + meta.en : "");
      page.found.forEach(function (p) {
        var result = { data: page.data, title: title, passage: p };
        if (!p.id && (match.names(meta.en, q) || match.names(meta.title, q))) { named.push(result); return; }
        (passage(p) ? results : later)[p.tier].push(result);
      });
    });
    results = results[0].concat(named, later[0], results[1], later[1], results[2], later[2]);
    var count = results.length;
    // the view's words around the number ("Found: 12", 找到12项结果)
    status.textContent = count ? form.dataset.count.replace("{n}", count) + (total > pages.length ? form.dataset.more : "") : form.dataset.none;
    listed(results, 0);
  }
  // SHOWN results at a time; a button below them lists the next ones (and takes the focus to
  // the first of them).
  function listed(results, from) {
    var first = null;
    results.slice(from, from + SHOWN).forEach(function (r, i) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var p = r.passage, shown = part(p);
      // found only in the other language (墨玉 from the English view): the parallel page, which
      // shows it (the view's own page did not: usage walk 13)
      var url = r.data.url.split("#")[0];
      link.href = (shown.other ? url : inView(url)) + (p.id ? "#" + p.id : "");
      var name = passage(p) ? passageName(p.id, r.data, r.title) : "";
      // the page's title once, on the first of its passages listed together: the next are named
      // alone ("Moyu ¶2"; usage walk 17: the full title, both languages, filled a phone's screen)
      var before = i > 0 && results[from + i - 1];
      var again = name && before && before.data.url === r.data.url && passage(before.passage);
      link.textContent = again ? name : r.title + (name ? " — " + name : "");
      var page = pageOf(r.data.url);
      if (page) { link.append(where.charAt(0) === "（" ? "" : " ", page); }  // no space before a full-width bracket
      if (shown.other) {
        // and says so, in its name: a reader (or a screen reader's list of links) knows the
        // link leaves the view (" (in the parallel view)", （见对照版）: the view's brackets)
        var note = document.createElement("span");
        note.className = "other";
        note.textContent = form.dataset.other;
        link.append(note);
      }
      item.appendChild(link);
      item.appendChild(excerpt(p, shown));
      list.appendChild(item);
      first = first || link;
    });
    dropMore();
    if (results.length > from + SHOWN) {
      // after the list, not in it: it is not a result (numbered 51, counted by screen readers)
      moreBox = document.createElement("p");
      var more = document.createElement("button");
      more.type = "button";
      more.textContent = form.dataset.next;
      more.addEventListener("click", function () { listed(results, from + SHOWN).focus(); });
      moreBox.appendChild(more);
      list.after(moreBox);
    }
    return first;
  }

  // Traditional characters to the Simplified ones the index holds (pairs made by the build).
  var hant = tableOf(form.dataset.hant || "", 1);
  function simplified(query) { return Array.from(query).map(function (ch) { return hant[ch] || ch; }).join(""); }

  // The view switch (and the offer of the view last chosen) leads to the other view's search
  // page with the query, which runs it there (usage walk 17: 墨玉, then 简体中文, gave an empty page).
  function carry(query) {
    document.querySelectorAll(".views a[data-view], .view-offer a").forEach(function (link) {
      var to = new URL(link.href);
      if (query) { to.searchParams.set("q", query); } else { to.searchParams.delete("q"); }
      link.href = to.href;
    });
  }

  // Each search is numbered: an answer that comes after a newer search began is dropped (a slow
  // answer to "公益" must not replace the list for "公益性岗位", nor refill one the reader cleared).
  var latest = 0;
  function run() {
    var serial = ++latest;
    var query = input.value.trim();
    // the query in the address: a reload, the way back from a result and a shared link keep it
    // (the address's other parts kept; where the browser refuses, the search still runs)
    try {
      var address = new URL(location.href);
      if (query) { address.searchParams.set("q", query); } else { address.searchParams.delete("q"); }
      history.replaceState(null, "", address.href);
    } catch (e) { /* a sandboxed page */ }
    carry(query);
    if (!query) { list.textContent = ""; status.textContent = ""; delete list.dataset.query; dropMore(); return; }
    // Each query word holding Chinese also as a phrase ("公 益 性 岗 位": Pagefind's exact search,
    // its characters next to each other), and its other words (xi jinping): the pages holding them
    // come first, so that the pages read (the first 100) are those, however many hold them apart.
    var q = match.prepare(simplified(query));
    load().then(function (module) {
      return Promise.all([module.search(q.words)].concat(q.phrases.map(function (w) { return module.search(w); })));
    }).then(function (searches) {
      var results = searches[0].results;
      var holding = searches.slice(1).map(function (s) { return s.results.map(function (r) { return r.id; }); });
      function holds(r) { return holding.every(function (ids) { return ids.indexOf(r.id) >= 0; }); }
      results = results.filter(holds).concat(results.filter(function (r) { return !holds(r); }));
      var total = results.length;
      return Promise.all(results.slice(0, 100).map(function (r) { return r.data(); })).then(function (pages) {
        if (serial === latest) {
          show(pages, total, q);
          list.dataset.query = query;  // what the list answers (a test waits for its own query's)
        }
      });
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(input.timer); input.timer = setTimeout(run, 250); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
