// Every page: suggestions under the search box as you type (the form alone works without it).
(function () {
  "use strict";
  var box = document.getElementById("search");
  var list = document.getElementById("search-suggestions");
  if (!box || !list || !window.fetch) return;
  var hits = [], active = -1, timer = null, asked = "";

  function show() {
    list.textContent = "";
    hits.forEach(function (hit, i) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "suggestion-" + i;
      if (i === active) item.setAttribute("aria-selected", "true");
      var link = document.createElement("a");
      link.href = hit.href;
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = hit.label;
      var what = document.createElement("span");
      what.className = "what";
      what.textContent = hit.matched ? "“" + hit.matched + "” · " + (hit.type || "") : (hit.type || "");
      link.appendChild(name);
      link.appendChild(what);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = hits.length === 0;
    box.setAttribute("aria-expanded", hits.length ? "true" : "false");
    if (active >= 0) box.setAttribute("aria-activedescendant", "suggestion-" + active);
    else box.removeAttribute("aria-activedescendant");
  }

  function ask() {
    var text = box.value.trim();
    if (text === asked) return;
    asked = text;
    if (!text) { hits = []; active = -1; show(); return; }
    fetch("/search?limit=8&q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (found) {
        if (box.value.trim() !== text) return; // an older answer: the box has moved on
        hits = found; active = -1; show();
      })
      .catch(function () { hits = []; show(); });
  }

  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
  box.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!hits.length) return;
      e.preventDefault();
      if (e.key === "ArrowDown") active = active + 1 >= hits.length ? -1 : active + 1;
      else active = active - 1 < -1 ? hits.length - 1 : active - 1;
      show();
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      window.location.href = hits[active].href;
    } else if (e.key === "Escape") {
      hits = []; active = -1; asked = ""; show();
    }
  });
  document.addEventListener("click", function (e) {
    if (!list.contains(e.target) && e.target !== box) { hits = []; active = -1; asked = ""; show(); }
  });
})();
