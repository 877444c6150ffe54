// The search page's matching: which passages hold the query, and which of their words are
// marked. static/search.js (loaded after this) asks Pagefind and lists what this keeps.
//
// Pagefind finds a page by each query word as the start of an indexed word, any one of them
// in any passage ("Xi Jinping" found "Wang Xinyu"; "3,400" every 3 and 400: usage walk 17). A
// passage is kept where it holds the whole query: its Chinese words whole (公益性岗位, not
// 公益 and 岗位 apart), and its other words as written, next to each other (Xi Jinping, 3,400,
// 1/4), or else each of them, apart; a passage holding only part of the query is not a result.
(function () {
  "use strict";
  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var han = new RegExp("[" + HAN + "]|[\ud840-\ud8bf][\udc00-\udfff]", "g");
  // a letter or digit of a word that is not Chinese (Chinese beside a figure is no word of it: 3400人)
  var LETTER = new RegExp("[\\p{L}\\p{N}]", "u"), HANCHAR = new RegExp("[" + HAN + "]");
  function inWord(c) { return !!c && LETTER.test(c) && !HANCHAR.test(c); }

  // A query as the text writes it: a name copied from the page has its typographic apostrophe
  // (Kuona’airike: usage walk 17 found nothing), the index and the names' other forms may have
  // the plain one; quotation marks and hyphens likewise. The text is folded the same way.
  function typed(query) {
    return query.replace(/[\u2018\u2019\u201b\u02bc\u2032\uff07]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033\uff02]/g, "\"")
      .replace(/[\u2010\u2011]/g, "-");
  }
  // and compared without case or accents (Pagefind finds Xí Jìnpíng for Xi Jinping)
  function folded(text) { return typed(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  // The index holds Chinese one character a word (edition/search.py: Pagefind's own dictionary
  // segmentation is not the browser's, and a query matches only the starts of indexed words).
  // A query is split the same way, whatever the page's language (Pagefind word-breaks a query
  // itself on a page in Chinese, differently, and on another page drops its punctuation, making
  // "poverty-alleviation" one word the index does not have): each Chinese character a word, as
  // are the runs of digits and letters beside them, and ASCII punctuation a space, as Pagefind
  // has it in the index. A query word holding Chinese must then be in a passage whole (7687万元,
  // 83个, 公益性岗位), and its characters there are the ones marked.
  function parts(query) { return query.replace(han, " $& ").replace(/[!-\/:-@[-`{-~]/g, " ").replace(/\s+/g, " ").trim(); }
  function plain(text) { return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""); }
  // A query's words that hold Chinese (``chinese``), or its other words.
  function wordsOf(query, chinese) { return query.split(/\s+/).filter(function (w) { return w && (w.search(han) >= 0) === chinese; }); }
  // The words of a passage that hold each of the query's Chinese words, or null if one is not there.
  function wholeWords(p, wanted) {
    var text = "";
    var owner = [];
    var starts = []; // where the passage's numbers start in text: 4 in 1-4, not in 16.4 or 2,004
    var tail = ""; // the text's last characters before this word (Pagefind's words: 16|.|4)
    for (var i = p.start; i < p.end; i++) {
      var raw = p.words[i] || "";
      for (var m, digits = /\d+/g; (m = digits.exec(raw));) {
        if (!/\d[.,]?$/.test(tail + raw.slice(0, m.index))) { starts.push(text.length + plain(raw.slice(0, m.index)).length); }
      }
      tail = (tail + raw + (p.zws ? "" : " ")).slice(-2);
      var word = plain(raw);
      text += word;
      for (var k = 0; k < word.length; k++) { owner.push(i); }
    }
    var marked = [];
    for (var w = 0; w < wanted.length; w++) {
      var found = false;
      for (var at = text.indexOf(wanted[w]); at >= 0; at = text.indexOf(wanted[w], at + 1)) {
        // a query's number starts where one of the text does (its end may be a longer number's
        // start, as an English word's): 20年, twenty years, is not the end of 2020年
        if (/\d/.test(wanted[w][0]) && starts.indexOf(at) < 0) { continue; }
        found = true;
        for (var c = at; c < at + wanted[w].length; c++) { if (marked.indexOf(owner[c]) < 0) { marked.push(owner[c]); } }
      }
      if (!found) { return null; }
    }
    return marked;
  }

  // The query's other words as a pattern of the folded text: their letters and digits as written,
  // a space between two words any spaces or a hyphen (poverty alleviation, poverty-alleviation), a
  // hyphen between letters a space too, a comma between digits there or not (3,400 is the
  // Chinese text's 3400), other punctuation as written; quotation marks around a phrase and
  // punctuation at either end left out. ``last`` is whether its last word may be a longer one's
  // start (rent: rentals; what is typed so far), as Pagefind matches.
  function pattern(query, last) {
    var units = [], space = false;
    folded(query).replace(/[\p{L}\p{N}]+|\S|\s+/gu, function (u) {
      if (/^\s/.test(u) || u === "\"") { space = space || units.length > 0; } else { units.push({ text: u, word: inWord(u[0]) || /\d/.test(u[0]), space: space }); space = false; }
      return u;
    });
    while (units.length && !units[0].word) { units.shift(); }
    while (units.length && !units[units.length - 1].word) { units.pop(); }
    if (!units.length) { return null; }
    var source = units.map(function (u, i) {
      var before = i === 0 ? "" : u.space ? (u.word && units[i - 1].word ? "[\\s-]+" : "\\s*") : "";
      var next = units[i + 1], prev = units[i - 1];
      var between = prev && next && !u.space && !next.space;
      if (u.word) { return before + u.text; }
      if (u.text === "," && between && /\d$/.test(prev.text) && /^\d/.test(next.text)) { return ",?"; }
      if (u.text === "-" && between && prev.word && next.word) { return before + "[\\s-]?"; }
      return before + u.text.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&");
    }).join("");
    return { re: new RegExp(source, "g"), digitStart: /^\d/.test(units[0].text), digitEnd: /\d$/.test(units[units.length - 1].text), last: last };
  }
  // Where a pattern stands in a passage's folded text as a word of its own, by the passage's
  // words it covers (empty: nowhere). A figure is whole: 400 is not the end of 3,400 nor 4 of
  // 16.4, 3,400 not the start of 3,4001; a word ends where its letters do, unless ``last``.
  function covered(folded, pat) {
    var text = folded.text, out = [];
    pat.re.lastIndex = 0;
    for (var m; (m = pat.re.exec(text)); pat.re.lastIndex = m.index + 1) {
      var at = m.index, end = at + m[0].length;
      if (!m[0] || inWord(text[at - 1]) || (pat.digitStart && /\d[.,]$/.test(text.slice(Math.max(0, at - 2), at)))) { continue; }
      if (pat.digitEnd ? /^(?:\d|[.,]\d)/.test(text.slice(end, end + 2)) : !pat.last && inWord(text[end])) { continue; }
      for (var c = at; c < end; c++) { if (out.indexOf(folded.owner[c]) < 0) { out.push(folded.owner[c]); } }
    }
    return out;
  }
  function foldedText(p) {
    var text = "", owner = [];
    for (var i = p.start; i < p.end; i++) {
      var word = folded((p.words[i] || "").replace(/<[^>]*>/g, "")) + (p.zws ? "" : " ");
      text += word;
      for (var k = 0; k < word.length; k++) { owner.push(i); }
    }
    return { text: text, owner: owner };
  }

  // What a query asks for (Traditional characters already made Simplified): its Chinese words,
  // each whole; its other words as one phrase and each alone; and the phrases Pagefind is asked
  // for besides the words, so that the pages holding them come first among the 100 read.
  function prepare(query) {
    query = typed(query);
    var chinese = wordsOf(query, true), others = wordsOf(query, false);
    var words = others.map(function (w, i) { return pattern(w, i === others.length - 1); }).filter(Boolean);
    var phrases = chinese.map(function (w) { return "\"" + parts(w) + "\""; });
    var spoken = parts(others.join(" "));
    if (words.length > 1 && spoken.indexOf(" ") > 0) { phrases.push("\"" + spoken + "\""); }
    return { query: query, words: parts(query), phrases: phrases, chinese: chinese.map(plain).filter(Boolean),
      phrase: words.length > 1 ? pattern(others.join(" "), true) : null, each: words };
  }
  // How a passage holds the query: 0 as written (its words next to each other), 1 all its words
  // apart, -1 not whole (not a result); its words that hold it become its marks (``hits``).
  function held(p, q) {
    var marked = q.chinese.length ? wholeWords(p, q.chinese) : [];
    if (!marked) { return -1; }
    var tier = 0;
    if (q.each.length) {
      var text = foldedText(p);
      var words = q.phrase ? covered(text, q.phrase) : [];
      if (!words.length) {
        tier = q.phrase ? 1 : 0;
        for (var i = 0; i < q.each.length; i++) {
          var one = covered(text, q.each[i]);
          if (!one.length) { return -1; }
          words = words.concat(one);
        }
      }
      marked = marked.concat(words);
    }
    if (!marked.length) { return -1; }
    p.hits = marked.filter(function (at, i) { return marked.indexOf(at) === i; }).sort(function (a, b) { return a - b; });
    return tier;
  }
  // Which of the query's words (not Chinese) a passage holds, made its marks: the passages of a
  // page that holds the query only between them (review 23: "Wang Hao 3,400", ¶3 and ¶5 of
  // Moyu, was one result, the page's top, its excerpt the page's list of names).
  function some(p, q) {
    var text = foldedText(p), hits = [];
    q.chinese.forEach(function (w) { hits = hits.concat(wholeWords(p, [w]) || []); });
    q.each.forEach(function (w) { hits = hits.concat(covered(text, w)); });
    p.hits = hits.sort(function (a, b) { return a - b; });
    return hits.length > 0;
  }
  // Whether a page of names is named by the query (Xi Jinping's own page, before the other
  // pages and notes that name him).
  function names(title, q) { return !!title && plain(folded(title)) === plain(folded(q.query)); }

  window.editionSearch = { prepare: prepare, held: held, some: some, names: names };
})();
