// The query page works without this file (forms and links); it adds the highlighting editor.
(function () {
  "use strict";
  var area = document.getElementById("query");
  if (!area || !window.CodeMirror) return;
  var form = document.getElementById("query-form");
  var editor = window.CodeMirror.fromTextArea(area, {
    mode: "application/sparql-query",
    lineNumbers: true,
    matchBrackets: true,
    viewportMargin: Infinity,
    extraKeys: {
      "Ctrl-Enter": function () { editor.save(); form.submit(); },
      "Cmd-Enter": function () { editor.save(); form.submit(); }
    }
  });
  window.diplokgEditor = editor;
  form.addEventListener("submit", function () { editor.save(); });
})();
