// The doctors' page: sign in, label the current spread with one key, the next one prefetched.
'use strict';
const $ = (id) => document.getElementById(id);
const state = { current: null, next: null, busy: false, zoom: 1, x: 0, y: 0 };

async function start() {
  const me = await signedInUser();
  if (!me) {
    return;
  }
  $('who').textContent = me.name;
  $('login').hidden = true;
  $('work').hidden = false;
  state.current = await claim(null);
  show();
  prefetch();
  progress();
}

async function claim(except) {
  const response = await request('POST', '/api/annotation/claims' + (except ? '?except=' + except : ''));
  return response.status === 200 ? response.json() : null;
}

async function prefetch() {
  state.next = state.current ? await claim(state.current.itemId) : null;
  if (state.next) {
    new Image().src = state.next.imageUrl; // warm the browser cache while the doctor decides
  }
}

function show() {
  const item = state.current;
  const img = $('spread');
  if (!item) {
    img.removeAttribute('src');
    img.dataset.item = '';
    showMeasured(null);
    setStatus('Nothing left to label. Thank you!', true);
    return;
  }
  img.onload = () => fit();
  img.src = item.imageUrl;
  img.dataset.item = item.itemId;
  const adj = $('adjudication');
  adj.hidden = item.kind !== 'adjudication';
  adj.textContent = item.kind === 'adjudication'
    ? 'Adjudicate: ' + item.reads.map((r) => r.grade + (r.comment ? ' (' + r.comment + ')' : '')).join(' vs ') : '';
  showMeasured(item);
  setStatus(item.modelGuess ? 'model: ' + item.modelGuess.grade : '', false);
}

// What scoring measured before any model: the modality, and its verdict when the image is not a spread.
const MODALITIES = {
  brightfield: 'bright-field',
  fluorescence: 'fluorescence',
  'fluorescence-inverted': 'fluorescence, stored inverted',
};

function showMeasured(item) {
  const modality = $('modality');
  modality.hidden = !item || !item.modality;
  modality.textContent = modality.hidden ? '' : MODALITIES[item.modality] || item.modality;
  modality.dataset.modality = modality.hidden ? '' : item.modality;
  const verdict = $('verdict');
  const notASpread = item ? item.notASpread : null;
  verdict.hidden = !notASpread;
  verdict.textContent = notASpread
    ? 'not a metaphase spread: ' + (notASpread.description || notASpread.reason) : '';
  verdict.dataset.reason = notASpread ? notASpread.reason : '';
}

function setStatus(text, done) {
  $('status').textContent = text;
  $('status').classList.toggle('done', done);
}

async function progress() {
  const response = await request('GET', '/api/annotation/progress');
  if (response.ok) {
    const p = await response.json();
    $('progress').textContent = 'today: ' + p.labelledToday + ' · waiting: ' + p.waiting;
  }
}

function answer() {
  const score = $('score').value;
  return {
    score: score === '' ? null : Number(score),
    flags: [...document.querySelectorAll('.flag:checked')].map((f) => f.value),
    comment: $('comment').value || null,
  };
}

function resetInputs() {
  $('score').value = '';
  $('comment').value = '';
  document.querySelectorAll('.flag').forEach((f) => { f.checked = false; });
}

async function act(kind, grade) {
  if (state.busy || !state.current) {
    return;
  }
  state.busy = true;
  const item = state.current;
  try {
    const response = kind === 'label'
      ? await request('POST', '/api/annotation/items/' + item.itemId + '/label', { grade, ...answer() })
      : await request('POST', '/api/annotation/items/' + item.itemId + '/skip', { reason: $('skip-reason').value });
    if (!response.ok && response.status !== 409) {
      setStatus('Not saved (' + response.status + '), try again', false);
      return;
    }
    resetInputs();
    state.current = state.next || await claim(null);
    state.next = null;
    show();
    prefetch();
    progress();
  } finally {
    state.busy = false;
  }
}

function onKey(event) {
  if ($('work').hidden || ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName)) {
    return;
  }
  const grades = { '1': 'GOOD', '2': 'FAIR', '3': 'POOR' };
  if (grades[event.key]) {
    act('label', grades[event.key]);
  } else if (event.key === 's' || event.key === 'S') {
    act('skip');
  } else if (event.key === '+' || event.key === '=') {
    zoomAt(1.25);
  } else if (event.key === '-') {
    zoomAt(0.8);
  } else if (event.key === '0') {
    fit();
  } else {
    return;
  }
  event.preventDefault();
}

function fit() {
  const img = $('spread');
  const box = $('viewport').getBoundingClientRect();
  if (!img.naturalWidth) {
    return;
  }
  state.zoom = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
  state.x = (box.width - img.naturalWidth * state.zoom) / 2;
  state.y = (box.height - img.naturalHeight * state.zoom) / 2;
  apply();
}

function zoomAt(factor, cx, cy) {
  const box = $('viewport').getBoundingClientRect();
  const px = cx === undefined ? box.width / 2 : cx;
  const py = cy === undefined ? box.height / 2 : cy;
  state.x = px - (px - state.x) * factor;
  state.y = py - (py - state.y) * factor;
  state.zoom *= factor;
  apply();
}

function apply() {
  $('spread').style.transform = `translate(${state.x}px, ${state.y}px) scale(${state.zoom})`;
}

function enablePanAndWheel() {
  const view = $('viewport');
  let drag = null;
  view.addEventListener('wheel', (e) => {
    e.preventDefault();
    const box = view.getBoundingClientRect();
    zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - box.left, e.clientY - box.top);
  }, { passive: false });
  view.addEventListener('mousedown', (e) => { drag = { x: e.clientX - state.x, y: e.clientY - state.y }; });
  window.addEventListener('mouseup', () => { drag = null; });
  window.addEventListener('mousemove', (e) => {
    if (drag) {
      state.x = e.clientX - drag.x;
      state.y = e.clientY - drag.y;
      apply();
    }
  });
}

$('login-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
document.addEventListener('keydown', onKey);
window.addEventListener('resize', fit);
enablePanAndWheel();
start();
