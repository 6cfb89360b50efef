/* The network page of seminargraph. Every text that comes from the data is put on the page with
   textContent (never as markup): names and titles in the data are not trusted. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sg-data").textContent);
  var ui = data.ui;
  var nodeInfo = data.info.nodes;
  var edgeInfo = data.info.edges;
  var container = byId("sg-network");

  function byId(id) { return document.getElementById(id); }
  function make(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // --- which nodes and links are shown ---------------------------------------------------------
  var allTypes = data.types.map(function (t) { return t.key; });
  var state = { types: new Set(allTypes), statuses: new Set(["", "stated", "inferred", "ambiguous"]),
                event: null, organisation: null, focus: null, focusName: "" };
  var shown = new Set();
  var neighbours = new Map();
  data.edges.forEach(function (e) {
    if (!neighbours.has(e.from)) { neighbours.set(e.from, []); }
    if (!neighbours.has(e.to)) { neighbours.set(e.to, []); }
    neighbours.get(e.from).push(e.to);
    neighbours.get(e.to).push(e.from);
  });

  function passes(id) {
    if (!state.types.has(nodeInfo[id].type)) { return false; }
    if (state.event && !state.event.has(id)) { return false; }
    if (state.organisation && !state.organisation.has(id)) { return false; }
    return !(state.focus && !state.focus.has(id));
  }
  function computeShown() {
    shown = new Set();
    data.nodes.forEach(function (n) { if (passes(n.id)) { shown.add(n.id); } });
  }
  computeShown();

  // On a large network vis-network would measure every name on every frame, on screen or not;
  // names are given only to the nodes in view, and only once the view is close enough to read them.
  var names = data.nodes.map(function (n) { return n.label; });
  var fontSize = data.options.nodes.font.size;  // read before vis-network takes the options over
  if (data.large) { data.nodes.forEach(function (n) { n.label = ""; }); }
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shown.has(n.id); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return shown.has(e.from) && shown.has(e.to) && state.statuses.has(edgeInfo[e.id].status);
    }
  });
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  function filtered() {
    return Boolean(state.focus || state.event || state.organisation ||
      state.types.size < allTypes.length || state.statuses.size < 4);
  }
  function apply(fit) {
    computeShown();
    nodeView.refresh();
    edgeView.refresh();
    byId("sg-back").disabled = !filtered();
    updateStatus();
    if (fit) { network.fit({ animation: false }); }
    relabel();
  }
  function updateStatus() {
    var text = fill(ui.shown, { nodes: shown.size, all_nodes: data.nodes.length,
                                edges: edgeView.length, all_edges: data.edges.length });
    if (state.focus) { text += " " + fill(ui.focused, { name: state.focusName }); }
    byId("sg-status").textContent = text;
  }
  function reset() {
    state.types = new Set(allTypes);
    state.statuses = new Set(["", "stated", "inferred", "ambiguous"]);
    state.event = state.organisation = state.focus = null;
    byId("sg-event-filter").value = "";
    byId("sg-org-filter").value = "";
    document.querySelectorAll("#sg-legend input[type=checkbox]").forEach(function (box) { box.checked = true; });
    network.unselectAll();
    clearDetails();
    apply(true);
  }

  // --- details: a tooltip while pointing, the side panel on click ------------------------------
  var tooltip = byId("sg-tooltip");
  function typeLabel(type) { return ui["type_" + type] || type; }
  function nodeLines(id, all) {
    return nodeInfo[id].fields.filter(function (f, i) { return all || i < 3; });
  }
  function showTooltip(title, subtitle, fields, pointer) {
    tooltip.replaceChildren(make("strong", title));
    if (subtitle) { tooltip.appendChild(make("span", subtitle + "\n")); }
    fields.forEach(function (f) { tooltip.appendChild(make("span", f[0] + ": " + f[1] + "\n")); });
    var box = container.getBoundingClientRect();
    tooltip.hidden = false;
    var left = Math.min(box.left + pointer.x + 14, window.innerWidth - tooltip.offsetWidth - 8);
    var top = Math.min(box.top + pointer.y + 14, window.innerHeight - tooltip.offsetHeight - 8);
    tooltip.style.left = Math.max(0, left) + "px";
    tooltip.style.top = Math.max(0, top) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }
  function edgeTitle(id) {
    var e = edges.get(id);
    return nodeInfo[e.from].name + " \u2192 " + nodeInfo[e.to].name;
  }
  function showDetails(title, subtitle, fields) {
    var body = byId("sg-details-body");
    body.replaceChildren(make("p", title, "sg-name"));
    if (subtitle) { body.appendChild(make("p", subtitle, "sg-help")); }
    var list = make("dl");
    fields.forEach(function (f) { list.appendChild(make("dt", f[0])); list.appendChild(make("dd", f[1])); });
    body.appendChild(list);
    byId("sg-details-help").hidden = true;
  }
  function clearDetails() {
    byId("sg-details-body").replaceChildren();
    byId("sg-details-help").hidden = false;
  }
  function showNode(id) { showDetails(nodeInfo[id].name, typeLabel(nodeInfo[id].type), nodeLines(id, true)); }
  function showEdge(id) { showDetails(edgeTitle(id), "", edgeInfo[id].fields); }

  network.on("hoverNode", function (p) {
    showTooltip(nodeInfo[p.node].name, typeLabel(nodeInfo[p.node].type), nodeLines(p.node, false), p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    showTooltip(edgeTitle(p.edge), "", edgeInfo[p.edge].fields.slice(0, 4), p.pointer.DOM);
  });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  function focusOn(id) {
    state.focus = new Set([id].concat(neighbours.get(id) || []));
    state.focusName = nodeInfo[id].name;
    apply(true);
    network.selectNodes([id]);
    showNode(id);
  }
  network.on("click", function (p) {
    if (p.nodes.length) { focusOn(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });
  byId("sg-back").addEventListener("click", reset);
  byId("sg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && filtered() && document.activeElement !== byId("sg-search-input")) { reset(); }
  });

  // --- search by any part of a name ------------------------------------------------------------
  var folded = nodeInfo.map(function (n) { return fold(n.name); });
  var input = byId("sg-search-input");
  var results = byId("sg-search-results");
  function matches() {
    var wanted = fold(input.value.trim());
    var hits = [];
    if (!wanted) { return hits; }
    for (var i = 0; i < folded.length && hits.length < 50; i++) {
      if (folded[i].indexOf(wanted) >= 0) { hits.push(i); }
    }
    return hits;
  }
  function jump(id) {
    if (!shown.has(id)) { reset(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    showNode(id);
    results.replaceChildren();
  }
  input.addEventListener("input", function () {
    results.replaceChildren();
    if (!input.value.trim()) { return; }
    var hits = matches();
    if (!hits.length) { results.appendChild(make("li", ui.search_none)); return; }
    hits.forEach(function (id) {
      var button = make("button", nodeInfo[id].name);
      button.type = "button";
      button.appendChild(make("span", typeLabel(nodeInfo[id].type), "sg-kind"));
      button.addEventListener("click", function () { jump(id); });
      var item = make("li");
      item.appendChild(button);
      results.appendChild(item);
    });
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var hits = matches(); if (hits.length) { jump(hits[0]); } }
    if (ev.key === "Escape") { input.value = ""; results.replaceChildren(); }
  });

  // --- filters by event and organisation -------------------------------------------------------
  function fillSelect(select, rows, key) {
    rows.forEach(function (row, k) {
      var option = make("option", row[0]);
      option.value = String(k);
      select.appendChild(option);
    });
    select.disabled = rows.length === 0;
    select.addEventListener("change", function () {
      state[key] = select.value === "" ? null : new Set(rows[Number(select.value)][1]);
      state.focus = null;
      apply(true);
    });
  }
  fillSelect(byId("sg-event-filter"), data.events, "event");
  fillSelect(byId("sg-org-filter"), data.organisations, "organisation");

  // --- legend, which is also the filter by type of node and by status of link -----------------
  var SVG = "http://www.w3.org/2000/svg";
  function swatch(shape, color, dashes) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 18 18");
    svg.setAttribute("class", "sg-swatch");
    var mark;
    if (shape === "dot") {
      mark = document.createElementNS(SVG, "circle");
      mark.setAttribute("cx", "9"); mark.setAttribute("cy", "9"); mark.setAttribute("r", "7");
    } else if (shape === "square") {
      mark = document.createElementNS(SVG, "rect");
      mark.setAttribute("x", "2"); mark.setAttribute("y", "2"); mark.setAttribute("width", "14"); mark.setAttribute("height", "14");
    } else if (shape === "diamond") {
      mark = document.createElementNS(SVG, "polygon");
      mark.setAttribute("points", "9,1 17,9 9,17 1,9");
    } else {
      mark = document.createElementNS(SVG, "line");
      mark.setAttribute("x1", "0"); mark.setAttribute("y1", "9"); mark.setAttribute("x2", "18"); mark.setAttribute("y2", "9");
      mark.setAttribute("stroke", "#6b7280"); mark.setAttribute("stroke-width", "2");
      if (dashes) { mark.setAttribute("stroke-dasharray", dashes.join(" ")); }
    }
    if (color) { mark.setAttribute("fill", color); }
    svg.appendChild(mark);
    return svg;
  }
  function legendEntry(list, text, mark, onToggle) {
    var item = make("li");
    var label = make("label");
    if (onToggle) {
      var box = make("input");
      box.type = "checkbox";
      box.checked = true;
      box.addEventListener("change", function () { onToggle(box.checked); });
      label.appendChild(box);
    }
    label.appendChild(mark);
    label.appendChild(make("span", text));
    item.appendChild(label);
    list.appendChild(item);
  }
  function toggle(which, key) {
    // state[which] is looked up on each change: the way back replaces the set
    return function (on) { if (on) { state[which].add(key); } else { state[which].delete(key); } apply(false); };
  }
  data.types.forEach(function (t) {
    legendEntry(byId("sg-legend-nodes"), t.label, swatch(t.shape, t.color), toggle("types", t.key));
  });
  data.statuses.forEach(function (s) {
    legendEntry(byId("sg-legend-links"), s.label, swatch("line", "", s.dashes), toggle("statuses", s.key));
  });
  if (!data.statuses.length && data.edges.length) {
    legendEntry(byId("sg-legend-links"), ui.co_participation, swatch("line", "", false), null);
  }

  // --- physics, and saving the view as a picture -----------------------------------------------
  byId("sg-physics").addEventListener("change", function (ev) {
    network.setOptions({ physics: { enabled: ev.target.checked } });
  });
  network.on("beforeDrawing", function (ctx) {
    // a white background, so that the saved PNG is not transparent
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });
  byId("sg-png").addEventListener("click", function () {
    network.redraw();
    var link = make("a");
    link.href = container.querySelector("canvas").toDataURL("image/png");
    link.download = "network.png";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  var named = new Set();
  function relabel() {
    if (!data.large) { return; }
    var wanted = new Set();
    if (network.getScale() * fontSize >= data.label_size) {
      var corner = network.DOMtoCanvas({ x: 0, y: 0 });
      var far = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
      var moving = byId("sg-physics").checked;
      var where = moving ? network.getPositions() : null;
      shown.forEach(function (id) {
        var at = moving ? where[id] : data.nodes[id];
        if (at && at.x >= corner.x && at.x <= far.x && at.y >= corner.y && at.y <= far.y) { wanted.add(id); }
      });
      if (wanted.size > data.label_limit) { wanted = new Set(); }
    }
    var changes = [];
    named.forEach(function (id) { if (!wanted.has(id)) { changes.push({ id: id, label: "" }); } });
    wanted.forEach(function (id) { if (!named.has(id)) { changes.push({ id: id, label: names[id] }); } });
    named = wanted;
    if (changes.length) { nodes.update(changes); }
  }
  var pending = null;
  function relabelSoon() {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(function () { pending = null; relabel(); }, 120);
  }
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);
  network.on("animationFinished", relabelSoon);
  network.on("stabilized", relabelSoon);

  network.once("afterDrawing", function () {
    relabel();
    document.body.setAttribute("data-ready", "true");
  });
  updateStatus();
  // For tests and for people who want to script the page from the console.
  window.seminargraph = {
    network: network,
    relabel: relabel,
    drawn: function () {
      return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
    }
  };
}());
