/**
 * The script of the HTML view, inlined into the page (no network access needed): group
 * tabs, pan (drag) and zoom (mouse wheel) per view, and the job panel (click a job).
 * Plain ES2017 for any browser; kept as text because the SDK compiles without DOM types.
 */
export const HTML_SCRIPT = `
(function () {
  "use strict";
  var plans = JSON.parse(document.getElementById("plans").textContent);
  var panel = document.getElementById("panel");
  var views = Array.prototype.slice.call(document.querySelectorAll(".view"));
  var tabs = Array.prototype.slice.call(document.querySelectorAll(".tab"));
  var states = views.map(function () { return { x: 0, y: 0, k: 1, fitted: false }; });

  function apply(i) {
    var s = states[i];
    views[i].querySelector(".stage").style.transform = "translate(" + s.x + "px," + s.y + "px) scale(" + s.k + ")";
  }
  function fit(i) {
    var view = views[i], svg = view.querySelector("svg");
    var w = Number(svg.getAttribute("width")), h = Number(svg.getAttribute("height"));
    var vw = view.clientWidth, vh = view.clientHeight;
    var k = Math.min(1.5, vw / w, vh / h);
    states[i] = { x: (vw - w * k) / 2, y: Math.max(0, (vh - h * k) / 2), k: k, fitted: true };
    apply(i);
  }
  var current = 0;
  function show(i) {
    current = i;
    views.forEach(function (v, j) { v.hidden = j !== i; });
    tabs.forEach(function (t, j) { t.classList.toggle("active", j === i); });
    if (!states[i].fitted) fit(i);
  }
  tabs.forEach(function (t, i) { t.addEventListener("click", function () { show(i); }); });

  views.forEach(function (view, i) {
    var drag = null;
    view.addEventListener("wheel", function (e) {
      e.preventDefault();
      var s = states[i], r = view.getBoundingClientRect();
      var px = e.clientX - r.left, py = e.clientY - r.top;
      var k = Math.min(8, Math.max(0.05, s.k * Math.exp(-e.deltaY * 0.0015)));
      s.x = px - (px - s.x) * (k / s.k); s.y = py - (py - s.y) * (k / s.k); s.k = k;
      apply(i);
    }, { passive: false });
    view.addEventListener("mousedown", function (e) {
      drag = { x: e.clientX, y: e.clientY, sx: states[i].x, sy: states[i].y, moved: false };
      view.classList.add("dragging");
    });
    window.addEventListener("mousemove", function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      states[i].x = drag.sx + dx; states[i].y = drag.sy + dy;
      apply(i);
    });
    window.addEventListener("mouseup", function (e) {
      if (!drag) return;
      var moved = drag.moved;
      drag = null;
      view.classList.remove("dragging");
      if (moved) return;
      var job = e.target instanceof Element ? e.target.closest("[data-job]") : null;
      if (job && view.contains(job)) select(job.getAttribute("data-job"));
    });
  });

  function select(name) {
    document.querySelectorAll(".job.selected").forEach(function (g) { g.classList.remove("selected"); });
    document.querySelectorAll("[data-job]").forEach(function (g) {
      if (g.getAttribute("data-job") === name) g.classList.add("selected");
    });
    panel.innerHTML = plans[name] || "";
    panel.setAttribute("data-job", name);
  }
  var hint = panel.innerHTML;
  document.getElementById("close").addEventListener("click", function () {
    document.querySelectorAll(".job.selected").forEach(function (g) { g.classList.remove("selected"); });
    panel.innerHTML = hint;
    panel.removeAttribute("data-job");
  });
  window.addEventListener("resize", function () { states.forEach(function (s) { s.fitted = false; }); show(current); });
  show(Number(document.querySelector("main").getAttribute("data-initial")) || 0);
})();
`;
