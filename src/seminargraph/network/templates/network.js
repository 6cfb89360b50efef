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
  var fontFace = data.options.nodes.font.face;
  var wrapWidth = data.options.nodes.widthConstraint.maximum;
  data.nodes.forEach(function (n) { n.label = ""; });
  var degree = data.nodes.map(function (n) { return (neighbours.get(n.id) || []).length; });
  // the most linked nodes get their names first when not all fit
  var byDegree = data.nodes.map(function (n) { return n.id; }).sort(function (a, b) {
    return degree[b] - degree[a] || a - b;
  });
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
    place();
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

  var pointed = { node: null, edge: null };
  network.on("hoverNode", function (p) {
    showTooltip(nodeInfo[p.node].name, typeLabel(nodeInfo[p.node].type), nodeLines(p.node, false), p.pointer.DOM);
    pointed.node = p.node;
    place();
  });
  network.on("hoverEdge", function (p) {
    showTooltip(edgeTitle(p.edge), "", edgeInfo[p.edge].fields.slice(0, 4), p.pointer.DOM);
    pointed.edge = p.edge;
    place();
  });
  network.on("blurNode", function () { hideTooltip(); pointed.node = null; place(); });
  network.on("blurEdge", function () { hideTooltip(); pointed.edge = null; place(); });
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
    // what the tooltip said is now in the side panel: it would only cover the view
    hideTooltip();
    if (p.nodes.length) { focusOn(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
    place();
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

  // --- names and link labels: legible, and never one on top of another -----------------------
  // vis-network would draw every name at the zoom's size, overlapping when zoomed out, and
  // every link's label at its middle, piled up at busy nodes. Instead the page chooses, after
  // each zoom, pan, hover and click, which names and link labels have room: first the node
  // pointed at or selected, its links and its neighbours, then the most linked nodes. Names are
  // never smaller than data.name_pixels on screen; link labels are drawn by this script.
  var measurer = document.createElement("canvas").getContext("2d");
  var wrapped = new Map();
  var nodeEdges = new Map();
  data.edges.forEach(function (e) {
    [e.from, e.to].forEach(function (end) {
      if (!nodeEdges.has(end)) { nodeEdges.set(end, []); }
      nodeEdges.get(end).push(e.id);
    });
  });
  function textWidth(text, px) {
    measurer.font = px + "px " + fontFace;
    return measurer.measureText(text).width;
  }
  function nameLines(id) {
    // the lines vis-network breaks a name into: by words, within wrapWidth at fontSize
    if (!wrapped.has(id)) {
      var lines = [], line = "";
      names[id].split(/\s+/).filter(Boolean).forEach(function (word) {
        var longer = line ? line + " " + word : word;
        // vis-network keeps a margin of 5 on each side within the width
        if (line && textWidth(longer, fontSize) > wrapWidth - 10) { lines.push(line); line = word; } else { line = longer; }
      });
      if (line) { lines.push(line); }
      var width = 0;
      lines.forEach(function (l) { width = Math.max(width, textWidth(l, fontSize)); });
      wrapped.set(id, { lines: lines, width: width });
    }
    return wrapped.get(id);
  }
  function nameBox(id, at, k, pad) {
    // vis-network puts a name 4 units and half a font size below its node (measured)
    var text = nameLines(id), r = data.nodes[id].size;
    var top = at.y + r + 4 + fontSize * k / 2;
    return { x1: at.x - text.width * k / 2 - pad, x2: at.x + text.width * k / 2 + pad,
             y1: top - pad, y2: top + text.lines.length * fontSize * k + pad, owner: id };
  }
  function shapeBox(id, at) {
    var r = data.nodes[id].size;
    return { x1: at.x - r, x2: at.x + r, y1: at.y - r, y2: at.y + r, owner: id, shape: true };
  }
  function edgePoint(id, t) {
    var body = network.body.edges[id];
    if (body && body.edgeType && typeof body.edgeType.getPoint === "function") { return body.edgeType.getPoint(t); }
    var e = edges.get(id), at = network.getPositions([e.from, e.to]);
    return { x: at[e.from].x + t * (at[e.to].x - at[e.from].x), y: at[e.from].y + t * (at[e.to].y - at[e.from].y) };
  }
  function linkBox(id, t, scale, pad) {
    var px = data.link_label_pixels / scale, p = edgePoint(id, t);
    var half = textWidth(data.link_labels[id], data.link_label_pixels) / scale / 2 + pad;
    return { x1: p.x - half, x2: p.x + half, y1: p.y - 0.65 * px - pad, y2: p.y + 0.65 * px + pad, owner: -1 };
  }
  // boxes already taken, in a grid of cells so that each test looks at a few neighbours only
  function Taken(cell) { this.cell = cell; this.cells = new Map(); }
  Taken.prototype.keys = function (b) {
    var keys = [];
    for (var i = Math.floor(b.x1 / this.cell); i <= Math.floor(b.x2 / this.cell); i++) {
      for (var j = Math.floor(b.y1 / this.cell); j <= Math.floor(b.y2 / this.cell); j++) { keys.push(i + ":" + j); }
    }
    return keys;
  };
  Taken.prototype.add = function (b) {
    var cells = this.cells;
    this.keys(b).forEach(function (k) { if (!cells.has(k)) { cells.set(k, []); } cells.get(k).push(b); });
  };
  Taken.prototype.free = function (b, overShapes) {
    var cells = this.cells;
    return this.keys(b).every(function (k) {
      return (cells.get(k) || []).every(function (o) {
        return (o.owner >= 0 && o.owner === b.owner) || (overShapes && o.shape) ||
          o.x2 <= b.x1 || b.x2 <= o.x1 || o.y2 <= b.y1 || b.y2 <= o.y1;
      });
    });
  };
  var TRIES = [0.5, 0.58, 0.42, 0.66, 0.34, 0.74, 0.26, 0.8, 0.2];  // where along a link its label may go
  var nameSizes = new Map();  // node -> how much larger than fontSize its name is drawn
  var linkMarks = [];         // link labels to draw: {id, t}
  function focusNode() {
    if (pointed.node !== null) { return pointed.node; }
    var selected = network.getSelectedNodes();
    return selected.length === 1 ? selected[0] : null;
  }
  function focusEdges(node) {
    var chosen = node !== null ? (nodeEdges.get(node) || []).slice() : [];
    if (pointed.edge !== null) { chosen.push(pointed.edge); }
    else if (node === null) { chosen = chosen.concat(network.getSelectedEdges()); }
    return chosen;
  }
  function place() {
    if (data.large) { relabel(); }
    var scale = network.getScale();
    var k = Math.max(1, data.name_pixels / (fontSize * scale));
    var pad = 1 / scale;  // a pixel of room around each label
    var ids = nodeView.getIds();
    var at = network.getPositions(ids);
    var corner = network.DOMtoCanvas({ x: 0, y: 0 });
    var far = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    function inView(b) { return b.x2 >= corner.x && b.x1 <= far.x && b.y2 >= corner.y && b.y1 <= far.y; }
    var taken = new Taken(120 / scale);
    var wanted = new Map(), marks = [], labelled = new Set();
    ids.forEach(function (id) { var b = shapeBox(id, at[id]); if (inView(b)) { taken.add(b); } });
    function name(id, force) {
      if (data.large || wanted.has(id) || !at[id]) { return; }
      var b = nameBox(id, at[id], k, pad);
      // a name may cover a small node, never another name: the names of the most linked nodes
      // in a crowd matter more than the dots they hide (the dot is still there to point at)
      if (force || (inView(b) && taken.free(b, true))) { taken.add(b); wanted.set(id, k); }
    }
    function link(id) {
      if (labelled.has(id) || !data.link_labels[id] || !edgeView.get(id)) { return; }
      for (var i = 0; i < TRIES.length; i++) {
        var b = linkBox(id, TRIES[i], scale, pad);
        if (inView(b) && taken.free(b)) { taken.add(b); marks.push({ id: id, t: TRIES[i] }); labelled.add(id); return; }
      }
    }
    var focus = focusNode();
    if (focus !== null && shown.has(focus)) { name(focus, true); }
    focusEdges(focus).forEach(link);
    if (focus !== null) { (neighbours.get(focus) || []).forEach(function (id) { if (shown.has(id)) { name(id, false); } }); }
    byDegree.forEach(function (id) { if (shown.has(id)) { name(id, false); } });
    if (!data.large && scale >= data.link_label_scale) { edgeView.getIds().forEach(link); }
    if (!data.large) {
      var changes = [];
      nameSizes.forEach(function (_, id) { if (!wanted.has(id)) { changes.push({ id: id, label: "" }); } });
      wanted.forEach(function (size, id) {
        if (nameSizes.get(id) !== size) {
          // the margin inside the width does not grow with the font: the text's room does
          changes.push({ id: id, label: names[id], font: { size: fontSize * size },
                         widthConstraint: { maximum: (wrapWidth - 10) * size + 10 } });
        }
      });
      nameSizes = wanted;
      if (changes.length) { nodes.update(changes); }
    }
    linkMarks = marks;
    checking = data.large ? null : { forced: focus !== null && wanted.has(focus) ? focus : null };
    network.redraw();
  }
  // The room made for a name is measured as vis-network wraps it, near enough, but not exactly.
  // Once vis-network has drawn the names, any that does overlap a name placed before it (or a
  // link label) gives way.
  var checking = null;
  function check() {
    var scale = network.getScale(), taken = new Taken(120 / scale), drop = [];
    function drawnBox(id) {
      var body = network.body.nodes[id];
      if (!body || !body.options.label) { return null; }
      // less than a pixel of overlap cannot be seen
      var s = body.labelModule.size, e = 0.5 / scale;
      return { x1: s.left + e, x2: s.left + s.width - e, y1: s.top + e, y2: s.top + s.height - e, owner: id };
    }
    if (checking.forced !== null) { var own = drawnBox(checking.forced); if (own) { taken.add(own); } }
    linkMarks.forEach(function (m) { taken.add(linkBox(m.id, m.t, scale, 0)); });
    nameSizes.forEach(function (_, id) {
      if (id === checking.forced) { return; }
      var b = drawnBox(id);
      if (!b) { return; }
      if (taken.free(b, true)) { taken.add(b); } else { drop.push(id); }
    });
    checking = null;
    if (drop.length) {
      drop.forEach(function (id) { nameSizes.delete(id); });
      nodes.update(drop.map(function (id) { return { id: id, label: "" }; }));
    }
  }
  function drawLinkLabels(ctx, scale) {
    var px = data.link_label_pixels / scale;
    ctx.save();
    ctx.font = px + "px " + fontFace;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    ctx.lineWidth = 4 / scale;
    ctx.strokeStyle = "#ffffff";
    ctx.fillStyle = "#374151";
    linkMarks.forEach(function (m) {
      if (!network.body.edges[m.id]) { return; }
      var p = edgePoint(m.id, m.t);
      ctx.strokeText(data.link_labels[m.id], p.x, p.y);
      ctx.fillText(data.link_labels[m.id], p.x, p.y);
    });
    ctx.restore();
  }
  network.on("afterDrawing", function (ctx) {
    drawLinkLabels(ctx, network.getScale());
    if (checking) { check(); }
  });

  // --- physics --------------------------------------------------------------------------------
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

  // --- saving the view as a figure: title above, legend and source below ------------------------
  function figureText() {
    var stamp = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
    var items = data.types.filter(function (t) { return state.types.has(t.key); }).map(function (t) {
      return { label: t.label, shape: t.shape, color: t.color };
    });
    data.statuses.filter(function (s) { return state.statuses.has(s.key); }).forEach(function (s) {
      items.push({ label: s.label, shape: "line", dashes: s.dashes });
    });
    if (!data.statuses.length && data.edges.length) { items.push({ label: ui.co_participation, shape: "line", dashes: false }); }
    return {
      title: byId("sg-title").textContent,
      legend: items,
      source: [byId("sg-source").textContent.trim(),
               byId("sg-status").textContent + " " + fill(ui.saved, { date: stamp })]
    };
  }
  function breakLines(text, px, weight, width) {
    measurer.font = weight + " " + px + "px " + fontFace;
    var lines = [], line = "";
    text.split(/\s+/).filter(Boolean).forEach(function (word) {
      var longer = line ? line + " " + word : word;
      if (line && measurer.measureText(longer).width > width) { lines.push(line); line = word; } else { line = longer; }
    });
    if (line) { lines.push(line); }
    return lines;
  }
  // Where everything goes, in CSS pixels: the same for the PNG and the SVG.
  var FIG = { margin: 16, title: 20, text: 13, line: 1.35, swatch: 14, gap: 18 };
  function figureLayout(width, height) {
    var text = figureText(), inner = width - 2 * FIG.margin;
    var titleLines = breakLines(text.title, FIG.title, "bold", inner);
    var y = FIG.margin, out = { width: width, text: text, title: [], legend: [], source: [] };
    titleLines.forEach(function (l) { y += FIG.title * FIG.line; out.title.push({ text: l, y: y - FIG.title * 0.3 }); });
    y = Math.round(y + FIG.margin / 2);
    out.view = { y: y, height: height };
    y += height + FIG.margin;
    measurer.font = FIG.text + "px " + fontFace;
    var x = FIG.margin, rowHeight = FIG.text * FIG.line + 4;
    text.legend.forEach(function (item) {
      var w = FIG.swatch + 6 + measurer.measureText(item.label).width;
      if (x > FIG.margin && x + w > width - FIG.margin) { x = FIG.margin; y += rowHeight; }
      out.legend.push({ item: item, x: x, y: y + rowHeight / 2 });
      x += w + FIG.gap;
    });
    if (text.legend.length) { y += rowHeight + FIG.margin / 2; }
    text.source.forEach(function (part) {
      breakLines(part, FIG.text, "normal", inner).forEach(function (l) {
        y += FIG.text * FIG.line;
        out.source.push({ text: l, y: y - FIG.text * 0.3 });
      });
    });
    out.legendBox = { y1: out.view.y + height, y2: out.source.length ? out.source[0].y - FIG.text : y };
    out.height = Math.ceil(y + FIG.margin);
    return out;
  }
  function drawSwatch(ctx, item, x, y) {
    var s = FIG.swatch, h = s / 2;
    ctx.save();
    if (item.shape === "line") {
      ctx.strokeStyle = "#6b7280";
      ctx.lineWidth = 2;
      ctx.setLineDash(item.dashes || []);
      ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + s, y); ctx.stroke();
    } else {
      ctx.fillStyle = item.color;
      ctx.beginPath();
      if (item.shape === "dot") { ctx.arc(x + h, y, h, 0, 2 * Math.PI); }
      else if (item.shape === "square") { ctx.rect(x + 1, y - h + 1, s - 2, s - 2); }
      else { ctx.moveTo(x + h, y - h); ctx.lineTo(x + s, y); ctx.lineTo(x + h, y + h); ctx.lineTo(x, y); ctx.closePath(); }
      ctx.fill();
    }
    ctx.restore();
  }
  var lastFigure = null;
  function download(href, name) {
    var link = make("a");
    link.href = href;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  function pngFigure() {
    network.redraw();
    var view = container.querySelector("canvas");
    var ratio = view.width / container.clientWidth;
    var fig = figureLayout(container.clientWidth, view.height / ratio);
    var out = document.createElement("canvas");
    out.width = Math.round(fig.width * ratio);
    out.height = Math.round(fig.height * ratio);
    var ctx = out.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, fig.width, fig.height);
    ctx.fillStyle = "#1f2937";
    ctx.textBaseline = "alphabetic";
    ctx.font = "bold " + FIG.title + "px " + fontFace;
    fig.title.forEach(function (l) { ctx.fillText(l.text, FIG.margin, l.y); });
    ctx.drawImage(view, 0, fig.view.y, fig.width, fig.view.height);
    ctx.font = FIG.text + "px " + fontFace;
    ctx.textBaseline = "middle";
    fig.legend.forEach(function (l) {
      drawSwatch(ctx, l.item, l.x, l.y);
      ctx.fillStyle = "#1f2937";
      ctx.fillText(l.item.label, l.x + FIG.swatch + 6, l.y);
    });
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = "#4b5563";
    fig.source.forEach(function (l) { ctx.fillText(l.text, FIG.margin, l.y); });
    lastFigure = { layout: fig, ratio: ratio };
    return out;
  }
  byId("sg-png").addEventListener("click", function () {
    download(pngFigure().toDataURL("image/png"), "network.png");
  });

  // The SVG is drawn from vis-network's positions of what is shown: vector shapes and text.
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function svgShape(item, x, y, r, cls) {
    var a = { fill: item.color, "class": cls };
    if (item.shape === "dot") { return svgEl("circle", Object.assign(a, { cx: x, cy: y, r: r })); }
    if (item.shape === "square") { return svgEl("rect", Object.assign(a, { x: x - r, y: y - r, width: 2 * r, height: 2 * r })); }
    return svgEl("polygon", Object.assign(a, { points: [x, y - r, x + r, y, x, y + r, x - r, y].map(round).join(" ") }));
  }
  function round(v) { return Math.round(v * 10) / 10; }
  function svgFigure() {
    place();
    var width = container.clientWidth, height = container.clientHeight;
    var fig = figureLayout(width, height), scale = network.getScale();
    var corner = network.DOMtoCanvas({ x: 0, y: 0 });
    function sx(x) { return round((x - corner.x) * scale); }
    function sy(y) { return round((y - corner.y) * scale + fig.view.y); }
    var svg = svgEl("svg", { xmlns: SVG, width: fig.width, height: fig.height,
                             viewBox: "0 0 " + fig.width + " " + fig.height,
                             "font-family": fontFace });
    svg.appendChild(svgEl("title", {}, fig.text.title));
    svg.appendChild(svgEl("desc", {}, fig.text.source.join(" ")));
    var defs = svgEl("defs", {});
    var clip = svgEl("clipPath", { id: "sg-view" });
    clip.appendChild(svgEl("rect", { x: 0, y: fig.view.y, width: width, height: height }));
    defs.appendChild(clip);
    var marker = svgEl("marker", { id: "sg-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7,
                                   markerHeight: 7, markerUnits: "userSpaceOnUse", orient: "auto" });
    marker.appendChild(svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: "#6b7280" }));
    defs.appendChild(marker);
    svg.appendChild(defs);
    svg.appendChild(svgEl("rect", { width: fig.width, height: fig.height, fill: "#ffffff" }));
    fig.title.forEach(function (l) {
      svg.appendChild(svgEl("text", { x: FIG.margin, y: round(l.y), "font-size": FIG.title, "font-weight": "bold",
                                      fill: "#1f2937", "class": "sg-figure-title" }, l.text));
    });
    var view = svgEl("g", { "clip-path": "url(#sg-view)", "class": "sg-view" });
    var ids = nodeView.getIds(), at = network.getPositions(ids);
    edgeView.get().forEach(function (e) {
      var a = at[e.from], b = at[e.to], r = data.nodes[e.to].size, mid = edgePoint(e.id, 0.5);
      var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var end = data.options.edges.arrows.to.enabled ? { x: b.x - dx / len * r, y: b.y - dy / len * r } : b;
      var attrs = { fill: "none", stroke: e.color, "stroke-width": round(Math.max(0.5, (e.width || data.options.edges.width) * scale)), "class": "sg-link" };
      if (e.dashes) { attrs["stroke-dasharray"] = e.dashes.map(function (d) { return round(d * scale); }).join(" "); }
      if (data.options.edges.arrows.to.enabled) { attrs["marker-end"] = "url(#sg-arrow)"; }
      // a straight link's middle is halfway; a curved one's gives the control point of its curve
      var cx = 2 * mid.x - (a.x + end.x) / 2, cy = 2 * mid.y - (a.y + end.y) / 2;
      attrs.d = "M" + sx(a.x) + "," + sy(a.y) + " Q" + sx(cx) + "," + sy(cy) + " " + sx(end.x) + "," + sy(end.y);
      view.appendChild(svgEl("path", attrs));
    });
    ids.forEach(function (id) {
      var n = data.nodes[id];
      var shape = svgShape({ shape: n.shape, color: n.color }, sx(at[id].x), sy(at[id].y), round(n.size * scale), "sg-node");
      shape.appendChild(svgEl("title", {}, names[id]));
      view.appendChild(shape);
    });
    var named = data.large ? named_ : nameSizes;
    named.forEach(function (size, id) {
      if (!at[id]) { return; }
      var k = data.large ? 1 : size, text = nameLines(id), box = nameBox(id, at[id], k, 0), px = fontSize * k * scale;
      // as vis-network drew it, where it did: its lines and its box
      var label = network.body.nodes[id] && network.body.nodes[id].labelModule;
      if (label && label.lines && label.lines.length && label.size.width) {
        text = { lines: label.lines.map(function (l) { return l.blocks.map(function (b) { return b.text; }).join(""); }) };
        box = { x1: label.size.left, x2: label.size.left + label.size.width,
                y1: label.size.top, y2: label.size.top + label.size.height };
      }
      var group = svgEl("g", { "class": "sg-name" });
      group.appendChild(svgEl("rect", { x: sx(box.x1), y: sy(box.y1), width: round((box.x2 - box.x1) * scale),
                                        height: round((box.y2 - box.y1) * scale), fill: "#ffffff", "fill-opacity": 0.85 }));
      text.lines.forEach(function (line, i) {
        group.appendChild(svgEl("text", { x: sx(at[id].x), y: round(sy(box.y1) + (i + 0.8) * px), "font-size": round(px),
                                          "text-anchor": "middle", fill: "#1f2937" }, line));
      });
      view.appendChild(group);
    });
    linkMarks.forEach(function (m) {
      var p = edgePoint(m.id, m.t);
      view.appendChild(svgEl("text", { x: sx(p.x), y: sy(p.y), "font-size": data.link_label_pixels, "text-anchor": "middle",
                                       "dominant-baseline": "middle", fill: "#374151", stroke: "#ffffff", "stroke-width": 4,
                                       "paint-order": "stroke", "class": "sg-link-label" }, data.link_labels[m.id]));
    });
    svg.appendChild(view);
    var legend = svgEl("g", { "class": "sg-figure-legend", "font-size": FIG.text });
    fig.legend.forEach(function (l) {
      var item = l.item, h = FIG.swatch / 2;
      if (item.shape === "line") {
        var line = svgEl("line", { x1: l.x, y1: round(l.y), x2: l.x + FIG.swatch, y2: round(l.y), stroke: "#6b7280", "stroke-width": 2 });
        if (item.dashes) { line.setAttribute("stroke-dasharray", item.dashes.join(" ")); }
        legend.appendChild(line);
      } else {
        legend.appendChild(svgShape(item, l.x + h, l.y, h, "sg-swatch"));
      }
      legend.appendChild(svgEl("text", { x: round(l.x + FIG.swatch + 6), y: round(l.y), "dominant-baseline": "middle", fill: "#1f2937" }, item.label));
    });
    svg.appendChild(legend);
    fig.source.forEach(function (l) {
      svg.appendChild(svgEl("text", { x: FIG.margin, y: round(l.y), "font-size": FIG.text, fill: "#4b5563", "class": "sg-figure-source" }, l.text));
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg) + "\n";
  }
  byId("sg-svg").addEventListener("click", function () {
    download("data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgFigure()), "network.svg");
  });

  var named_ = new Map();
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
    named_.forEach(function (_, id) { if (!wanted.has(id)) { changes.push({ id: id, label: "" }); } });
    wanted.forEach(function (id) { if (!named_.has(id)) { changes.push({ id: id, label: names[id] }); } });
    named_ = new Map();
    wanted.forEach(function (id) { named_.set(id, 1); });
    if (changes.length) { nodes.update(changes); }
  }
  var pending = null;
  function placeSoon() {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(function () { pending = null; place(); }, 120);
  }
  network.on("zoom", placeSoon);
  network.on("dragEnd", placeSoon);
  network.on("animationFinished", placeSoon);
  network.on("stabilized", placeSoon);
  network.on("resize", placeSoon);

  network.once("afterDrawing", function () {
    // the first fit counts the names in: place them, fit, and again at that zoom
    for (var pass = 0; pass < 2; pass++) {
      place();
      network.fit({ animation: false });
    }
    place();
    document.body.setAttribute("data-ready", "true");
  });
  updateStatus();
  // For tests and for people who want to script the page from the console.
  window.seminargraph = {
    network: network,
    relabel: relabel,
    place: place,
    names: names,
    // the link labels drawn: which link, its text and its box on screen
    links: function () {
      var scale = network.getScale();
      return linkMarks.map(function (m) {
        var b = linkBox(m.id, m.t, scale, 0);
        var a = network.canvasToDOM({ x: b.x1, y: b.y1 }), z = network.canvasToDOM({ x: b.x2, y: b.y2 });
        return { id: m.id, text: data.link_labels[m.id], x1: a.x, y1: a.y, x2: z.x, y2: z.y };
      });
    },
    figure: function () { pngFigure(); return lastFigure; },
    svg: svgFigure,
    drawn: function () {
      return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
    }
  };
}());
