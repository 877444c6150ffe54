// Progressive enhancement only: every page is complete without this file.
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* storage blocked */ } }
  function rect(node) { return node.getBoundingClientRect(); }
  function el(tag, className, text) {
    var node = doc.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // --- The reading view: an address means what it says. The switch's links are real URLs;
  // a choice is remembered, and a page in another view only offers a link to the chosen one.
  var current = doc.body.className.replace(/^.*view-(\S+).*$/, "$1");
  var views = doc.querySelectorAll(".views a[data-view]");
  // Where the reader is, for the same place in another view: a passage's id is the same in
  // every view (a name's or a note's is not: the passage it is in). That is the passage the
  // reader last touched, clicked or focused (a name's note read, then the switch: usage walk
  // 11 found the other view opening at its top), or last came to rest on (below), else the
  // linked one, else the first passage in sight.
  // (or a name's note, read at the page's end: its id is the same in every view that shows the
  // name; usage walk 13 found a shared note's link switched to the last passage)
  var PLACE = ".pair[id],.note[id]";
  var lastPair = null;
  // (with a name's note open, the place is still its passage: review 22 found a switch that
  // opened at the note's entry, at the page's end, lost the reader's place in every view)
  function touched(event) {
    var pair = event.target.closest && event.target.closest(PLACE);
    if (pair) { lastPair = pair; }
  }
  doc.addEventListener("pointerdown", touched, true);
  doc.addEventListener("focusin", touched, true);
  addEventListener("hashchange", function () { lastPair = null; });
  // ... or the passage the reader last read without touching anything: the first in sight
  // where the page came to rest, scrolled past the header (usage walk 12: on a phone a reader
  // read down to ¶5, scrolled back up to the header's switch, and the other view opened at its
  // top). At rest: scrolling back up passes every passage before it, read or not.
  var header = doc.querySelector("header.site");  // (every page has it: base.html)
  var resting = 0;
  addEventListener("scroll", function () {
    clearTimeout(resting);
    resting = setTimeout(function () {
      if (rect(header).bottom > 0) { return; }
      // (the passage touched stays the place while it is in sight: a fling's last scroll
      // events come after the tap that stopped it; so does the linked one, or a short passage
      // jumped to would give way to the next, and a round trip between views drift: review 14)
      var target = doc.querySelector(":target");
      var kept = lastPair || (target && target.closest(PLACE));
      var box = kept && rect(kept);
      if (box && box.bottom > 0 && box.top < innerHeight) { return; }
      lastPair = inSight() || lastPair;
    }, 600);
  }, { passive: true });
  function inSight() {
    if (scrollY < 1) { return null; }
    // (one the reader can read: it ends below the window's top quarter; reading the notes after
    // the text, the last passage)
    var top = innerHeight / 4;
    var pairs = doc.querySelectorAll("main .pair[id]");
    return [].find.call(pairs, function (pair) { return rect(pair).bottom > top; })
      || pairs[pairs.length - 1] || null;
  }
  function here(to) {
    var at = doc.querySelector(":target");
    at = lastPair || (at && at.closest(PLACE)) || inSight();
    // (a note of a name only one language gives, switching to a view without that language: the
    // passage that names it, which every view has. blockhtml's note_list names the views without
    // the note by their first letter: data-z the Chinese views, data-e the English)
    var only = at && at.dataset[to.charAt(0)];
    return at ? "#" + (only || at.id) : location.hash;
  }
  // (the place is the one when followed, not when the link was made: the offer's link, made on
  // load, kept the address's anchor, a name's or a note's way back that the other view has not,
  // and opened at its top: usage walk 17)
  function follow(link) {
    link.addEventListener("click", function () {
      store("edition-view", link.dataset.view);
      link.hash = here(link.dataset.view);
    });
  }
  views.forEach(follow);
  var preferred = stored("edition-view");
  var offer = doc.querySelector(".view-offer");
  if (offer && preferred && preferred !== current) {
    views.forEach(function (link) {
      if (link.dataset.view !== preferred) { return; }
      // the switch's own link, followed as it is
      var go = link.cloneNode(true);
      follow(go);
      offer.textContent = offer.dataset.text + " ";
      offer.appendChild(go);
      offer.hidden = false;
    });
  }

  // --- How names are marked: first mentions (the default), all names, or none. Remembered;
  // it changes only how the text looks, never an address.
  var marks = doc.getElementById("marks");
  function setMarks(value) { root.dataset.marks = value === "all" || value === "off" ? value : "first"; }
  var chosen = stored("edition-marks");
  if (chosen) { setMarks(chosen); }
  if (marks && doc.querySelector("main a.m")) {
    marks.value = root.dataset.marks || "first";
    marks.closest(".marks-control").hidden = false;
    marks.addEventListener("change", function () { setMarks(marks.value); store("edition-marks", root.dataset.marks); });
  }

  // --- A passage and its counterpart light up together on hover or focus.
  doc.querySelectorAll(".pair").forEach(function (pair) {
    var on = function () { pair.classList.add("active"); };
    var off = function () { pair.classList.remove("active"); };
    pair.addEventListener("mouseenter", on);
    pair.addEventListener("mouseleave", off);
    pair.addEventListener("focusin", on);
    pair.addEventListener("focusout", off);
  });

  // --- One popover, beside what opened it: a note, or a passage's actions. It stays open
  // until the reader moves on: opens another, presses Escape, clicks elsewhere, or moves
  // the focus away from the text's names.
  var popover = null;
  var owner = null;
  function close() {
    if (popover) { popover.remove(); }
    popover = null;
    owner = null;
    downInPopover = false;
  }
  // On a phone the note is a sheet along the bottom of the screen (edition.css), never over
  // the lines after the name, so that the next name can be tapped while it is open; along the
  // top instead when the name is in the screen's lower part (the sheet is at most 45% of it).
  // reading.js places a word's gloss the same way (window.editionPopover.place).
  var phone = matchMedia("(max-width: 40em)");
  function place(box, element) {
    var pop = element || popover;
    var style = pop.style;
    // Placed afresh each time, the sheet or not as the screen is now: a note opened on a phone
    // held upright, the phone then turned (844 by 390 is wider than a phone's 40em), kept its
    // sheet along the bottom over the name; one opened turned, then held upright, kept the
    // desk's inline box: a sheet a column wide, partly off the screen (usage walk 13).
    style.cssText = "";
    if (pop.classList.toggle("sheet", phone.matches)) {
      // Along the top, it starts below the header while the header is in sight (over it, it
      // covered the view switch till it was closed: usage walk 16), and ends above the name;
      // over the header where below it is too little room (a phone turned: review 22, 93 px).
      var top = Math.max(0, rect(header).bottom);
      if (box.top - top < 150) { top = 0; }
      if (pop.classList.toggle("top", box.bottom > innerHeight - pop.offsetHeight - 8)) {
        style.cssText = "top:" + top + "px;max-height:min(45vh," + (box.top - top - 8) + "px)";
      }
      return;
    }
    // At a desk it covers as little of the passage being read as it can (usage walk: below the
    // name it hid the lines the reader was about to read): above the name's line, over what has
    // been read, where it fits whole; else below it, or above where the screen has more room
    // there (near its bottom). (Beside the text, where a view of one language leaves room,
    // would cover none of it: 330 bytes more of script, over the front page's budget.)
    var below = innerHeight - box.bottom - 14;
    var above = box.top - 14;
    var height = pop.offsetHeight;
    var up = height <= above || (height > below && above > below);
    var room = up ? above : below;
    if (height > room) { style.maxHeight = Math.max(room, 120) + "px"; height = pop.offsetHeight; }
    style.left = scrollX + Math.max(8, Math.min(box.left, root.clientWidth - pop.offsetWidth - 8)) + "px";
    style.top = scrollY + (up ? box.top - 6 - height : box.bottom + 6) + "px";
  }
  // Closed by its close control or Escape, the focus goes back to what opened it.
  function closeBack() {
    var back = owner;
    close();
    // (a name's focus opens its note again)
    if (back && doc.activeElement !== back) { back.focus({ preventScroll: true }); close(); }
  }
  function show(link, content, className) {
    close();
    popover = el("div", "popover " + className);
    popover.id = "popover";
    popover.setAttribute("role", "note");
    // a visible close control, for touch above all (a sheet leaves no "outside" in sight to
    // tap); its × is edition.css's, not read aloud
    var button = popover.appendChild(el("button", "close", doc.body.dataset.close));
    button.type = "button";
    button.onclick = closeBack;
    popover.appendChild(content);
    doc.body.appendChild(popover);
    owner = link;
    place(rect(link));
  }
  // A note as the popover shows it: its links resolved against the page it was read from (a
  // note read from an article's page, on the front page), and without "Back to the text", which
  // in a popover beside the name would lead to the article's first mention (nor its hidden
  // ways back to later passages, for readers without JavaScript: marks.py).
  function noteContent(note, link, from) {
    var box = el("div");
    box.innerHTML = note.innerHTML;
    tapped(box.querySelector("b"), link);
    box.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    box.querySelectorAll(".note-links a, a[hidden]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href.charAt(0) !== "#") { a.href = new URL(href, from || location.href).href; return; }
      var after = a.nextSibling;
      if (after && after.nodeType === 3) { after.remove(); }  // the " · " before the next link
      a.remove();
    });
    return box;
  }
  // Opened from another form of the name than the note's heading (an alias: 北京市朝阳区 for
  // 朝阳区, "Chaoyang" for "Chaoyang District"), the note is headed by what the reader tapped,
  // with the heading's form said to be the name's main form (usage walk: the heading was not the
  // word tapped).
  function tapped(heading, link) {
    var said = link.textContent;  // (a mark's text, and a form's, has no space around it)
    if (!heading || [].some.call(heading.children, function (form) { return form.textContent.toLowerCase() === said.toLowerCase(); })) { return; }
    var pattern = doc.body.dataset.main.split("%");
    var main = el("span", "main-form", pattern[0]);
    var head = el("b", "tapped", said);
    head.lang = link.closest("[lang]").lang;
    heading.before(head, " ", main);
    main.append(heading, pattern[1]);
  }
  // A note on another page (the front page leaves an article's notes to the article's page):
  // that page is read once, and its note shown here.
  var pages = {};
  function remoteNote(url, id) {
    if (!pages[url]) {
      pages[url] = fetch(url).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
        .then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
    }
    return pages[url].then(function (doc) { return doc.getElementById(id); });
  }
  function openNote(link) {
    if (owner === link) { return true; }
    if (root.dataset.marks === "off") { return false; }
    var href = link.getAttribute("href");
    var hash = href.indexOf("#");
    var id = href.slice(hash + 1).split("~")[0];  // (a later passage's name: by way of its way back, marks.py)
    if (hash === 0) {
      var note = doc.getElementById(id);
      if (!note) { return false; }
      show(link, noteContent(note, link), "note");
      return true;
    }
    if (!window.fetch || location.protocol === "file:") { return false; }
    owner = link;
    var from = link.href.split("#")[0];
    remoteNote(from, id).then(function (note) {
      if (owner === link && note) { show(link, noteContent(note, link, from), "note"); }
    }, function () { /* the link still leads to the note */ });
    return true;
  }
  doc.querySelectorAll("a.m").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (openNote(link)) { event.preventDefault(); }
    });
    link.addEventListener("focus", function () { openNote(link); });
    link.addEventListener("blur", function (event) {
      var next = event.relatedTarget;
      if (owner !== link || downInPopover || (next && ((popover && popover.contains(next)) || (next.matches && next.matches("a.m"))))) { return; }
      close();
    });
  });
  // A press inside the popover (to select its text, follow its links) is not moving on.
  var downInPopover = false;
  function pressed(event) { downInPopover = !!(popover && popover.contains(event.target)); }
  doc.addEventListener("mousedown", pressed, true);
  doc.addEventListener("touchstart", pressed, { capture: true, passive: true });
  // By keyboard the popover is read in its place: Tab from what opened it goes into it (a
  // note's links, a passage's buttons), Tab from its last control on to what follows the
  // opener, Shift+Tab from its first back to the opener. (It is the last child of <body>: in
  // the page's own order the keyboard never reached it.)
  function tabStops(scope) {
    // (a word is one in "Words by keyboard": static/reading.js gives it a tabindex)
    return [].filter.call(scope.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]"), function (e) {
      return !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0;
    });
  }
  // (Escape closes it: one listener for both keys, for the front page's budget)
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover) { closeBack(); }
    if (event.key !== "Tab" || !popover || !owner) { return; }
    var inside = tabStops(popover);
    var at = doc.activeElement;
    if (!inside.length) { return; }
    var to = null;
    if (at === owner && !event.shiftKey) { to = inside[0]; }
    else if (at === inside[0] && event.shiftKey) { to = owner; }
    else if (at === inside[inside.length - 1] && !event.shiftKey) {
      var page = tabStops(doc).filter(function (e) { return !popover.contains(e); });
      var here = page.indexOf(owner);
      // the opener the page's last stop (or none): Tab leaves the page, as it would from it
      to = here >= 0 ? page[here + 1] || null : null;
      if (to) { close(); }
    }
    if (to) { event.preventDefault(); to.focus(); }
  });
  // On a phone the sheet's side is chosen again when the page moves under it: a shared link
  // to a name opens its note before the browser has scrolled to the name, which then lay
  // under the sheet (usage walk 11). On any screen the note is placed again when the screen
  // changes size: a phone turned, a window resized (the text under it has moved).
  var moved = false;
  function again(event) {
    if (moved || !popover || !owner || (event.type == "scroll" && !phone.matches)) { return; }
    moved = true;
    requestAnimationFrame(function () {
      moved = false;
      if (popover && owner) { place(rect(owner)); }
    });
  }
  addEventListener("scroll", again, { passive: true });
  addEventListener("resize", again);
  // A phone turned brings the note's name into sight: the page read from its top stays there
  // as its lines grow longer, and a name low on the upright screen fell below the turned one's
  // bottom edge (usage walk 16; once scrolled, the browser keeps the text in place).
  matchMedia("(orientation:portrait)").onchange = function () {
    if (owner) { owner.scrollIntoView({ block: "nearest" }); }
  };
  // article.js shows a passage's actions in the same popover.
  window.editionPopover = { show: show, close: close, place: place, owner: function () { return owner; }, element: function () { return popover; } };
  doc.addEventListener("click", function (event) {
    var target = event.target;
    if (popover && !popover.contains(target) && !(target.closest && target.closest("a.m, .pair[data-ref] > a.pl"))) { close(); }
  });

  // --- The newspaper's page: an article's passage's ¶ leads to the passage on its article's
  // page, whose ¶ gives its reference, link and citation to copy (usage walk 17: here it only
  // changed the address). The page's own blocks keep theirs. (A link of its own in the page's
  // HTML: 1.1 KB more, over the front page's budget.)
  doc.querySelectorAll(".on-page .pl").forEach(function (pl) {
    pl.href = pl.closest("article").querySelector(".more a").href + pl.hash;
  });

  // --- On paper: numbered note markers after each marked name, matching the numbered notes,
  // and the address the page was printed from (where the build knew no real one).
  // Made when the page is printed (not on every load: it touches every marked name).
  var numbered = false;
  function numberNotes() {
    var notes = doc.querySelector("ol.entity-notes");
    if (numbered || !notes) { return; }
    numbered = true;
    var number = {};
    [].forEach.call(notes.children, function (li, i) { number[li.id] = i + 1; });
    doc.querySelectorAll("main a.m.f").forEach(function (link) {
      var target = link.getAttribute("href");
      var n = target.charAt(0) === "#" ? number[target.slice(1).split("~")[0]] : undefined;
      if (n) {
        // a thin space after the number: copied from a PDF, 幹部²¹14人 read "幹部2114人"
        var sup = el("sup", "note-num", n + "\u2009");
        sup.setAttribute("aria-hidden", "true");
        // before a figure it stands a word's space clear (print.css .nd): ²¹ 14人 read 2114人 on paper
        if (/^\d/.test((link.nextSibling || {}).textContent)) { sup.className += " nd"; }
        link.insertAdjacentElement("afterend", sup);
      }
    });
  }
  // (onchange: where a query list lacks it, it lacks addEventListener too; beforeprint below)
  matchMedia("print").onchange = function (event) { if (event.matches) { numberNotes(); } };
  doc.querySelectorAll(".page-url").forEach(function (span) { if (!span.textContent.trim()) { span.textContent = location.href.split("#")[0]; } });
  addEventListener("beforeprint", function () {
    numberNotes();
    doc.querySelectorAll("details.notes-fold").forEach(function (d) { d.open = true; });
  });

})();
