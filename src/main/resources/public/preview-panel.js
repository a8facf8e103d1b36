/*
 * Tagwarden preview debug panel: runs inside the sandboxed preview frame, next to the draft container.
 * Reads window.tagwarden.debug() twice a second and shows each tag's status; the buttons use the page API.
 * Everything it shows is set with textContent, never as HTML.
 */
(function () {
  'use strict';

  function api() {
    return window.tagwarden && window.tagwarden.started ? window.tagwarden : null;
  }

  function text(id, value) {
    var node = document.getElementById(id);
    if (node) {
      node.textContent = value;
    }
  }

  function refresh() {
    var tw = api();
    if (!tw) {
      return;
    }
    var report = tw.debug();
    var consent = report.consent || {};
    text('consent-now', Object.keys(consent).map(function (k) { return k + ' ' + consent[k]; }).join(', ') || 'unknown');
    text('consent-source', report.source ? '(from ' + report.source + (report.gpc ? ', GPC on' : '') + ')' : (report.gpc ? '(GPC on)' : ''));
    (report.tags || []).forEach(function (tag) {
      var row = document.querySelector('tr[data-tag-id="' + String(tag.id).replace(/[^A-Za-z0-9_-]/g, '') + '"] .status');
      if (row) {
        row.textContent = tag.status;
        row.className = 'status ' + (tag.status === 'fired' ? 'fired' : tag.status.indexOf('blocked') === 0 ? 'blocked' : 'waiting');
      }
    });
    var list = document.getElementById('runtime-errors');
    if (list && report.errors && report.errors.length) {
      list.textContent = '';
      report.errors.forEach(function (e) {
        var item = document.createElement('li');
        item.textContent = e;
        list.appendChild(item);
      });
    }
  }

  function on(id, type, handler) {
    var node = document.getElementById(id);
    if (node) {
      node.addEventListener(type, handler);
    }
  }

  function start() {
    on('grant-all', 'click', function () { api() && api().consent.update({analytics: 'granted', marketing: 'granted'}); refresh(); });
    on('deny-all', 'click', function () { api() && api().consent.update({analytics: 'denied', marketing: 'denied'}); refresh(); });
    on('open-banner', 'click', function () { api() && api().consent.open(); });
    on('push-form', 'submit', function (e) {
      e.preventDefault();
      var event = {event: document.getElementById('event-name').value.trim()};
      var value = parseFloat(document.getElementById('event-value').value);
      if (!isNaN(value)) {
        event.value = value;
      }
      var currency = document.getElementById('event-currency').value.trim();
      if (currency) {
        event.currency = currency;
      }
      if (api()) {
        api().push(event);
      }
      refresh();
    });
    refresh();
    setInterval(refresh, 500);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
