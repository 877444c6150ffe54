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
  // Sortable tables: each column heading becomes a button; the table is complete without it.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var bodies = Array.prototype.slice.call(table.tBodies);
    table.querySelectorAll("thead th").forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = [];
        bodies.forEach(function (body) {
          Array.prototype.forEach.call(body.rows, function (row) { if (!row.classList.contains("group")) { rows.push(row); } });
        });
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var p = x.dataset.sort !== undefined ? parseFloat(x.dataset.sort) : x.textContent.trim();
          var q = y.dataset.sort !== undefined ? parseFloat(y.dataset.sort) : y.textContent.trim();
          var order = typeof p === "number" ? p - q : p.localeCompare(q);
          return ascending ? order : -order;
        });
        // Sorted rows leave their article groups: one body holds them all until reload.
        bodies.forEach(function (body, i) { if (i > 0) { body.hidden = true; } });
        bodies[0].querySelectorAll("tr.group").forEach(function (row) { row.hidden = true; });
        rows.forEach(function (row) { bodies[0].appendChild(row); });
      });
    });
  });
})();
