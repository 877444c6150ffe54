// The figures appendix: sortable columns (progressive enhancement; the table is complete without it).
(function () {
  "use strict";
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  // --- Sortable tables: each column heading becomes a button; the table is complete without it.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var bodies = Array.prototype.slice.call(table.tBodies);
    table.querySelectorAll("thead th").forEach(function (th, column) {
      var button = el("button", "", th.textContent);
      button.type = "button";
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
