// The start page's offline side. Registers the service worker (sw.js keeps the page, the scanner and
// these scripts); keeps the offline bundle (signed by the verifier's receipt key) in Cache Storage and
// refreshes it when online (a delta since the height it has, If-None-Match with that height: 304 when
// nothing changed); and, while offline, checks an uploaded photo or PDF, or a /C/ link the service
// worker answered with this page, in the browser (verify.js) and shows the verdict with
// "checked offline; revocations as of <time>", asking to reconnect when the bundle is older than maxAge.
import { verifyOffline, openBundle, stateFromFull, applyDelta, importSpki } from './verify.js';
import { credentialFromPdf } from './pdf.js';

const STATE_CACHE = 'pramaan-offline-state';
const STATE_KEY = '/offline/state.json';
const KEYS_KEY = '/offline/receipt-keys.json';
const BUNDLE_URL = '/api/v1/offline/bundle';
const KEYS_URL = '/api/v1/receipts/keys';
const REFRESH_EVERY_MS = 15 * 60 * 1000;
// A page load asks again only when the last answer is older than this: a clerk checking one certificate
// after another should not spend the per-address rate limit on the bundle.
const RECHECK_AFTER_SECONDS = 5 * 60;

const messages = document.getElementById('offline-messages');
const lang = document.documentElement.lang || 'en';
const say = (key) => (messages ? messages.getAttribute('data-' + key) || '' : '');

// ---- the stored state (Uint8Arrays as base64 inside JSON) ----

function b64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) { s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)); }
  return btoa(s);
}

function unb64(text) {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
  return out;
}

function mapValues(object, f) {
  return Object.fromEntries(Object.entries(object || {}).map(([k, v]) => [k, f(v)]));
}

function serialise(state) {
  return JSON.stringify({
    ...state,
    roots: (state.roots || []).map(b64),
    signers: state.signers.map((s) => ({ ...s, kid: b64(s.kid), spki: b64(s.spki) })),
    revoked: mapValues(state.revoked, b64), held: mapValues(state.held, b64),
  });
}

function deserialise(json) {
  const state = JSON.parse(json);
  state.roots = (state.roots || []).map(unb64);
  state.signers = state.signers.map((s) => ({ ...s, kid: unb64(s.kid), spki: unb64(s.spki) }));
  state.revoked = mapValues(state.revoked, unb64);
  state.held = mapValues(state.held, unb64);
  return state;
}

export async function loadState() {
  if (!('caches' in window)) { return null; }
  const cache = await caches.open(STATE_CACHE);
  const stored = await cache.match(STATE_KEY);
  return stored ? deserialise(await stored.text()) : null;
}

async function saveState(state) {
  const cache = await caches.open(STATE_CACHE);
  await cache.put(STATE_KEY, new Response(serialise(state), { headers: { 'Content-Type': 'application/json' } }));
}

// ---- refreshing the bundle ----

function fromBase64Url(text) {
  return unb64(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
}

/**
 * The verifier's receipt key(s), which must have signed the bundle. Pinned on first use: the key set
 * fetched the first time is kept with the state and used from then on, so a bundle is never checked
 * against a key fetched beside it (docs/offline-bundle.md).
 */
async function receiptKeys() {
  const cache = await caches.open(STATE_CACHE);
  let pinned = await cache.match(KEYS_KEY);
  if (!pinned) {
    const response = await fetch(KEYS_URL, { cache: 'no-store' });
    if (!response.ok) { throw new Error('receipt keys: HTTP ' + response.status); }
    await cache.put(KEYS_KEY, new Response(await response.text(), { headers: { 'Content-Type': 'application/json' } }));
    pinned = await cache.match(KEYS_KEY);
  }
  const keys = [];
  for (const jwk of (await pinned.json()).keys || []) {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') { continue; }
    const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
      { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    // The bundle's kid is the key's id as bytes: the RFC 7638 thumbprint (base64url-decoded) or its text.
    keys.push({ kid: fromBase64Url(jwk.kid || ''), key });
    keys.push({ kid: new TextEncoder().encode(jwk.kid || ''), key });
  }
  return keys;
}

let refreshing = null;

/** Brings the bundle up to date; resolves to the state (unchanged when offline or on any failure). */
export function refresh(force) {
  if (!refreshing) {
    refreshing = doRefresh(force).finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function doRefresh(force) {
  let state = await loadState();
  if (!navigator.onLine) { return state; }
  if (!force && state && Date.now() / 1000 - (state.checkedAt || 0) < RECHECK_AFTER_SECONDS) { return state; }
  try {
    const keys = await receiptKeys();
    const headers = {};
    let url = BUNDLE_URL;
    if (state) {
      url += '?since=' + encodeURIComponent(state.height);
      headers['If-None-Match'] = '"' + state.height + '"';
    }
    let response = await fetch(url, { headers, cache: 'no-store' });
    if (response.status === 304) {
      // A 304 confirms the bundle current now: that is the new "revocations as of", and maxAge counts from it.
      const now = Math.floor(Date.now() / 1000);
      state.checkedAt = now;
      state.at = Math.max(state.at, now);
    } else if (response.ok) {
      const payload = await openBundle(new Uint8Array(await response.arrayBuffer()), keys);
      let next = state ? await applyDelta(state, payload) : (payload.has('since') ? null : await stateFromFull(payload));
      if (!next) {
        response = await fetch(BUNDLE_URL, { cache: 'no-store' });
        if (!response.ok) { throw new Error('bundle: HTTP ' + response.status); }
        next = await stateFromFull(await openBundle(new Uint8Array(await response.arrayBuffer()), keys));
      }
      state = { ...next, checkedAt: Math.floor(Date.now() / 1000) };
    } else {
      throw new Error('bundle: HTTP ' + response.status);
    }
    await saveState(state);
    document.documentElement.setAttribute('data-offline-height', String(state.height));
  } catch (e) {
    console.warn('offline bundle not refreshed', e);
  }
  return state;
}

// ---- reading an upload in the browser ----

function loadJsQr() {
  return new Promise((resolve, reject) => {
    if (window.jsQR) { resolve(window.jsQR); return; }
    const script = document.createElement('script');
    script.src = '/vendor/jsQR.js';
    script.onload = () => resolve(window.jsQR);
    script.onerror = reject;
    document.head.appendChild(script);
  });
}

async function qrTextOfImage(file) {
  const jsQR = await loadJsQr();
  const bitmap = await createImageBitmap(file);
  const longest = Math.max(bitmap.width, bitmap.height);
  for (const side of [Math.min(longest, 1600), longest]) {
    const scale = side / longest;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = jsQR(frame.data, frame.width, frame.height);
    if (code) { return code.data; }
    if (side === longest) { break; }
  }
  return null;
}

async function checkFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const pdf = bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (pdf) {
    const cose = await credentialFromPdf(bytes);
    if (!cose) { return showNotice('no-pdf-credential-headline', 'no-pdf-credential'); }
    return check({ cose });
  }
  const text = await qrTextOfImage(file);
  if (!text) { return showNotice('no-qr-headline', 'no-qr'); }
  return check({ text });
}

// ---- showing the verdict ----

const TONES = { VALID: 'good', EXPIRED: 'warn', ON_HOLD: 'warn' };

function formatTime(seconds) {
  const locale = { te: 'te-IN', hi: 'hi-IN', en: 'en-IN' }[lang] || 'en-IN';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' })
    .format(new Date(seconds * 1000));
}

function output() {
  const out = document.getElementById('offline-output');
  out.replaceChildren();
  out.hidden = false;
  return out;
}

function element(tag, attributes, text) {
  const e = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text != null) { e.textContent = text; }
  return e;
}

function showNotice(headlineKey, messageKey) {
  const out = output();
  const verdict = element('div', { id: 'verdict', role: 'status', class: 'verdict warn', 'data-status': 'NO_CREDENTIAL' });
  verdict.append(element('strong', { id: 'status' }, say(headlineKey)), element('p', { id: 'message' }, say(messageKey)));
  out.append(verdict);
}

function showVerdict(result) {
  const out = output();
  const verdict = element('div', { id: 'verdict', role: 'status', class: 'verdict ' + (TONES[result.status] || 'bad'),
    'data-status': result.status, 'data-offline': 'true' });
  let message = say('status-' + result.status.toLowerCase());
  if (result.reason === 'KEY_WITHDRAWN') {
    message = say('key-withdrawn').replace('{0}', formatTime(result.keyWithdrawnFrom));
  }
  verdict.append(element('strong', { id: 'status' }, say('headline-' + result.status.toLowerCase())),
    element('p', { id: 'message' }, message));
  out.append(verdict);
  out.append(element('p', { id: 'offline-note', class: 'note' }, say('checked').replace('{0}', formatTime(result.bundleAt))));
  if (result.stale) {
    out.append(element('p', { id: 'offline-stale', class: 'verdict warn', role: 'alert' }, say('stale')));
  }
  const c = result.certificate;
  if (c) {
    const section = element('section', { 'aria-labelledby': 'details' });
    section.append(element('h2', { id: 'details' }, say('details')));
    const list = element('dl');
    const row = (label, value, id) => { list.append(element('dt', {}, label), element('dd', id ? { id } : {}, value)); };
    row(say('holder'), c.holderName, 'holder');
    row(say('type'), c.type, 'certificate-title');
    row(say('certificate-id'), c.id, 'certificate-id');
    const names = c.departmentNames;
    if (names) { row(say('department'), names[lang] || names.en || c.issuer, 'department'); }
    row(say('issued-at'), formatTime(c.issuedAt));
    row(say('expires-at'), formatTime(c.expiresAt));
    c.fields.forEach((f) => row(f.key, f.value));
    section.append(list);
    out.append(section);
  }
}

async function check(input) {
  const state = await loadState();
  if (!state) { return showNotice('no-bundle-headline', 'no-bundle'); }
  const result = await verifyOffline(input, state, Math.floor(Date.now() / 1000));
  showVerdict(result);
  return result;
}

// ---- wiring ----

function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e) => console.warn('service worker', e));
  }
  const form = document.querySelector('form[action^="/check"]');
  const file = document.getElementById('file');
  if (form && file) {
    form.addEventListener('submit', (event) => {
      if (navigator.onLine) { return; }
      event.preventDefault();
      if (file.files && file.files[0]) { checkFile(file.files[0]).catch((e) => console.warn('offline check', e)); }
    });
  }
  // The service worker answers a /C/ link with this page when the network is down: check it here.
  if (location.pathname.toUpperCase().startsWith('/C/') && document.getElementById('offline-output')) {
    document.querySelectorAll('main > section, main > p').forEach((e) => { e.hidden = true; });
    refresh().then(() => check({ text: decodeURIComponent(location.pathname) }));
  } else {
    refresh();
  }
  window.addEventListener('online', () => refresh(true));
  window.setInterval(() => refresh(true), REFRESH_EVERY_MS);
}

start();
