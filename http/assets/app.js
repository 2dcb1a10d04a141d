// eventwire pages: draws the charts with uPlot. No inline script runs on
// the pages (the Content-Security-Policy forbids it): a chart is an
// element with data-chart="ID", where ID is a <script type="application/json">
// holding {kind, x: [Unix seconds of each period's start, UTC], step:
// seconds in a period, stack: bool, series: [{label, axis, bars, color,
// data}], links: [URL per period]}.
//
// Each period is the span [x, x + step): its bars are drawn inside it
// (side by side, or stacked with "stack"), a zero or missing count draws
// no bar, line points sit in its middle, and the axis ticks mark the
// periods' starts (Mondays for weeks), thinned to fit.
(function () {
  "use strict";

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function readData(el) {
    var src = document.getElementById(el.dataset.chart);
    if (!src) return null;
    try {
      return JSON.parse(src.textContent);
    } catch (e) {
      return null;
    }
  }

  function chartWidth(el) {
    return Math.max(280, Math.floor(el.clientWidth || el.parentNode.clientWidth || 600));
  }

  function pad2(n) { return n < 10 ? "0" + n : "" + n; }

  // isoDay is the UTC day of Unix seconds t: "2024-03-04".
  function isoDay(t) {
    var d = new Date(t * 1000);
    return d.getUTCFullYear() + "-" + pad2(d.getUTCMonth() + 1) + "-" + pad2(d.getUTCDate());
  }

  // periodLabel names the period that starts at t.
  function periodLabel(t, step) {
    if (step >= 7 * 86400) return "week of " + isoDay(t);
    return isoDay(t);
  }

  // ticks returns the period starts to mark on the x axis: every k-th,
  // k such that the labels fit in width pixels (for days, whole weeks
  // from a Monday once a tick per day does not fit).
  function ticks(starts, step, width) {
    var n = starts.length;
    var fit = Math.max(2, Math.floor(width / 64));
    var need = Math.max(1, Math.ceil(n / fit));
    // Round steps: 1, 2 or 4 weeks, a quarter (13), half a year, a year;
    // for days, 1 to 3 days, else whole weeks from the first Monday.
    var nice = step < 7 * 86400 ? [1, 2, 3, 7, 14, 28, 91, 182, 364] : [1, 2, 4, 13, 26, 52];
    var k = nice.find(function (v) { return v >= need; }) || nice[nice.length - 1] * Math.ceil(need / nice[nice.length - 1]);
    var first = 0;
    if (step < 7 * 86400 && k >= 7) {
      // The first Monday (getUTCDay: 1).
      while (first < n && new Date(starts[first] * 1000).getUTCDay() !== 1) first++;
      if (first === n) first = 0;
    }
    var out = [];
    for (var i = first; i < n; i += k) out.push(starts[i]);
    return out;
  }

  // tickLabels: "Mar 4", with the year on the first tick and on the first
  // of each new year.
  function tickLabels(values) {
    var year = null;
    return values.map(function (t) {
      var d = new Date(t * 1000);
      var s = MONTHS[d.getUTCMonth()] + " " + d.getUTCDate();
      if (d.getUTCFullYear() !== year) {
        year = d.getUTCFullYear();
        s += "\n" + year;
      }
      return s;
    });
  }

  // barPaths draws the bars of one series: in the slot-th of slots
  // columns of each period, or on top of the series before it (stack).
  function barPaths(d, slot, slots, stack) {
    return function (u, si, i0, i1) {
      var fill = new Path2D();
      var ys = u.data[si];
      var scale = u.series[si].scale;
      var half = d.step / 2;
      for (var i = i0; i <= i1; i++) {
        var v = ys[i];
        if (v == null || !(v > 0)) continue;
        var base = 0;
        if (stack) {
          for (var k = 1; k < si; k++) {
            if (u.series[k].show && u.series[k].scale === scale && u.data[k][i] > 0) base += u.data[k][i];
          }
        }
        var left = u.valToPos(u.data[0][i] - half, "x", true);
        var right = u.valToPos(u.data[0][i] + half, "x", true);
        var gap = Math.max(1, (right - left) * 0.12);
        var w = (right - left - 2 * gap) / (stack ? 1 : slots);
        var x0 = left + gap + (stack ? 0 : slot * w);
        var yb = u.valToPos(base, scale, true);
        var yt = u.valToPos(base + v, scale, true);
        fill.rect(Math.round(x0), Math.round(yt), Math.max(1, Math.round(w) - (slots > 1 && !stack ? 1 : 0)), Math.round(yb) - Math.round(yt));
      }
      return { stroke: fill, fill: fill };
    };
  }

  // countMax is the top of the count axis: the highest bar, or stack.
  function countMax(d) {
    var top = 0;
    for (var i = 0; i < d.x.length; i++) {
      var sum = 0;
      d.series.forEach(function (s) {
        var v = s.data[i];
        if (s.axis !== "count" || !(v > 0)) return;
        if (d.stack) sum += v;
        else sum = Math.max(sum, v);
      });
      top = Math.max(top, sum);
    }
    return top;
  }

  function options(el, d) {
    var hasGold = d.series.some(function (s) { return s.axis === "goldstein"; });
    var slots = d.series.filter(function (s) { return s.bars; }).length;
    var slot = 0;
    var starts = d.x;
    var series = [{
      label: d.step >= 7 * 86400 ? "Week" : "Day",
      value: function (u, v, si, i) { return i == null ? "–" : periodLabel(starts[i], d.step); }
    }];
    d.series.forEach(function (s) {
      var o = {
        label: s.label,
        scale: s.axis,
        stroke: s.color,
        width: s.bars ? 0 : 2,
        // Off the chart: "–"; a period without events: 0 events, no
        // Goldstein score.
        value: function (u, v, si, i) {
          if (i == null) return "–";
          if (s.axis === "count") return v == null ? "0" : v.toFixed(0);
          return v == null ? "–" : v.toFixed(1);
        },
        points: { show: !s.bars, size: 6, fill: s.color }
      };
      if (s.bars) {
        o.paths = barPaths(d, slot++, slots, !!d.stack);
        o.fill = s.color;
      }
      series.push(o);
    });
    var top = countMax(d);
    var axes = [
      {
        stroke: "#475569",
        grid: { stroke: "#e2e8f0", width: 1 },
        ticks: { stroke: "#cbd5e1" },
        size: 44,
        splits: function (u) { return ticks(starts, d.step, u.bbox.width / (window.devicePixelRatio || 1)); },
        values: function (u, vals) { return tickLabels(vals); }
      },
      {
        scale: "count", label: "events", stroke: "#475569", size: 44,
        grid: { stroke: "#eef2f6", width: 1 },
        incrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000],
        values: function (u, vals) { return vals.map(function (v) { return v.toFixed(0); }); }
      }
    ];
    var scales = {
      // Whole periods: from the first start to the last end.
      x: { time: false, range: function () { return [starts[0], starts[starts.length - 1] + d.step]; } },
      count: { range: function () { return [0, Math.max(1, Math.ceil(top * 1.1))]; } }
    };
    if (hasGold) {
      axes.push({ scale: "goldstein", label: "Goldstein", side: 1, stroke: "#475569", grid: { show: false }, size: 44, incrs: [5] });
      scales.goldstein = { range: [-10, 10] };
    } else if (d.kind === "plover") {
      // An empty right axis as wide as the Goldstein one of the chart
      // above it, so that the periods of both line up.
      axes.push({ scale: "count", side: 1, size: 44, label: "", grid: { show: false }, ticks: { show: false },
        values: function (u, vals) { return vals.map(function () { return ""; }); } });
    }
    return {
      width: chartWidth(el),
      height: 260,
      series: series,
      axes: axes,
      scales: scales,
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      legend: { live: true }
    };
  }

  function draw(el) {
    if (el.dataset.drawn || typeof uPlot === "undefined") return;
    var d = readData(el);
    if (!d || !d.x || d.x.length === 0) return;
    el.dataset.drawn = "1";
    var step = d.step || 86400;
    d.step = step;
    // Values sit in the middle of their period.
    var mid = d.x.map(function (t) { return t + step / 2; });
    var data = [mid].concat(d.series.map(function (s) { return s.data; }));
    var u = new uPlot(options(el, d), data, el);
    if (d.links && d.links.length) {
      el.classList.add("clickable");
      u.over.addEventListener("click", function () {
        var i = u.cursor.idx;
        if (i != null && d.links[i]) window.location.href = d.links[i];
      });
    }
    var timer = 0;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        u.setSize({ width: chartWidth(el), height: 260 });
      }, 150);
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
