// Small inline-SVG charts for the operators' page: no library, nothing fetched from elsewhere.
'use strict';
const Charts = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 560, H = 260, M = { l: 44, r: 12, t: 12, b: 40 };

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function frame(container, w, h) {
    container.replaceChildren();
    const svg = el('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img' });
    container.appendChild(svg);
    return svg;
  }

  function axes(svg, x0, x1, xLabel, yTicks) {
    const y = (v) => M.t + (1 - v) * (H - M.t - M.b);
    yTicks.forEach((v) => {
      svg.appendChild(el('line', { x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), stroke: '#e3e6ea' }));
      svg.appendChild(el('text', { x: M.l - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11 },
        (v * 100).toFixed(0) + '%'));
    });
    svg.appendChild(el('text', { x: M.l, y: H - 6, 'font-size': 11, fill: '#66707a' }, x0));
    svg.appendChild(el('text', { x: W - M.r, y: H - 6, 'font-size': 11, fill: '#66707a', 'text-anchor': 'end' }, x1));
    if (xLabel) {
      svg.appendChild(el('text', { x: W / 2, y: H - 6, 'font-size': 11, 'text-anchor': 'middle' }, xLabel));
    }
    return y;
  }

  function legend(svg, series) {
    series.filter((s) => !s.hideLegend).forEach((s, i) => {
      svg.appendChild(el('rect', { x: M.l + 8 + i * 130, y: H - 30, width: 10, height: 10, fill: s.color }));
      svg.appendChild(el('text', { x: M.l + 22 + i * 130, y: H - 21, 'font-size': 11 }, s.name));
    });
  }

  /** Lines of {t (ms), y (0..1)} points between from and to (ms); a y of null breaks the line. */
  function line(container, { series, from, to, target }) {
    const svg = frame(container, W, H);
    const y = axes(svg, new Date(from).toISOString().slice(0, 16).replace('T', ' '),
      new Date(to).toISOString().slice(0, 16).replace('T', ' '), 'UTC', [0, 0.25, 0.5, 0.75, 1]);
    const x = (t) => M.l + (to === from ? 0 : (t - from) / (to - from)) * (W - M.l - M.r);
    if (target !== undefined) {
      svg.appendChild(el('line', { x1: M.l, x2: W - M.r, y1: y(target), y2: y(target), stroke: '#b3261e',
        'stroke-dasharray': '2 3' }));
    }
    let drawn = 0;
    series.forEach((s) => {
      const pts = s.points.filter((p) => p.y !== null && p.y !== undefined);
      if (pts.length === 0) {
        return;
      }
      drawn += pts.length;
      svg.appendChild(el('polyline', { points: pts.map((p) => `${x(p.t)},${y(p.y)}`).join(' '), fill: 'none',
        stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash || '', class: 'series',
        'data-series': s.name }));
      pts.forEach((p) => {
        const dot = el('circle', { cx: x(p.t), cy: y(p.y), r: s.dash ? 1.5 : 3, fill: s.color, class: 'point' });
        dot.appendChild(el('title', {}, `${s.name} ${new Date(p.t).toISOString()}: ${(p.y * 100).toFixed(1)}%`
          + (p.n !== undefined ? ` (n=${p.n})` : '')));
        svg.appendChild(dot);
      });
    });
    if (drawn === 0) {
      svg.appendChild(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#66707a' }, 'no data yet'));
    }
    legend(svg, series);
    return svg;
  }

  /**
   * A version's GOOD precision-recall curve over thresholds (when recorded), its operating points (e.g. validation
   * and frozen set) and the precision target.
   */
  function pr(container, { points, curve = [], target }) {
    const svg = frame(container, W, H);
    const y = axes(svg, '0', '1', 'GOOD recall', [0, 0.25, 0.5, 0.75, 1]);
    const x = (r) => M.l + r * (W - M.l - M.r);
    if (target !== undefined) {
      svg.appendChild(el('line', { x1: M.l, x2: W - M.r, y1: y(target), y2: y(target), stroke: '#b3261e',
        'stroke-dasharray': '2 3' }));
    }
    if (curve.length > 1) {
      svg.appendChild(el('polyline', { class: 'curve', fill: 'none', stroke: '#9bb8d3', 'stroke-width': 2,
        points: curve.map((p) => `${x(p.recall)},${y(p.precision)}`).join(' ') }));
    }
    points.forEach((p, i) => {
      const color = p.color || '#1f6fb2';
      svg.appendChild(el('circle', { cx: x(p.recall), cy: y(p.precision), r: 5, fill: color }));
      // labels stacked in the empty low-recall, low-precision corner, never over the points
      svg.appendChild(el('circle', { cx: M.l + 12, cy: H - M.b - 12 - i * 16, r: 4, fill: color }));
      svg.appendChild(el('text', { x: M.l + 22, y: H - M.b - 8 - i * 16, 'font-size': 11 },
        `${p.name}: precision ${(p.precision * 100).toFixed(1)}%, recall ${(p.recall * 100).toFixed(1)}%`));
    });
    if (points.length === 0) {
      svg.appendChild(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#66707a' },
        'no precision/recall recorded'));
    }
    return svg;
  }

  /** A confusion matrix: rows are doctors' grades, columns the model's, shaded by row share. */
  function confusion(container, matrix, classes) {
    const n = matrix.length, cell = 56, left = 70, top = 40;
    const svg = frame(container, left + n * cell + 10, top + n * cell + 30);
    svg.setAttribute('width', left + n * cell + 10); // natural size: a 3x3 matrix needs no full column
    svg.appendChild(el('text', { x: left, y: 14, 'font-size': 11 }, 'predicted →  (rows: doctors)'));
    matrix.forEach((row, i) => {
      const total = row.reduce((a, b) => a + b, 0) || 1;
      svg.appendChild(el('text', { x: left - 6, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end',
        'font-size': 11 }, classes[i] || i));
      row.forEach((v, j) => {
        const share = v / total;
        svg.appendChild(el('rect', { x: left + j * cell, y: top + i * cell, width: cell - 2, height: cell - 2,
          fill: `rgba(31,111,178,${0.08 + 0.85 * share})` }));
        svg.appendChild(el('text', { x: left + j * cell + cell / 2, y: top + i * cell + cell / 2 + 4,
          'text-anchor': 'middle', 'font-size': 12, fill: share > 0.5 ? '#fff' : '#1d232a' }, v));
        if (i === 0) {
          svg.appendChild(el('text', { x: left + j * cell + cell / 2, y: top - 6, 'text-anchor': 'middle',
            'font-size': 11 }, classes[j] || j));
        }
      });
    });
    return svg;
  }

  return { line, pr, confusion };
})();
