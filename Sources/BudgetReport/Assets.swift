extension ReviewPage {
    /// The page's styles: the extracted table and the page images side by side, the page
    /// images kept in view while the table scrolls.
    static let style = """
    :root { --hot: #ff9800; --err: #d32f2f; --round: #f9a825; --warn: #1976d2; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
    body { margin: 0 auto; padding: 1rem 1.5rem 4rem; max-width: 1800px; color: #222; background: #fafafa; }
    h1 { margin: .2rem 0 .6rem; font-size: 1.5rem; } h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .85rem; margin: 0; }
    dl.meta dt { color: #666; } dl.meta dd { margin: 0; word-break: break-all; }
    .hint { font-size: .8rem; color: #666; }
    table { border-collapse: collapse; font-size: .8rem; background: #fff; }
    th, td { border: 1px solid #ccc; padding: .15rem .35rem; vertical-align: top; }
    thead th { background: #eef2f6; position: sticky; top: 0; z-index: 1; }
    table.toc td small { color: #666; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.total td, tr.grand_total td { font-weight: 600; } tr.subtotal td { background: #f7f9fb; }
    td[data-cell] { cursor: crosshair; }
    td.hot, td.flagged.hot { background: var(--hot) !important; color: #000; }
    td.flagged { box-shadow: inset 0 0 0 2px var(--warn); } td.flagged.rounding { box-shadow: inset 0 0 0 2px var(--round); }
    td.flagged.error { box-shadow: inset 0 0 0 2px var(--err); }
    .pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
    .extracted { overflow: auto; max-height: 92vh; }
    .pages { position: sticky; top: .5rem; max-height: 96vh; overflow: auto; }
    svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
    figure.page { margin: 0 0 .8rem; background: #fff; border: 1px solid #bbb; }
    figure.page figcaption { font-size: .75rem; color: #555; padding: .1rem .4rem; }
    figure.page svg { display: block; width: 100%; height: auto; }
    rect.box { fill: rgba(33, 150, 243, .06); stroke: rgba(33, 150, 243, .75); stroke-width: .6; cursor: crosshair; }
    rect.box.flagged { stroke: var(--err); stroke-width: 1.4; fill: rgba(211, 47, 47, .12); }
    rect.box.hot { fill: rgba(255, 152, 0, .45); stroke: #e65100; stroke-width: 2; }
    ol.findings { padding-left: 1.6rem; } li.finding { margin: .4rem 0; font-size: .85rem; }
    li.finding .sev { display: inline-block; min-width: 5.5em; font-weight: 600; }
    li.finding.error .sev { color: var(--err); } li.finding.rounding .sev { color: #a67c00; } li.finding.warning .sev { color: var(--warn); }
    li.finding .en { color: #555; } li.finding .detail { color: #444; margin: .1rem 0; } li.finding code { font-size: .75rem; color: #777; }
    li.finding .links a { margin-right: .6rem; font-size: .8rem; }
    li.finding.hot { background: #fff3e0; }
    ul.notes { font-size: .8rem; color: #444; }
    .textpages { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; }
    section.table { border-top: 2px solid #dde3ea; margin-top: 1.5rem; }
    .facts { font-size: .8rem; color: #555; margin: 0 0 .5rem; }
    @media (max-width: 1100px) { .pair { grid-template-columns: 1fr; } .pages { position: static; } }
    """

    /// Hovering anything with `data-cell` lights every element of that cell (its table
    /// cell, its boxes on the page images, the findings' links); following a link to a cell
    /// scrolls both the table and the page image to it.
    static let script = """
    (function () {
      function parts(id) { return document.querySelectorAll('[data-cell="' + id + '"]'); }
      function light(id, on) { parts(id).forEach(function (e) { e.classList.toggle('hot', on); }); }
      document.addEventListener('mouseover', function (e) {
        var t = e.target.closest && e.target.closest('[data-cell]'); if (t) light(t.getAttribute('data-cell'), true);
      });
      document.addEventListener('mouseout', function (e) {
        var t = e.target.closest && e.target.closest('[data-cell]'); if (t) light(t.getAttribute('data-cell'), false);
      });
      // Scrolls `container` so that `el` sits in its middle (the window itself is not moved).
      function centre(container, el) {
        if (!container || !el) return;
        var c = container.getBoundingClientRect(), r = el.getBoundingClientRect();
        container.scrollTop += (r.top + r.bottom) / 2 - (c.top + c.bottom) / 2;
        container.scrollLeft += (r.left + r.right) / 2 - (c.left + c.right) / 2;
      }
      function show(id) {
        document.querySelectorAll('.hot').forEach(function (e) { e.classList.remove('hot'); });
        light(id, true);
        var td = document.getElementById(id); if (!td) return;
        var section = td.closest('section'); section.scrollIntoView({block: 'start'});
        centre(td.closest('.extracted'), td);
        var rect = section.querySelector('rect[data-cell="' + id + '"]');
        if (rect) centre(rect.closest('.pages'), rect.closest('figure'));
      }
      document.addEventListener('click', function (e) {
        var a = e.target.closest && e.target.closest('a[data-cell]'); if (!a) return;
        e.preventDefault(); history.replaceState(null, '', '#' + a.getAttribute('data-cell')); show(a.getAttribute('data-cell'));
      });
      if (location.hash.indexOf('#cell-') === 0) show(location.hash.slice(1));
      // #only=cell-T-R-C: that cell's table alone at the top of the page, the cell lit — a
      // link to one table to send someone, and a view a screenshot can take unscrolled.
      if (location.hash.indexOf('#only=') === 0) {
        var id = location.hash.slice(6), td = document.getElementById(id);
        var keep = td ? td.closest('section') : document.getElementById(id);
        if (keep) {
          document.querySelectorAll('body > header dl, body > header .hint, body > nav, body > section').forEach(function (e) {
            if (e !== keep) e.style.display = 'none';
          });
          if (td) show(id);
          window.scrollTo(0, 0);
        }
      }
      // Self-check for tests (#selftest): every cell with a box lights its box when hovered.
      if (location.hash === '#selftest') {
        var cells = document.querySelectorAll('td[data-cell]'), ok = 0, bad = [];
        cells.forEach(function (td) {
          td.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
          var id = td.getAttribute('data-cell');
          var lit = Array.prototype.filter.call(parts(id), function (e) { return e.tagName.toLowerCase() === 'rect' && e.classList.contains('hot'); });
          if (lit.length > 0 || !document.querySelector('rect[data-cell="' + id + '"]') && td.closest('section').querySelector('figure.missing')) ok++; else if (bad.length < 5) bad.push(id);
          td.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
        });
        document.body.setAttribute('data-selftest', (bad.length ? 'fail ' + bad.join(',') : 'ok') + ' ' + ok + '/' + cells.length);
      }
    })();
    """
}
