// An article page's passage actions and "Cite this article" (progressive enhancement, with
// edition.js, which makes the popover they share). Without JavaScript, ¶ is a permalink and
// every citation format is shown.
(function () {
  "use strict";
  var pop = window.editionPopover;
  if (!pop) { return; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  // --- Copy to the clipboard, with a word of confirmation on the button.
  function copyButton(text, label, done) {
    var button = el("button", "copy", label);
    button.type = "button";
    button.addEventListener("click", function () {
      var value = typeof text === "function" ? text() : text;
      var written = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(value) : Promise.reject();
      written.then(function () { button.textContent = done; }, function () {
        // no clipboard (an insecure origin): select the text for the reader to copy
        var range = document.createRange();
        range.selectNodeContents(button.previousSibling);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
      });
    });
    return button;
  }

  // --- A passage's actions, behind its one small control (¶): its link, its short
  // reference and a citation, each with a copy button. Without JavaScript ¶ is a permalink.
  var cite = document.getElementById("cite");
  var words = cite ? cite.dataset : { copy: "Copy", copied: "Copied" };
  var names = cite ? { link: words.link, ref: words.ref, cite: words.citation, lines: words.lines }
    : { link: "Link", ref: "Reference", cite: "Citation", lines: "Source lines" };
  // A passage's citation: the article's, with the passage's place in it ("¶3") and its
  // anchor filled in (the page carries the pattern once, not every passage's citation): its
  // pieces are texts, and between them the names of what the passage fills in.
  function passageCite(pair) {
    var ref = cite && cite.dataset.articleRef;
    var pieces = null;
    try { pieces = JSON.parse(cite.dataset.passageCite); } catch (e) { pieces = null; }
    if (!ref || !Array.isArray(pieces) || pair.dataset.ref.indexOf(ref + " ") !== 0) {
      return pair.dataset.cite || "";  // a page of another version, kept by a cache
    }
    var part = pair.dataset.ref.slice(ref.length + 1);
    if (cite.dataset.passageParts) {  // a Chinese view cites the original: "¶3" is "第3段"
      try { part = JSON.parse(cite.dataset.passageParts)[part]; } catch (e) { part = null; }
      if (typeof part !== "string") { return pair.dataset.cite || ""; }
    }
    var fill = { part: part, id: pair.id };
    return pieces.map(function (piece, i) { return i % 2 ? fill[piece] : piece; }).join("");
  }
  document.querySelectorAll(".pair[data-ref] > a.pl").forEach(function (control) {
    var pair = control.parentNode;
    control.addEventListener("click", function (event) {
      event.preventDefault();
      if (pop.owner() === control) { pop.close(); return; }
      history.replaceState(null, "", "#" + pair.id);
      var url = location.href;
      var box = el("dl", "actions");
      [[names.ref, pair.dataset.ref], [names.link, url], [names.cite, passageCite(pair)]].filter(function (row) { return row[1]; }).forEach(function (row) {
        box.appendChild(el("dt", "", row[0]));
        var dd = el("dd");
        var value = dd.appendChild(el("span", "value", row[1]));
        // a Chinese view's citation is of the original, as printed (in Simplified characters)
        if (row[0] === names.cite && cite && cite.dataset.passageLang) { value.lang = cite.dataset.passageLang; }
        // the short reference ("CRD 2020-05-25 p12 Moyu ¶3") is English's letters in every view
        if (row[0] === names.ref) { value.lang = "en"; }
        dd.appendChild(document.createTextNode(" "));
        dd.appendChild(copyButton(row[1], words.copy, words.copied));
        box.appendChild(dd);
      });
      box.appendChild(el("dt", "", names.lines));
      box.appendChild(el("dd", "", pair.dataset.lines));
      pop.show(control, box, "passage-actions");
      var first = pop.element().querySelector("button.copy");
      if (first) { first.focus({ preventScroll: true }); }
    });
  });

  // --- "Cite this article": one format at a time, chosen from a list, with a copy button.
  if (cite) {
    var list = cite.querySelector("dl");
    var terms = list ? Array.prototype.slice.call(list.querySelectorAll("dt")) : [];
    if (terms.length) {
      var label = el("label", "", cite.dataset.format + " ");
      var select = el("select");
      terms.forEach(function (dt, i) { var option = el("option", "", dt.textContent); option.value = i; select.appendChild(option); });
      label.appendChild(select);
      var shown = el("p", "cite-shown");
      var text = el("span", "value");
      shown.appendChild(text);
      shown.appendChild(document.createTextNode(" "));
      shown.appendChild(copyButton(function () { return text.textContent.trim(); }, cite.dataset.copy, cite.dataset.copied));
      var choose = function () {
        var dd = terms[select.value].nextElementSibling;
        var pre = dd.querySelector("pre");
        // copied with its marks: the Chinese in an English citation keeps its lang
        text.textContent = "";
        Array.prototype.forEach.call((pre || dd).childNodes, function (node) { text.appendChild(node.cloneNode(true)); });
        text.lang = dd.lang || "en";
        shown.classList.toggle("code", !!pre);
      };
      select.addEventListener("change", choose);
      choose();
      list.hidden = true;
      list.parentNode.insertBefore(label, list);
      list.parentNode.insertBefore(shown, list);
    }
  }
  // ... and opens when the address names it (…/#cite: usage walk 17 found it closed).
  function citeAsked() { if (cite && location.hash === "#cite") { cite.open = true; } }
  citeAsked();
  addEventListener("hashchange", citeAsked);

  // --- A name reached by its address (a note's "Back to the text", a shared link) is shown as
  // without JavaScript, highlighted, its note not opened: edition.js opens a name's note on
  // focus, and the browser focuses the name it scrolls to; the note, placed before that scroll,
  // was drawn above the screen's top at a desk, and on a phone covered the text the reader came
  // back to (usage walk 17). Tab onto it still opens it, and so does a click or a tap
  // (edition.js's click). (A focus stopped on its way to the name: capture on the window.)
  var tabbed = false;
  addEventListener("keydown", function (event) { tabbed = event.key === "Tab"; }, true);
  addEventListener("pointerdown", function () { tabbed = false; }, true);
  addEventListener("focus", function (event) {
    var name = event.target;
    if (!tabbed && name.matches && name.matches("a.m:target")) { event.stopPropagation(); }
  }, true);

  // --- The vocabulary page the parallel, Simplified and English views share (edition/pages.py):
  // its way back leads to the view the reader came from, by the address they came from, else to
  // the view they last chose (usage walk 17: a reader of the Simplified view was led to the
  // parallel view's article, and stayed in that view). Without JavaScript: the parallel view's,
  // which shows the Chinese too. words.html gives the other views' addresses.
  var back = document.querySelector("a[data-zh]");
  if (back) {
    var came = document.referrer.split("#")[0];
    var chosen = null;
    try { chosen = localStorage.getItem("edition-view"); } catch (e) { /* storage blocked */ }
    var views = { parallel: back.href };
    ["zh", "en"].forEach(function (view) { views[view] = new URL(back.dataset[view], location.href).href; });
    var from = Object.keys(views).filter(function (view) { return views[view] === came; })[0] || chosen;
    if (views[from]) { back.href = views[from]; }
  }

})();
