// Reading help over the Chinese (templates/_reading.html): pinyin above the words, and a gloss
// for any word on tap, click or keyboard focus. Progressive enhancement: without this file each
// article's vocabulary page (linked above the text) gives the same help.
//
// The words were found at build time (edition/segment.py) and are kept beside the text, never in
// it: reading/<article>.json lists each block's tokens ([text] or [text, pinyin, entity]), which
// this file lays over the block's text nodes, so the page's HTML stays the Chinese as transcribed.
// The token files and the dictionary (reading/words.json) are fetched on first use only.
(function () {
  "use strict";
  var on = document.addEventListener.bind(document);  // a listener on the whole page
  var box = document.querySelector(".reading-help");
  if (!box || !window.fetch || !window.Promise) { return; }
  var switches = box.querySelector(".reading-switches");
  switches.hidden = false;
  box.querySelector(".reading-hint").hidden = false;
  var buttons = {};
  switches.querySelectorAll("button[data-switch]").forEach(function (b) { buttons[b.dataset.switch] = b; });

  // The reader's choice is remembered; a URL that says ?pinyin=on (or off) wins over it, and
  // the remembered choice never rewrites a URL.
  var params = new URLSearchParams(location.search);
  function remembered(name) {
    try { return localStorage.getItem("edition-" + name); } catch (e) { return null; }
  }
  function remember(name, on) {
    try { localStorage.setItem("edition-" + name, on ? "on" : "off"); } catch (e) { /* storage blocked */ }
  }
  function initial(name) {
    var value = params.get(name);
    if (value === "on" || value === "1") { return true; }
    if (value === "off" || value === "0") { return false; }
    return remembered(name) === "on";
  }

  // --- the words, laid over the text ------------------------------------------------------
  var tokens = null;
  function loadTokens() {
    if (!tokens) {
      tokens = Promise.all(box.dataset.reading.split(" ").map(function (url) {
        return fetch(url).then(function (r) { if (!r.ok) { throw new Error(url); } return r.json(); });
      })).then(function (files) {
        var blocks = {};
        files.forEach(function (f) { Object.keys(f.blocks).forEach(function (id) { blocks[id] = f.blocks[id]; }); });
        wrapAll(blocks);
        return blocks;
      });
    }
    return tokens;
  }
  var words = null;
  function loadWords() {
    if (!words) {
      words = fetch(box.dataset.words).then(function (r) { if (!r.ok) { throw new Error(r.url); } return r.json(); })
        .then(function (d) { return d.words; });
    }
    return words;
  }

  function chineseOf(id) {
    var el = document.getElementById(id);
    return el ? el.querySelector(".zh, span[lang^='zh']") : null;
  }
  function wrapAll(blocks) {
    Object.keys(blocks).forEach(function (id) {
      var el = chineseOf(id);
      if (el && !el.dataset.words) { wrap(el, blocks[id], id); }
    });
  }
  // Each token's text becomes a <ruby class="w"> over the text nodes it spans (a name's token
  // lies inside its link); its pinyin is an <rt> hidden from screen readers, which read the
  // Chinese on without it. A block whose text is not the tokens' (changed since) is left alone.
  function wrap(el, list, id) {
    var total = 0;
    list.forEach(function (t) { total += t[0].length; });
    if (el.textContent.length !== total) { return; }
    el.dataset.words = "1";
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var k = 0, inside = 0;
    nodes.forEach(function (node) {
      var text = node.nodeValue, at = 0, out = document.createDocumentFragment();
      while (at < text.length && k < list.length) {
        var token = list[k];
        var take = Math.min(token[0].length - inside, text.length - at);
        var piece = text.substr(at, take);
        out.appendChild(token.length > 1 ? word(piece, token, id, k, inside === 0) : document.createTextNode(piece));
        at += take;
        inside += take;
        if (inside === token[0].length) { k += 1; inside = 0; }
      }
      node.parentNode.replaceChild(out, node);
    });
  }
  // A long word (a document's title, a slogan: 朝阳区开展挂牌督战…实施方案) is one ruby of many
  // pairs, each word of its pinyin over its own characters. A ruby breaks between its pairs, never
  // inside one (Chromium does break a long pair, but not in a paragraph of text-wrap: pretty): as a
  // single pair a title ran off a phone's screen, and off the column of the Chinese-only view. A
  // shorter word stays one pair, as before; so does one whose pinyin does not fit its characters.
  var LONG = 10;
  function word(text, token, id, k, first) {
    var ruby = document.createElement("ruby");
    ruby.className = "w";
    ruby.dataset.block = id;
    ruby.dataset.k = k;
    var pairs = first && text.length >= LONG && text.length === token[0].length ? pairsOf(text, token[1]) : null;
    (pairs || [[text, first ? token[1] : null]]).forEach(function (pair) {
      ruby.appendChild(document.createTextNode(pair[0]));
      if (pair[1] !== null) {
        var rt = document.createElement("rt");
        rt.setAttribute("aria-hidden", "true");
        rt.textContent = pair[1];
        ruby.appendChild(rt);
      }
    });
    return ruby;
  }
  // The word's characters cut by the words of its pinyin: a word of n syllables takes n Chinese
  // characters (a syllable has one run of vowels; pinyin sets an apostrophe where a syllable that
  // starts with a vowel would join the one before: Fāng'àn), a number in the pinyin the same digits,
  // and punctuation (、) goes with the characters before it. Null unless that accounts for every
  // character: the word is then one pair.
  var HAN = /\p{Script=Han}/u, MARK = /[^\p{L}\p{N}]/u, DIGITS = /^[0-9.]+$/;
  var VOWELS = /[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+/g;
  function pairsOf(text, pinyin) {
    var chars = Array.from(text), at = 0, out = [];
    var ok = pinyin.split(/\s+/).filter(Boolean).every(function (group) {
      var base = "";
      while (at < chars.length && MARK.test(chars[at])) { base += chars[at++]; }
      if (DIGITS.test(group)) {
        if (chars.slice(at, at + group.length).join("") !== group) { return false; }
        base += group;
        at += group.length;
      } else {
        var n = (group.toLowerCase().match(VOWELS) || []).length;
        for (var i = 0; i < n; i += 1) {
          if (at >= chars.length || !HAN.test(chars[at])) { return false; }
          base += chars[at++];
        }
      }
      while (at < chars.length && MARK.test(chars[at])) { base += chars[at++]; }
      out.push([base, group]);
      return base !== "";
    });
    return ok && at === chars.length && out.length > 1 ? out : null;
  }
  // A word's characters, without its pinyin (a long word's are in several text nodes).
  function baseOf(w) {
    var text = "";
    w.childNodes.forEach(function (node) { if (node.nodeType === 3) { text += node.nodeValue; } });
    return text;
  }

  // --- the gloss -------------------------------------------------------------------------
  var popup = null, current = null;
  function close() {
    if (popup) { popup.remove(); popup = null; }
    if (current) { current.removeAttribute("aria-describedby"); current.classList.remove("w-open"); current = null; }
  }
  function plain(pinyin) { return pinyin.toLowerCase().replace(/[^a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/g, ""); }
  function el(tag, text, lang, cls) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    if (lang) { e.lang = lang; }
    if (cls) { e.className = cls; }
    return e;
  }
  function open(w) {
    loadTokens().then(function (blocks) {
      var token = (blocks[w.dataset.block] || [])[Number(w.dataset.k)];
      if (!token) { return; }
      close();
      current = w;
      w.classList.add("w-open");
      popup = el("div", "", "", "popover gloss");
      popup.id = "gloss";
      popup.setAttribute("role", "note");
      // its close control, as a name's note has (edition.js): on a phone's sheet (review 15)
      var shut = popup.appendChild(el("button", document.body.dataset.close, "", "close"));
      shut.type = "button";
      shut.onclick = function () { var back = current; close(); back.focus({ preventScroll: true }); };
      var zhLang = w.closest("[lang]").lang;
      var head = el("p", "", "", "gloss-head");
      head.appendChild(el("b", textOf(w), zhLang));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", token[1], "zh-Latn-pinyin", "gloss-pinyin"));
      popup.appendChild(head);
      var body = el("div", "…", "en", "gloss-body");
      popup.appendChild(body);
      (document.getElementById("main") || document.body).appendChild(popup);  // inside a landmark
      w.setAttribute("aria-describedby", "gloss");
      place(w);
      var mine = popup;
      loadWords().then(function (dictionary) {
        if (popup === mine) { fill(body, token, dictionary[token[0]], textOf(w)); place(w); }
      }, function () { if (popup === mine) { body.textContent = ""; body.appendChild(el("p", box.dataset.missing)); } });
    });
  }
  function textOf(w) {
    var parts = [];
    document.querySelectorAll('.w[data-block="' + w.dataset.block + '"][data-k="' + w.dataset.k + '"]').forEach(function (p) {
      parts.push(baseOf(p));
    });
    return parts.join("");
  }
  // The senses of the reading the word has here come first (行 háng: 'row', not 'to walk').
  // ``shown``: the word as the page writes it (Traditional in that view), whose characters its
  // parts are: the dictionary's parts are Simplified (街乡 showed 乡 in 街鄉's gloss).
  function fill(body, token, entry, shown) {
    body.textContent = "";
    if (!entry) {
      body.appendChild(el("p", /[0-9]/.test(token[0]) ? box.dataset.number : box.dataset.missing));
      return;
    }
    var level = entry[0], readings = entry[1].slice();
    readings.sort(function (a, b) { return (plain(b[0]) === plain(token[1])) - (plain(a[0]) === plain(token[1])); });
    if (level) { body.appendChild(el("p", box.dataset.level + " " + level, "", "gloss-level")); }
    if (!readings.length) { body.appendChild(el("p", box.dataset.missing)); }
    // A word CC-CEDICT lacks: the words it is made of (经济社会: 经济 + 社会), each [part, pinyin,
    // senses], or [part] alone where CC-CEDICT lacks the part too (edition/reading_out.py). Every
    // part is listed, such a part with "?" as the vocabulary page has it: dropping it (as a filter
    // once did) showed a word as made of less than all its characters.
    var made = entry[2] || [];
    if (!readings.length && made.length > 1) {
      var parts = el("ul", "", "", "gloss-parts");
      parts.setAttribute("aria-label", box.dataset.parts);
      var at = 0;
      made.forEach(function (p) {
        var item = el("li");
        var written = shown && shown.length === token[0].length ? shown.slice(at, at + p[0].length) : p[0];
        at += p[0].length;
        item.appendChild(el("span", written, box.dataset.zh));
        if (p.length > 1) {
          item.appendChild(document.createTextNode(" "));
          item.appendChild(el("span", p[1], "zh-Latn-pinyin", "gloss-pinyin"));
        }
        item.appendChild(document.createTextNode(": " + (p.length > 1 ? p[2] : "?")));
        parts.appendChild(item);
      });
      body.appendChild(el("p", box.dataset.parts + (box.dataset.colon || ":")));
      body.appendChild(parts);
    }
    var list = el("ul");
    readings.slice(0, 3).forEach(function (r) {
      var item = el("li");
      item.appendChild(el("span", r[0], "zh-Latn-pinyin", "gloss-pinyin"));
      if (r[1]) { item.appendChild(document.createTextNode(" ")); item.appendChild(el("span", r[1], "zh-Hant")); }
      item.appendChild(document.createTextNode(": " + r[2]));
      list.appendChild(item);
    });
    if (readings.length) { body.appendChild(list); }
  }
  // Placed as edition.js places a name's note, so that it is whole on the screen: on a phone a
  // sheet along the bottom of the screen (edition.css), along the top for a word in the screen's
  // lower part, never over the lines after the word; elsewhere below the word, or above it where
  // the screen has more room there, no taller than that room (the same code: edition.js's).
  // Placed again once the senses are in.
  // (edition.js's place clears the last placing: a sheet's classes, a desk's inline box)
  function place(w) {
    if (popup && window.editionPopover) { window.editionPopover.place(w.getBoundingClientRect(), popup); }
  }

  // Tap or click: a word's gloss opens (a name's link keeps its note: edition.js opens it). The
  // first tap on the Chinese lays the words over the text, then finds the word under the finger.
  var ZH = ".zh, figcaption span[lang^='zh']";
  // The word at a point opens, the words laid over the text first.
  function openAt(x, y) {
    loadTokens().then(function () {
      var hit = document.elementFromPoint(x, y);
      var w = hit && hit.closest && hit.closest(".w");
      if (w && !w.closest("a")) { open(w); }
    });
  }
  // On a phone the browser moves a tap that falls beside a link onto the link (touch
  // adjustment): a tap on the word after a figure followed the figure, one beside a name opened
  // its note. The touch's own point says where the finger was (only the events are moved): if
  // not on the link the tap came to (a link in the Chinese), the link takes no focus (a name's
  // note opens on focus) and is not followed. Then a link at the finger is followed; above or
  // below the link's glyphs, the link; on a word, its gloss opens (on punctuation, nothing).
  // A tap's mouse events come at once after its touch ends; a click by keyboard has no detail.
  var finger, moved;
  on("touchend", function (e) {
    var t = e.changedTouches[0];
    finger = !e.touches.length && [t.clientX, t.clientY, e.timeStamp];
  }, true);
  on("mousedown", function (e) {
    var f = finger, link = f && e.timeStamp - f[2] < 300 && e.target.closest("a"), at;
    moved = link && link.closest(ZH) && !link.contains(at = document.elementFromPoint(f[0], f[1])) && [link, at];
    if (moved) { e.preventDefault(); }
  }, true);
  on("click", function (e) {
    var m = moved, f = finger;
    moved = finger = 0;
    if (!m || !e.detail || e.target.closest("a") !== m[0]) { return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    if (window.editionPopover) { window.editionPopover.close(); }  // as any tap elsewhere does
    var other = m[1] && m[1].closest("a");
    if (other) {
      other.click();
    } else if ([].some.call(m[0].getClientRects(), function (r) { return f[0] >= r.left && f[0] <= r.right; })) {
      m[0].click();
    } else {
      openAt(f[0], f[1]);
    }
  }, true);
  on("click", function (event) {
    var target = event.target;
    if (!target.closest || target.closest("#gloss")) { return; }
    if (target.closest("a, button, summary")) { close(); return; }
    var w = target.closest(".w");
    if (w) { open(w); return; }
    var text = target.closest(ZH);
    if (text && !text.dataset.words) {
      openAt(event.clientX, event.clientY);
      return;
    }
    close();
  });
  on("keydown", function (event) {
    if (event.key === "Escape") { close(); }
    if ((event.key === "Enter" || event.key === " ") && event.target.classList && event.target.classList.contains("w")) {
      event.preventDefault();
      open(event.target);
    }
  });
  // Words by keyboard: in this mode each word (not a name: its link is a tab stop already) is a
  // tab stop whose gloss opens on focus. Off by default, so that reading by keyboard is not slowed.
  on("focusin", function (event) {
    var w = event.target;
    if (w.classList && w.classList.contains("w") && w.tabIndex === 0) { open(w); }
  });
  on("focusout", function () {
    setTimeout(function () {
      var active = document.activeElement;
      if (current && active !== current && !(popup && popup.contains(active)) && current.tabIndex === 0) { close(); }
    }, 150);
  });
  function focusable(on) {
    document.querySelectorAll(".w").forEach(function (w) {
      if (w.closest("a")) { return; }
      if (on) { w.tabIndex = 0; w.setAttribute("role", "button"); } else { w.removeAttribute("tabindex"); w.removeAttribute("role"); }
    });
  }

  // --- the switches ----------------------------------------------------------------------
  function set(name, on) {
    buttons[name].setAttribute("aria-pressed", on ? "true" : "false");
    document.body.classList.toggle("reading-" + name, on);
    if (on) {
      loadTokens().then(function () { if (name === "gloss" && buttons.gloss.getAttribute("aria-pressed") === "true") { focusable(true); } });
    } else if (name === "gloss") {
      close();
      focusable(false);
    }
  }
  Object.keys(buttons).forEach(function (name) {
    buttons[name].addEventListener("click", function () {
      var on = buttons[name].getAttribute("aria-pressed") !== "true";
      remember(name, on);
      set(name, on);
    });
    if (initial(name)) { set(name, true); }
  });
  window.addEventListener("resize", function () { if (current) { place(current); } });
})();
