// Progressive enhancement only: every page is complete without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* storage blocked */ } }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // --- The reading view: an address means what it says. The switch's links are real URLs;
  // a choice is remembered, and a page in another view only offers a link to the chosen one.
  var current = document.body.className.replace(/^.*view-(\S+).*$/, "$1");
  var views = document.querySelectorAll(".views a[data-view]");
  // Where the reader is, for the same place in another view: a passage's id is the same in
  // every view (a name's or a note's is not: the passage it is in). That is the passage the
  // reader last touched, clicked or focused (a name's note read, then the switch: usage walk
  // 11 found the other view opening at its top), or last came to rest on (below), else the
  // linked one, else the first passage in sight.
  var lastPair = null;
  function touched(event) {
    var pair = event.target.closest && event.target.closest(".pair[id]");
    if (pair) { lastPair = pair; }
  }
  document.addEventListener("pointerdown", touched, true);
  document.addEventListener("focusin", touched, true);
  window.addEventListener("hashchange", function () { lastPair = null; });
  // ... or the passage the reader last read without touching anything: the first in sight
  // where the page came to rest, scrolled past the header (usage walk 12: on a phone a reader
  // read down to ¶5, scrolled back up to the header's switch, and the other view opened at its
  // top). At rest: scrolling back up passes every passage before it, read or not.
  var header = document.querySelector("header.site");
  var resting = 0;
  window.addEventListener("scroll", function () {
    window.clearTimeout(resting);
    resting = window.setTimeout(function () {
      if (header && header.getBoundingClientRect().bottom > 0) { return; }
      // (the passage touched stays the place while it is in sight: a fling's last scroll
      // events come after the tap that stopped it; so does the linked one, or a short passage
      // jumped to would give way to the next, and a round trip between views drift: review 14)
      var target = document.querySelector(":target");
      var kept = lastPair || (target && target.closest(".pair[id]"));
      var box = kept && kept.getBoundingClientRect();
      if (box && box.bottom > 0 && box.top < window.innerHeight) { return; }
      lastPair = inSight() || lastPair;
    }, 600);
  }, { passive: true });
  function inSight() {
    if (window.scrollY < 1) { return null; }
    // (one the reader can read: it ends below the window's top quarter; reading the notes after
    // the text, the last passage)
    var top = window.innerHeight / 4;
    var pairs = document.querySelectorAll("main .pair[id]");
    return [].find.call(pairs, function (pair) { return pair.getBoundingClientRect().bottom > top; })
      || pairs[pairs.length - 1] || null;
  }
  function here() {
    var at = document.querySelector(":target");
    at = lastPair || (at && at.closest(".pair[id]")) || inSight();
    return at ? "#" + at.id : location.hash;
  }
  views.forEach(function (link) {
    link.addEventListener("click", function () {
      store("edition-view", link.dataset.view);
      link.hash = here();
    });
  });
  var preferred = stored("edition-view");
  var offer = document.querySelector(".view-offer");
  if (offer && preferred && preferred !== current) {
    views.forEach(function (link) {
      if (link.dataset.view !== preferred) { return; }
      var go = el("a", "", link.textContent);
      go.href = link.getAttribute("href") + here();
      go.hreflang = link.hreflang;
      offer.textContent = offer.dataset.text + " ";
      offer.appendChild(go);
      offer.hidden = false;
    });
  }

  // --- How names are marked: first mentions (the default), all names, or none. Remembered;
  // it changes only how the text looks, never an address.
  var marks = document.getElementById("marks");
  function setMarks(value) { root.dataset.marks = value === "all" || value === "off" ? value : "first"; }
  var chosen = stored("edition-marks");
  if (chosen) { setMarks(chosen); }
  if (marks && document.querySelector("main a.m")) {
    marks.value = root.dataset.marks || "first";
    marks.closest(".marks-control").hidden = false;
    marks.addEventListener("change", function () { setMarks(marks.value); store("edition-marks", root.dataset.marks); });
  }

  // --- A passage and its counterpart light up together on hover or focus.
  document.querySelectorAll(".pair").forEach(function (pair) {
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
  }
  // On a phone the note is a sheet along the bottom of the screen (edition.css), never over
  // the lines after the name, so that the next name can be tapped while it is open; along the
  // top instead when the name is in the screen's lower part (the sheet is at most 45% of it).
  // reading.js places a word's gloss the same way (window.editionPopover.place).
  var phone = window.matchMedia ? window.matchMedia("(max-width: 40em)") : null;
  function place(box, element) {
    var pop = element || popover;
    if (phone && phone.matches) {
      pop.classList.add("sheet");
      pop.classList.toggle("top", box.bottom > window.innerHeight - pop.offsetHeight - 8);
      return;
    }
    // Below the link; above it where the screen has more room there (near its bottom).
    var gap = 6;
    var below = window.innerHeight - box.bottom - gap - 8;
    var above = box.top - gap - 8;
    var height = pop.offsetHeight;
    var up = height > below && above > below;
    var room = up ? above : below;
    if (height > room) { pop.style.maxHeight = Math.max(room, 120) + "px"; height = pop.offsetHeight; }
    var width = document.documentElement.clientWidth;
    var left = Math.min(window.scrollX + box.left, window.scrollX + width - pop.offsetWidth - 8);
    pop.style.left = Math.max(window.scrollX + 8, left) + "px";
    pop.style.top = (window.scrollY + (up ? box.top - gap - height : box.bottom + gap)) + "px";
    pop.classList.toggle("up", up);
  }
  function show(link, content, className) {
    close();
    popover = el("div", "popover " + className);
    popover.id = "popover";
    popover.setAttribute("role", "note");
    popover.appendChild(content);
    document.body.appendChild(popover);
    owner = link;
    place(link.getBoundingClientRect());
  }
  // A note as the popover shows it: its links resolved against the page it was read from (a
  // note read from an article's page, on the front page), and without "Back to the text", which
  // in a popover beside the name would lead to the article's first mention.
  function noteContent(note, from) {
    var box = el("div");
    box.innerHTML = note.innerHTML;
    box.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    box.querySelectorAll(".note-links a").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href.charAt(0) !== "#") { a.href = new URL(href, from || location.href).href; return; }
      var after = a.nextSibling;
      if (after && after.nodeType === 3) { after.remove(); }  // the " · " before the next link
      a.remove();
    });
    return box;
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
    var id = href.slice(hash + 1);
    if (hash === 0) {
      var note = document.getElementById(id);
      if (!note) { return false; }
      show(link, noteContent(note), "note");
      return true;
    }
    if (!window.fetch || location.protocol === "file:") { return false; }
    owner = link;
    var from = link.href.split("#")[0];
    remoteNote(from, id).then(function (note) {
      if (owner === link && note) { show(link, noteContent(note, from), "note"); }
    }, function () { /* the link still leads to the note */ });
    return true;
  }
  document.querySelectorAll("a.m").forEach(function (link) {
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
  document.addEventListener("mousedown", function (event) { downInPopover = !!(popover && popover.contains(event.target)); }, true);
  document.addEventListener("touchstart", function (event) { downInPopover = !!(popover && popover.contains(event.target)); }, { capture: true, passive: true });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover) {
      var back = owner;
      close();
      if (back && back.focus && document.activeElement !== back) { back.focus({ preventScroll: true }); close(); }
    }
  });
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
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || !popover || !owner) { return; }
    var inside = tabStops(popover);
    var at = document.activeElement;
    if (!inside.length) { return; }
    var to = null;
    if (at === owner && !event.shiftKey) { to = inside[0]; }
    else if (at === inside[0] && event.shiftKey) { to = owner; }
    else if (at === inside[inside.length - 1] && !event.shiftKey) {
      var page = tabStops(document).filter(function (e) { return !popover.contains(e); });
      var here = page.indexOf(owner);
      // the opener the page's last stop (or none): Tab leaves the page, as it would from it
      to = here >= 0 ? page[here + 1] || null : null;
      if (to) { close(); }
    }
    if (to) { event.preventDefault(); to.focus(); }
  });
  // On a phone the sheet's side is chosen again when the page moves under it: a shared link
  // to a name opens its note before the browser has scrolled to the name, which then lay
  // under the sheet (usage walk 11).
  var moved = false;
  window.addEventListener("scroll", function () {
    if (moved || !popover || !owner || !(phone && phone.matches)) { return; }
    moved = true;
    window.requestAnimationFrame(function () {
      moved = false;
      if (popover && owner) { place(owner.getBoundingClientRect()); }
    });
  }, { passive: true });
  // article.js shows a passage's actions in the same popover.
  window.editionPopover = { show: show, close: close, place: place, owner: function () { return owner; }, element: function () { return popover; } };
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (popover && !popover.contains(target) && !(target.closest && target.closest("a.m, .pair[data-ref] > a.pl"))) { close(); }
  });

  // --- On paper: numbered note markers after each marked name, matching the numbered notes,
  // and the address the page was printed from (where the build knew no real one).
  // Made when the page is printed (not on every load: it touches every marked name).
  var numbered = false;
  function numberNotes() {
    var notes = document.querySelector("ol.entity-notes");
    if (numbered || !notes) { return; }
    numbered = true;
    var number = {};
    [].forEach.call(notes.children, function (li, i) { number[li.id] = i + 1; });
    document.querySelectorAll("main a.m.f").forEach(function (link) {
      var target = link.getAttribute("href");
      var n = target.charAt(0) === "#" ? number[target.slice(1)] : undefined;
      if (n) {
        // a thin space after the number: copied from a PDF, 幹部²¹14人 read "幹部2114人"
        var sup = el("sup", "note-num", n + "\u2009");
        sup.setAttribute("aria-hidden", "true");
        link.insertAdjacentElement("afterend", sup);
      }
    });
  }
  var print = window.matchMedia ? window.matchMedia("print") : null;
  if (print && print.addEventListener) { print.addEventListener("change", function (event) { if (event.matches) { numberNotes(); } }); }
  document.querySelectorAll(".page-url").forEach(function (span) { if (!span.textContent.trim()) { span.textContent = location.href.split("#")[0]; } });
  window.addEventListener("beforeprint", function () {
    numberNotes();
    document.querySelectorAll("details.notes-fold").forEach(function (d) { d.open = true; });
  });

})();
