// The operators' page: versions, the current rollout and its live evidence, actions with a reason, history.
'use strict';
const $ = (id) => document.getElementById(id);
const Z95 = 1.6448536269514722; // one-sided 95%, as RolloutPolicy uses
const COLORS = { stable: '#1f6fb2', canary: '#e07b00', none: '#7a7a7a' };
const ui = { model: null, state: null, versions: [], pending: null, timer: null };
// The chart window → the timeline's bucket size and count (the server starts the first bucket on its boundary).
const WINDOWS = { '1h': 'bucket=5m&buckets=12', '6h': 'bucket=15m&buckets=24', '1d': 'bucket=1h&buckets=24',
  '7d': 'bucket=6h&buckets=28' };

// A JSON request (request() in common/signin.js) whose error answers throw with the problem's title and detail.
async function api(method, path, body) {
  const response = await request(method, path, body);
  if (!response.ok) {
    const error = new Error(await problemText(response));
    error.status = response.status;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}

/** "title: detail" of an RFC 9457 problem, or the status line when the body is something else. */
async function problemText(response) {
  try {
    const p = await response.json();
    const violations = (p.violations || []).map((v) => v.field + ' ' + v.message).join('; ');
    return `${p.title || response.status}: ${p.detail || violations || ''}`.trim();
  } catch (e) {
    return `${response.status} ${response.statusText}`;
  }
}

function showError(text) {
  $('error').textContent = text || '';
  $('error').hidden = !text;
}

async function start() {
  const who = await signedInUser();
  if (!who) {
    return;
  }
  if (!(who.roles || []).includes('operator')) {
    $('login-error').hidden = false;
    showLogin();
    return;
  }
  $('who').textContent = who.name;
  $('login').hidden = true;
  $('work').hidden = false;
  await loadModels();
  clearInterval(ui.timer);
  ui.timer = setInterval(() => refresh().catch((e) => showError(e.message)), 30000);
}

async function loadModels() {
  const rollouts = await api('GET', '/api/rollouts');
  const names = rollouts.map((r) => r.modelName);
  const wanted = new URLSearchParams(location.search).get('model');
  if (wanted && !names.includes(wanted)) {
    names.unshift(wanted);
  }
  if (names.length === 0) {
    names.push('metaphase-quality');
  }
  $('model').replaceChildren(...names.map((n) => new Option(n, n)));
  $('model').value = wanted || names[0];
  await selectModel();
}

async function selectModel() {
  ui.model = $('model').value;
  showError('');
  await refresh();
}

async function refresh() {
  const m = encodeURIComponent(ui.model);
  // A model without a rollout yet (no version has become stable) answers 404 for its state: not an error here.
  const none = (fallback) => (e) => {
    if (e.status === 404) {
      return fallback;
    }
    throw e;
  };
  const [state, versions, history, timeline] = await Promise.all([
    api('GET', `/api/rollouts/${m}`).catch(none(null)), api('GET', `/api/rollouts/${m}/versions`).catch(none([])),
    api('GET', `/api/rollouts/${m}/history`).catch(none([])),
    api('GET', `/api/rollouts/${m}/timeline?${WINDOWS[$('window').value]}`)]);
  ui.state = state;
  ui.versions = versions;
  renderState(state);
  renderEvidence(state);
  renderVersions(versions, state);
  renderHistory(history);
  renderTimeline(timeline);
  $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
}

/** Shows a button only when it can act. */
function can(id, able) {
  $(id).hidden = !able;
  $(id).disabled = !able;
}

function renderState(s) {
  $('no-rollout').hidden = s !== null;
  $('state').hidden = s === null;
  $('evidence').hidden = s === null;
  $('evidence-title').hidden = s === null;
  if (s === null) {
    $('rollout-actions').hidden = true;
    return;
  }
  $('phase').textContent = s.phase;
  $('stable').textContent = s.stableVersion || '—';
  $('canary').textContent = s.canaryVersion || '—';
  $('weight').textContent = s.canaryVersion ? s.canaryWeight + '%' : '—';
  $('pinned').textContent = s.pinned ? 'yes' : 'no';
  $('since').textContent = s.canaryStartedAt ? when(s.canaryStartedAt) : '—';
  const running = s.phase === 'CANARY' || s.phase === 'PAUSED';
  can('act-pause', s.phase === 'CANARY');
  can('act-resume', s.phase === 'PAUSED');
  can('act-promote', running);
  can('act-rollback', running);
  can('act-weight', running);
  $('weight-input').hidden = !running;
  can('act-unpin', s.pinned);
  $('rollout-actions').hidden = !running && !s.pinned;
}

/** The one-sided 95% Wilson lower bound, as org.karyoloop.ml.eval.WilsonInterval computes it. */
function wilsonLower(successes, trials) {
  if (trials <= 0) {
    return null;
  }
  const p = successes / trials, z2 = Z95 * Z95;
  const centre = p + z2 / (2 * trials);
  const margin = Z95 * Math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials));
  return Math.max(0, (centre - margin) / (1 + z2 / trials));
}

function renderEvidence(s) {
  if (s === null) {
    $('evidence').tBodies[0].replaceChildren();
    return;
  }
  const rows = ['canary', 'stable'].map((arm) => {
    const e = s.evidence[arm];
    const version = arm === 'canary' ? s.canaryVersion : s.stableVersion;
    return row([arm, version || '—', e.scored, e.labelled, e.predictedGood, e.truePositives,
      pct(e.predictedGood ? e.truePositives / e.predictedGood : null),
      pct(wilsonLower(e.truePositives, e.predictedGood)),
      pct(e.actualGood ? e.truePositives / e.actualGood : null), e.p99LatencyMs.toFixed(0)], 2);
  });
  $('evidence').tBodies[0].replaceChildren(...rows);
}

function metricPair(m, name) {
  if (m['eval_' + name] !== undefined) {
    return pct(m['eval_' + name]);
  }
  return m[name] !== undefined ? pct(m[name]) + ' (val.)' : '—';
}

function renderVersions(versions, s) {
  const rows = versions.slice().reverse().map((v) => {
    const tr = row([v.version, v.origin, when(v.createdAt), v.goodThreshold.toFixed(3),
      metricPair(v.metrics, 'good_precision'), metricPair(v.metrics, 'good_recall'),
      v.eligible === null ? '?' : v.eligible ? 'yes' : 'no', v.serving || '']);
    tr.dataset.version = v.version;
    const cell = document.createElement('td');
    // A canary needs an idle rollout and a stable version to compare with, other than itself.
    if (s !== null && s.phase === 'IDLE' && s.stableVersion && !v.serving) {
      cell.append(button('Start canary', 'canary', v.version, false));
    }
    if (s === null || !(s.pinned && s.stableVersion === v.version)) {
      cell.append(button('Pin', 'pin', v.version, false));
    }
    tr.appendChild(cell);
    return tr;
  });
  $('version-table').tBodies[0].replaceChildren(...rows);
  renderPlots(versions.slice().reverse().slice(0, 4));
}

function button(text, action, version, disabled) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.dataset.action = action;
  b.dataset.version = version;
  b.disabled = disabled;
  return b;
}

function renderPlots(versions) {
  $('plots').replaceChildren(...versions.map((v) => {
    const div = document.createElement('div');
    div.className = 'plot-row';
    div.dataset.version = v.version;
    const label = document.createElement('b');
    label.textContent = v.version;
    const prBox = document.createElement('div');
    const cmBox = document.createElement('div');
    div.append(label, prBox, cmBox);
    drawPr(prBox, v);
    drawConfusion(cmBox, v);
    return div;
  }));
}

function drawPr(box, v) {
  const m = v.metrics, points = [];
  if (m.good_precision !== undefined && m.good_recall !== undefined) {
    points.push({ name: 'validation', precision: m.good_precision, recall: m.good_recall, color: '#7a7a7a' });
  }
  if (m.eval_good_precision !== undefined && m.eval_good_recall !== undefined) {
    points.push({ name: 'frozen set', precision: m.eval_good_precision, recall: m.eval_good_recall });
  }
  // the validation curve training keeps as pr_curve_<kk>_recall / _precision (imported versions may lack it)
  const curve = Object.keys(m).filter((k) => /^pr_curve_\d+_recall$/.test(k)).sort()
    .map((k) => ({ recall: m[k], precision: m[k.replace('_recall', '_precision')] }))
    .filter((p) => p.precision !== undefined);
  Charts.pr(box, { points, curve, target: m.target_precision });
}

/** From metrics named confusion_<doctor grade>_<model grade> (how imported models can carry one). */
function drawConfusion(box, v) {
  const classes = ['GOOD', 'FAIR', 'POOR'];
  const cells = classes.map((a) => classes.map((p) => v.metrics[`confusion_${a}_${p}`]));
  if (cells.flat().some((c) => c === undefined)) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = 'no confusion matrix recorded for ' + v.version;
    box.replaceChildren(p);
    return;
  }
  Charts.confusion(box, cells, classes);
}

function renderHistory(events) {
  const rows = events.slice().reverse().map((e) => {
    const tr = row([when(e.occurredAt), e.action, e.actor, e.reason, e.toPhase, e.stableVersion || '',
      e.canaryVersion || '', e.canaryVersion ? e.canaryWeight + '%' : '']);
    tr.title = e.evidence || '';
    return tr;
  });
  $('history-table').tBodies[0].replaceChildren(...rows);
}

function renderTimeline(t) {
  const from = Date.parse(t.from), to = Date.parse(t.to);
  const arms = [...new Set(t.points.map((p) => p.arm))].sort();
  const byArm = (arm, value) => t.points.filter((p) => p.arm === arm)
    .map((p) => ({ t: Date.parse(p.start), y: value(p), n: p.scored }));
  Charts.line($('chart-good-rate'), { from, to, series: arms.map((arm) => ({ name: arm,
    color: COLORS[arm] || '#444', points: byArm(arm, (p) => p.goodRate) })) });
  const precision = [];
  arms.forEach((arm) => {
    precision.push({ name: arm, color: COLORS[arm] || '#444', points: t.points.filter((p) => p.arm === arm)
      .map((p) => ({ t: Date.parse(p.start), y: p.precision, n: p.labelledGoodPredictions })) });
    precision.push({ name: arm + ' lower', color: COLORS[arm] || '#444', dash: '4 3', hideLegend: true,
      points: byArm(arm, (p) => p.precisionLowerBound) });
  });
  Charts.line($('chart-precision'), { from, to, series: precision, target: t.targetPrecision });
}

function row(values, numericFrom) {
  const tr = document.createElement('tr');
  values.forEach((v, i) => {
    const td = document.createElement('td');
    td.textContent = v === null || v === undefined ? '' : String(v);
    if (numericFrom !== undefined && i >= numericFrom) {
      td.className = 'num';
    }
    tr.appendChild(td);
  });
  return tr;
}

const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : (x * 100).toFixed(1) + '%');
const when = (iso) => (iso ? new Date(iso).toISOString().slice(0, 19).replace('T', ' ') + 'Z' : '');

const TITLES = { pause: 'Pause the canary', resume: 'Resume the canary', promote: 'Promote the canary to stable',
  rollback: 'Roll the canary back', unpin: 'Unpin the model', weight: 'Set the canary weight',
  canary: 'Start a canary of', pin: 'Pin stable to' };

/** Every action asks for a reason first; the reason goes into the history with the operator's name. */
function ask(action, version) {
  ui.pending = { action, version };
  $('reason-title').textContent = TITLES[action] + (version ? ' ' + version : '')
    + (action === 'weight' ? ' to ' + $('new-weight').value + '%' : '') + ' — why?';
  $('reason').value = '';
  $('reason-dialog').showModal();
  $('reason').focus();
}

async function confirmAction(event) {
  event.preventDefault();
  const reason = $('reason').value.trim();
  if (!reason) {
    $('reason').focus();
    return;
  }
  $('reason-dialog').close();
  const { action, version } = ui.pending;
  const m = encodeURIComponent(ui.model);
  try {
    const body = { action, reason };
    if (version) {
      body.version = version;
    }
    if (action === 'weight') {
      body.weight = Number($('new-weight').value);
    }
    await api('POST', `/api/rollouts/${m}/actions`, body);
    showError('');
  } catch (e) {
    showError(e.message);
  }
  await refresh().catch((e) => showError(e.message));
}

document.addEventListener('click', (event) => {
  const b = event.target.closest('button[data-action]');
  if (b && !b.disabled) {
    ask(b.dataset.action, b.dataset.version);
  }
});
$('login-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
$('reason-form').addEventListener('submit', confirmAction);
$('reason-cancel').addEventListener('click', () => $('reason-dialog').close());
$('model').addEventListener('change', () => selectModel().catch((e) => showError(e.message)));
$('window').addEventListener('change', () => refresh().catch((e) => showError(e.message)));
$('refresh').addEventListener('click', () => refresh().catch((e) => showError(e.message)));
start().catch((e) => showError(e.message));
