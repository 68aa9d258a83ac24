// The interactive parts of report.html: filtering, sorting, details, heat maps and copying.
// Vanilla and inline, so that the page works from a file:// URL with no network.
(function () {
  'use strict';
  var table = document.getElementById('failures');
  var filter = document.getElementById('filter');
  var status = document.getElementById('status');
  var backend = document.getElementById('backend');
  var shown = document.getElementById('shown');

  function bodies() { return Array.prototype.slice.call(table.tBodies); }

  function matches(body, tokens) {
    var s = body.dataset.status;
    var wanted = status.value;
    if (wanted === 'bad' ? (s !== 'fail' && s !== 'error') : (wanted !== 'any' && s !== wanted)) return false;
    if (backend.value && body.dataset.backend !== backend.value) return false;
    var text = ' ' + body.dataset.search.toLowerCase() + ' ';
    // "stride=1" must not match "stride=1x2": feature tokens match whole words.
    return tokens.every(function (t) { return t.indexOf('=') >= 0 ? text.indexOf(' ' + t + ' ') >= 0 : text.indexOf(t) >= 0; });
  }

  function apply() {
    var tokens = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var all = bodies(), count = 0;
    all.forEach(function (b) { b.hidden = !matches(b, tokens); if (!b.hidden) count++; });
    shown.textContent = 'showing ' + count + ' of ' + all.length;
  }

  function sortBy(th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.dataset.sort === 'num';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    function key(b) {
      var cell = b.rows[0].cells[index];
      return numeric ? parseFloat(cell.dataset.v) : cell.textContent.trim().toLowerCase();
    }
    var sorted = bodies().map(function (b, i) { return { b: b, k: key(b), i: i }; });
    sorted.sort(function (x, y) {
      var c = numeric ? x.k - y.k : x.k.localeCompare(y.k);
      if (isNaN(c)) c = 0;
      return (ascending ? c : -c) || x.i - y.i;
    });
    sorted.forEach(function (e) { table.appendChild(e.b); });
  }

  // Heat map levels, as HtmlExporter.Encode writes them.
  var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var ramp = [[254, 224, 144], [244, 109, 67], [165, 0, 38]];

  function color(level) {
    if (level === 0) return '#eef1f4';
    if (level === 1) return '#c5e4be';
    if (level === 63) return '#2d004b';
    var t = (level - 2) / 60, seg = t < 0.5 ? 0 : 1, f = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    var a = ramp[seg], b = ramp[seg + 1];
    return 'rgb(' + [0, 1, 2].map(function (k) { return Math.round(a[k] + (b[k] - a[k]) * f); }).join(',') + ')';
  }

  function describe(level) {
    if (level === 0) return 'no error';
    if (level === 1) return 'within the bound (ratio <= 1)';
    if (level === 63) return 'infinite (NaN, Inf, or an exact-mode miss)';
    var low = Math.pow(10, (level - 2) / 10);
    return 'bound ratio ' + (level === 62 ? '>= 1e6' : low.toPrecision(2) + ' to ' + (low * Math.pow(10, 0.1)).toPrecision(2));
  }

  function legend() {
    var div = document.createElement('div');
    div.className = 'legend';
    [[0, 'no error'], [1, 'within bound'], [2, 'ratio 1'], [22, '100'], [42, '10^4'], [62, '>=10^6'], [63, 'NaN/Inf']].forEach(function (e) {
      var span = document.createElement('span'), swatch = document.createElement('i');
      swatch.style.background = color(e[0]);
      span.appendChild(swatch);
      span.appendChild(document.createTextNode(e[1]));
      div.appendChild(span);
    });
    return div;
  }

  function drawMaps(container) {
    if (!container || container.dataset.drawn) return;
    container.dataset.drawn = '1';
    var parts = container.dataset.map.split(';');
    var size = parts[0].split('x').map(Number), rows = size[0], cols = size[1];
    var w = Math.max(3, Math.min(8, Math.floor(100 / Math.max(rows, cols)))), h = rows === 1 ? 12 : w;
    parts.slice(1).forEach(function (part) {
      var colon = part.indexOf(':'), channel = part.slice(0, colon), levels = part.slice(colon + 1);
      var figure = document.createElement('figure'), canvas = document.createElement('canvas');
      canvas.width = cols * w;
      canvas.height = rows * h;
      var g = canvas.getContext('2d');
      for (var i = 0; i < levels.length; i++) {
        g.fillStyle = color(alphabet.indexOf(levels[i]));
        g.fillRect((i % cols) * w, Math.floor(i / cols) * h, w, h);
      }
      canvas.addEventListener('mousemove', function (e) {
        var x = Math.floor(e.offsetX / w), y = Math.floor(e.offsetY / h);
        if (x >= 0 && x < cols && y >= 0 && y < rows)
          canvas.title = 'channel ' + channel + ', cell (row ' + y + ', column ' + x + '): ' + describe(alphabet.indexOf(levels[y * cols + x]));
      });
      figure.appendChild(canvas);
      var caption = document.createElement('figcaption');
      caption.textContent = 'c' + channel;
      figure.appendChild(caption);
      container.appendChild(figure);
    });
    container.appendChild(legend());
  }

  function open(body, state) {
    body.classList.toggle('open', state);
    if (body.classList.contains('open')) drawMaps(body.querySelector('.maps'));
  }

  function copy(button) {
    var code = button.parentNode.querySelector('code');
    function selected() {
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      button.textContent = 'selected: press Ctrl+C';
    }
    // The clipboard API needs a secure context and permission; file:// pages may have neither.
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.textContent).then(function () { button.textContent = 'copied'; }, selected);
    } else {
      selected();
    }
  }

  table.addEventListener('click', function (e) {
    var button = e.target.closest('button.copy');
    if (button) { copy(button); return; }
    var th = e.target.closest('th[data-sort]');
    if (th) { sortBy(th); return; }
    var row = e.target.closest('tr.row');
    if (row) open(row.parentNode);
  });

  document.getElementById('expand').addEventListener('click', function () {
    var visible = bodies().filter(function (b) { return !b.hidden; });
    var state = !visible.every(function (b) { return b.classList.contains('open'); });
    visible.forEach(function (b) { open(b, state); });
  });

  var matrix = document.getElementById('matrix');
  matrix.addEventListener('click', function (e) {
    var cell = e.target.closest('td[data-filter]');
    if (!cell) return;
    filter.value = cell.dataset.filter;
    backend.value = cell.dataset.backend;
    status.value = cell.classList.contains('known') ? 'known' : 'bad';
    apply();
    table.scrollIntoView({ behavior: 'smooth' });
  });

  [filter, status, backend].forEach(function (el) { el.addEventListener('input', apply); });
  // A run with only known divergences (or only n/a) lists them rather than an empty table.
  var anyBad = bodies().some(function (b) { return b.dataset.status === 'fail' || b.dataset.status === 'error'; });
  if (!anyBad) status.value = 'any';
  apply();
  // The first listed result opens by itself: what an engineer looks at first.
  var first = bodies().filter(function (b) { return !b.hidden; })[0];
  if (first) open(first, true);
}());
