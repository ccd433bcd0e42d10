// The query page works without this file (forms and links); it adds the editor (CodeMirror 5:
// highlighting, completion, the parse error marked in place) and a sortable, paged table.
(function () {
  "use strict";
  var data = JSON.parse((document.getElementById("editor-data") || {}).textContent || "{}");
  var prefixes = data.prefixes || {};
  var terms = data.terms || [];
  var KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH",
    "PREFIX", "ORDER BY", "GROUP BY", "LIMIT", "OFFSET", "ASK", "CONSTRUCT", "DESCRIBE", "VALUES",
    "BIND", "COUNT", "SAMPLE", "LANG", "STR", "CONTAINS", "STRSTARTS", "REGEX", "NOT EXISTS"];

  // --- the editor ---------------------------------------------------------------------------
  var area = document.getElementById("query");
  var editor = null;
  if (area && window.CodeMirror) {
    var form = document.getElementById("query-form");
    var error = document.getElementById("query-error");
    var problem = error && error.dataset.line ? {
      line: parseInt(error.dataset.line, 10) - 1,
      column: parseInt(error.dataset.column, 10) - 1,
      message: error.textContent
    } : null;
    var options = {
      mode: "application/sparql-query",
      lineNumbers: true,
      matchBrackets: true,
      viewportMargin: Infinity,
      extraKeys: {
        "Ctrl-Enter": function () { editor.save(); form.submit(); },
        "Cmd-Enter": function () { editor.save(); form.submit(); },
        "Ctrl-Space": function (cm) { cm.showHint({ hint: complete, completeSingle: false }); }
      }
    };
    if (problem && "lint" in CodeMirror.defaults) {
      options.gutters = ["CodeMirror-lint-markers", "CodeMirror-linenumbers"];
      options.lint = { getAnnotations: marked, lintOnChange: false };
    }
    editor = CodeMirror.fromTextArea(area, options);
    window.diplokgEditor = editor;
    form.addEventListener("submit", function () { editor.save(); });
    editor.on("inputRead", function (cm, change) {
      // After a ':' or the start of a word, offer what may follow.
      if (/[\w:]/.test(change.text.join(""))) cm.showHint({ hint: complete, completeSingle: false });
    });
    editor.on("changes", declarePrefixes);
    if (problem) {
      var at = clamp(problem.line, problem.column);
      editor.addLineClass(at.line, "background", "query-error-line");
      editor.markText(at, { line: at.line, ch: at.ch + 1 }, { className: "query-error-mark" });
      editor.on("change", function clear() {
        editor.removeLineClass(at.line, "background", "query-error-line");
        editor.getAllMarks().forEach(function (m) { m.clear(); });
        if (options.lint) editor.setOption("lint", false);
        editor.off("change", clear);
      });
    }
  }

  function clamp(line, column, cm) {
    cm = cm || editor;
    var last = cm.lineCount() - 1;
    line = Math.max(0, Math.min(line, last));
    var length = cm.getLine(line).length;
    // The parser names the place where it stopped; at the end of a line, the last character.
    return { line: line, ch: Math.max(0, Math.min(column, length - 1)) };
  }

  function marked(text, options, cm) {
    var at = clamp(problem.line, problem.column, cm);
    return [{ from: at, to: { line: at.line, ch: at.ch + 1 }, message: problem.message,
      severity: "error" }];
  }

  // What a query uses of the known prefixes without declaring them gets declared on top, as
  // the Wikidata Query Service's editor does; strings, IRIs and comments are not looked into.
  function declarePrefixes() {
    var text = editor.getValue();
    var bare = text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>|#[^\n]*/g, " ");
    var declared = {};
    bare.replace(/PREFIX\s+([A-Za-z][\w.-]*)?:/gi, function (_, name) { declared[name || ""] = true; });
    var missing = [];
    bare.replace(/(^|[^\w?$:.-])([A-Za-z][\w-]*):(?=[\w])/g, function (_, before, name) {
      if (prefixes[name] && !declared[name] && missing.indexOf(name) < 0) missing.push(name);
    });
    if (!missing.length) return;
    var lines = missing.map(function (n) { return "PREFIX " + n + ": <" + prefixes[n] + ">\n"; });
    editor.replaceRange(lines.join(""), { line: 0, ch: 0 });
  }

  // Ctrl-Space and typing: prefixes, the ontology's terms after "dkg:", keywords.
  function complete(cm) {
    var cursor = cm.getCursor();
    var line = cm.getLine(cursor.line).slice(0, cursor.ch);
    var word = /([A-Za-z][\w-]*)?(:?)([\w-]*)$/.exec(line);
    if (!word || (!word[0] && !word[2])) return null;
    var prefix = word[1] || "", colon = word[2], local = word[3];
    var from = CodeMirror.Pos(cursor.line, cursor.ch - word[0].length);
    var list = [];
    if (colon && prefix === "dkg") {
      terms.forEach(function (t) {
        if (t.name.toLowerCase().indexOf(local.toLowerCase()) === 0) {
          list.push({ text: "dkg:" + t.name, displayText: "dkg:" + t.name + "  " +
            (t.label ? t.label + ", " : "") + t.kind });
        }
      });
    } else if (!colon) {
      Object.keys(prefixes).sort().forEach(function (p) {
        if (p.indexOf(prefix) === 0) list.push({ text: p + ":", displayText: p + ":  " + prefixes[p] });
      });
      KEYWORDS.forEach(function (k) {
        if (prefix.length > 1 && k.toLowerCase().indexOf(prefix.toLowerCase()) === 0) list.push(k);
      });
    }
    if (!list.length) return null;
    return { list: list.slice(0, 40), from: from, to: cursor };
  }

  // --- the results table: click a heading to sort, pages of 50 rows --------------------------
  var table = document.getElementById("results-table");
  if (!table || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var PAGE = 50, page = 0, sorted = { column: -1, up: true };
  var pager = document.createElement("nav");
  pager.className = "pager";
  pager.id = "results-pager";
  pager.setAttribute("aria-label", "Result pages");
  table.parentNode.parentNode.insertBefore(pager, table.parentNode.nextSibling);

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    button.title = "Sort by " + th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(i); });
  });

  function value(row, i) {
    var cell = row.cells[i];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && String(x) === a.replace(/\.0+$/, "") && String(y) === b.replace(/\.0+$/, "")) {
      return x - y;
    }
    if (a === "" || b === "") return a === "" ? 1 : -1; // empty cells last
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function sortBy(i) {
    sorted = { column: i, up: sorted.column === i ? !sorted.up : true };
    rows.sort(function (a, b) {
      var order = compare(value(a, i), value(b, i));
      return sorted.up ? order : -order;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, j) {
      if (j === i) th.setAttribute("aria-sort", sorted.up ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    page = 0;
    show();
  }

  function show() {
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.max(0, Math.min(page, pages - 1));
    body.textContent = "";
    rows.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r) { body.appendChild(r); });
    pager.textContent = "";
    if (rows.length <= PAGE) { pager.hidden = true; return; }
    pager.hidden = false;
    function button(text, target, disabled) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.disabled = disabled;
      b.addEventListener("click", function () { page = target; show(); });
      pager.appendChild(b);
    }
    button("« first", 0, page === 0);
    button("‹ previous", page - 1, page === 0);
    var where = document.createElement("span");
    where.className = "where";
    where.textContent = "rows " + (page * PAGE + 1) + "–" + Math.min((page + 1) * PAGE, rows.length) +
      " of " + rows.length;
    pager.appendChild(where);
    button("next ›", page + 1, page >= pages - 1);
    button("last »", pages - 1, page >= pages - 1);
  }
  show();
})();
