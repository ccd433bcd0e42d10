// The map page: a zoomable Leaflet map (no tiles: country outlines from our own GeoJSON), one
// link per mission, coloured by its sending state. Marks never cover each other: at every zoom
// the missions of a city start on a ring around it, then overlapping marks are pushed apart,
// with a thin line back to their city. Without JavaScript the page keeps its SVG map.
(function () {
  "use strict";
  var box = document.getElementById("mission-map");
  var source = document.getElementById("map-data");
  if (!box || !source || !window.L) return;
  var marks = JSON.parse(source.textContent).marks;
  if (!marks.length) return;
  var coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  var R = coarse ? 10 : 8; // radius of a mark in pixels (a finger needs a larger target)
  var GAP = 3; // pixels between two marks

  box.hidden = false;
  var fallback = document.getElementById("map");
  if (fallback) fallback.style.display = "none";

  var map = L.map(box, { zoomSnap: 0.5, minZoom: 1, maxZoom: 13, worldCopyJump: true, attributionControl: true });
  map.attributionControl.setPrefix(false).addAttribution("Natural Earth; countrystatecity");
  var bounds = L.latLngBounds(marks.map(function (m) { return [m.lat, m.lon]; }));
  map.fitBounds(bounds.pad(0.1), { padding: [R * 2, R * 2] });

  if (window.fetch) {
    fetch("/map/countries.json").then(function (r) { return r.json(); }).then(function (geo) {
      L.geoJSON(geo, {
        interactive: false,
        style: { color: "#9aa5b1", weight: 0.8, fillColor: "#f7f7f2", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    }).catch(function () { /* the marks stand without the outlines */ });
  }

  var lines = L.layerGroup().addTo(map);
  var anchors = L.layerGroup().addTo(map);
  marks.forEach(function (m) {
    var link = document.createElement("a");
    link.className = "mission-dot";
    link.href = m.href;
    link.style.background = m.colour;
    link.setAttribute("aria-label", m.label + " (" + m.city + "; sent by " + m.sender + ")");
    m.marker = L.marker([m.lat, m.lon], {
      icon: L.divIcon({ className: "mission-mark", html: link.outerHTML, iconSize: [2 * R, 2 * R] }),
      keyboard: false, // the link inside takes the focus
      riseOnHover: true,
    }).bindTooltip(
      "<strong>" + escape(m.label) + "</strong><br>" + escape(m.city) + " · sent by " + escape(m.sender),
      { direction: "top", offset: [0, -R] }
    ).addTo(map);
  });

  function escape(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  // Place the marks for the current zoom, in layer pixels.
  function layout() {
    var cities = {};
    marks.forEach(function (m) {
      var key = m.lat + "," + m.lon;
      (cities[key] = cities[key] || []).push(m);
    });
    Object.keys(cities).forEach(function (key) {
      var group = cities[key];
      var centre = map.latLngToLayerPoint([group[0].lat, group[0].lon]);
      var ring = group.length === 1 ? 0 : Math.max(R + GAP, ((2 * R + GAP) * group.length) / (2 * Math.PI));
      group.forEach(function (m, i) {
        var angle = -Math.PI / 2 + (2 * Math.PI * i) / group.length;
        m.anchor = centre;
        m.p = L.point(centre.x + ring * Math.cos(angle), centre.y + ring * Math.sin(angle));
      });
    });
    var least = 2 * R + GAP;
    for (var round = 0; round < 200; round++) {
      var moved = false;
      for (var i = 0; i < marks.length; i++) {
        for (var j = i + 1; j < marks.length; j++) {
          var a = marks[i], b = marks[j];
          var dx = b.p.x - a.p.x, dy = b.p.y - a.p.y;
          var d = Math.sqrt(dx * dx + dy * dy);
          if (d >= least - 0.01) continue;
          if (d < 0.01) { dx = Math.cos(i + j); dy = Math.sin(i + j); d = 1; } // same spot
          var push = (least - d) / 2 + 0.05;
          a.p = L.point(a.p.x - (dx / d) * push, a.p.y - (dy / d) * push);
          b.p = L.point(b.p.x + (dx / d) * push, b.p.y + (dy / d) * push);
          moved = true;
        }
      }
      if (!moved) break;
    }
    lines.clearLayers();
    anchors.clearLayers();
    var drawn = {};
    marks.forEach(function (m) {
      var at = map.layerPointToLatLng(m.p);
      m.marker.setLatLng(at);
      if (m.p.distanceTo(m.anchor) > 1) {
        lines.addLayer(L.polyline([[m.lat, m.lon], at], { color: "#52606d", weight: 1, opacity: 0.7, interactive: false }));
      }
      var key = m.lat + "," + m.lon;
      if (!drawn[key]) {
        drawn[key] = true;
        anchors.addLayer(L.circleMarker([m.lat, m.lon], { radius: 2.5, color: "#1f2933", weight: 1, fillOpacity: 1, interactive: false }));
      }
    });
  }
  map.on("zoomend viewreset", layout);
  layout();
})();
