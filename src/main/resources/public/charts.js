/*
 * Tagwarden event charts (uPlot, served from the webjar). Reads the report the page carries as JSON in a data
 * attribute (never as code) and draws events per day by consent outcome, email opens (human and machine), and
 * forwarding jobs per day by outcome.
 * The tables under each chart hold the same figures, for screen readers and for copying.
 */
(function () {
  'use strict';

  function day(iso) {
    return Date.parse(iso + 'T00:00:00Z') / 1000;
  }

  function draw(id, title, days, series) {
    var target = document.getElementById(id);
    if (!target || typeof window.uPlot !== 'function') {
      return;
    }
    var width = Math.max(320, target.clientWidth || 800);
    var data = [days.map(function (d) { return day(d.day); })].concat(series.map(function (s) {
      return days.map(function (d) { return d[s.key]; });
    }));
    var options = {
      title: title, width: width, height: 220,
      scales: {x: {time: true}},
      series: [{}].concat(series.map(function (s) { return {label: s.label, stroke: s.color, width: 2}; })),
      axes: [{}, {size: 50}],
    };
    new window.uPlot(options, data, target);
  }

  function readReport(id) {
    var holder = document.getElementById(id);
    try {
      return holder ? JSON.parse(holder.getAttribute('data-report') || '{}') : null;
    } catch (e) {
      return null;
    }
  }

  function start() {
    var forwarding = readReport('forward-chart');
    if (forwarding) {
      draw('forward-chart', 'Forwarding jobs per day', forwarding.forward || [], [
        {key: 'delivered', label: 'Delivered', color: '#067647'},
        {key: 'pending', label: 'Pending', color: '#1d4ed8'},
        {key: 'failed', label: 'Failed', color: '#b42318'},
      ]);
    }
    var report = readReport('consent-chart');
    if (!report) {
      return;
    }
    draw('consent-chart', 'Events per day', report.consent || [], [
      {key: 'total', label: 'All', color: '#1d4ed8'},
      {key: 'marketing', label: 'Marketing granted', color: '#067647'},
      {key: 'analyticsOnly', label: 'Analytics only', color: '#93370d'},
      {key: 'neither', label: 'Neither', color: '#667085'},
      {key: 'gpc', label: 'GPC on', color: '#b42318'},
    ]);
    draw('opens-chart', 'Email opens per day', report.opens || [], [
      {key: 'human', label: 'Human', color: '#067647'},
      {key: 'machine', label: 'Machine', color: '#667085'},
    ]);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
