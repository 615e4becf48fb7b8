// Live dashboard: when the event stream (/api/v1/status/stream) announces a new snapshot, a state change or an
// outage change, this fetches the page again and swaps in its content, so the cards and the outage banner change in
// place. It is an enhancement only: without it (or without JavaScript) the page's meta refresh does the same.
(function () {
  'use strict';
  if (!window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var regions = ['#main', 'header.site .rendered'];
  var timer = null;

  function openDetails(root) {
    var open = {};
    root.querySelectorAll('details[open] > summary').forEach(function (s) { open[s.textContent.trim()] = true; });
    return open;
  }

  function refresh() {
    timer = null;
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-cache', headers: { Accept: 'text/html' } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var next = new DOMParser().parseFromString(html, 'text/html');
        regions.forEach(function (selector) {
          var here = document.querySelector(selector);
          var there = next.querySelector(selector);
          if (!here || !there || here.innerHTML === there.innerHTML) {
            return;
          }
          var open = openDetails(here);
          here.innerHTML = there.innerHTML;
          here.querySelectorAll('details > summary').forEach(function (s) {
            if (open[s.textContent.trim()]) {
              s.parentElement.open = true;
            }
          });
        });
        document.title = next.title;
      })
      .catch(function () { /* the next event or the meta refresh tries again */ });
  }

  var stream = new EventSource('/api/v1/status/stream');
  ['snapshot', 'state', 'outage'].forEach(function (type) {
    stream.addEventListener(type, function () {
      if (timer === null) {
        timer = window.setTimeout(refresh, 250);
      }
    });
  });
  // A page left behind keeps no stream open: a browser holds at most six connections to a site, and streams of
  // pages kept for the back button took them all, so that the seventh page in a row waited a minute to load.
  window.addEventListener('pagehide', function () { stream.close(); });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      window.location.reload(); // back from the cache: its figures and its stream are gone stale
    }
  });
  document.documentElement.setAttribute('data-live', 'connected');
}());
