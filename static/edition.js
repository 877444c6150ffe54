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
  // Notes as popovers: a mention is a link to its note in the notes section (that works
  // without JavaScript); with it, the note opens beside the mention on click or keyboard
  // focus, and closes on Escape, blur or a click elsewhere.
  var popover = null;
  function close() {
    if (popover) { popover.remove(); popover = null; }
  }
  function open(link) {
    var id = link.getAttribute("href").slice(1);
    var note = document.getElementById(id);
    if (!note) { return false; }
    close();
    popover = document.createElement("div");
    popover.className = "popover";
    popover.setAttribute("role", "note");
    popover.id = "popover";
    popover.innerHTML = note.innerHTML;
    popover.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    document.body.appendChild(popover);
    var box = link.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8);
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = (window.scrollY + box.bottom + 6) + "px";
    return true;
  }
  document.querySelectorAll("a.m").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (open(link)) { event.preventDefault(); }
    });
    link.addEventListener("focus", function () { open(link); });
    link.addEventListener("blur", function () { setTimeout(function () {
      if (popover && !popover.contains(document.activeElement)) { close(); }
    }, 150); });
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); } });
  document.addEventListener("click", function (event) {
    if (popover && !popover.contains(event.target) && !(event.target.closest && event.target.closest("a.m"))) { close(); }
  });
})();
