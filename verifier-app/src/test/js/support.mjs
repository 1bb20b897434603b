// Test support for the browser verifier under Node's test runner: loads the files exactly as the jar
// serves them (PRAMAAN_STATIC_DIR, target/classes/static) and makes credentials, bundles and PDFs with
// WebCrypto keys, tiny-cbor's encoder and the platform's zlib.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

export const STATIC_DIR = process.env.PRAMAAN_STATIC_DIR
  || path.resolve(import.meta.dirname, '../../../target/classes/static');
if (!fs.existsSync(path.join(STATIC_DIR, 'vendor/tiny-cbor/index.js'))) {
  throw new Error('no built static files in ' + STATIC_DIR + ': run mvn -pl verifier-app process-resources first');
}
const load = (file) => import(pathToFileURL(path.join(STATIC_DIR, file)).href);
export const verify = await load('offline/verify.js');
export const pdf = await load('offline/pdf.js');
export const cborLib = await load('vendor/tiny-cbor/index.js');
const { encodeCBOR, CBORTag } = cborLib;

const subtle = globalThis.crypto.subtle;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export async function keyPair() {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
  const kid = new Uint8Array(await subtle.digest('SHA-256', spki)).slice(0, 8);
  return { ...pair, spki, kid };
}

export async function sign1(key, kid, payload) {
  const protectedHeader = encodeCBOR(new Map([[1, -7], [4, kid]]));
  const signature = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey,
    verify.toBeSigned(protectedHeader, payload)));
  return encodeCBOR(new CBORTag(18, [protectedHeader, new Map(), payload, signature]));
}

export async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function base32(bytes) {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) { bits -= 5; out += BASE32[(buffer >> bits) & 31]; }
  }
  if (bits > 0) { out += BASE32[(buffer << (5 - bits)) & 31]; }
  return out;
}

export function claims({ dept = 'REV', type = 'INC', holder = 'Test Holder', iat, exp, cti }) {
  const body = new Map([['t', type], ['n', holder], ['l', 'en'], ['f', new Map([['ai', '96000'], ['pu', 'loan']])]]);
  return encodeCBOR(new Map([[1, dept], [4, exp], [6, iat], [7, cti], [-65537, body]]));
}

export function randomCti(year = 2026) {
  const cti = new Uint8Array(12);
  crypto.getRandomValues(cti);
  cti[0] = year >> 8;
  cti[1] = year & 0xff;
  return cti;
}

export async function credential(signer, options) {
  const cose = await sign1(signer, signer.kid, claims(options));
  return { cose, text: 'HTTPS://VERIFY.EXAMPLE.GOV.IN/C/' + base32(await deflate(cose)) };
}

export async function idEntry(id) {
  return new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(id))).slice(0, 8);
}

export function sortedSet(list) {
  const sorted = [...list].sort((a, b) => {
    for (let i = 0; i < 8; i++) { if (a[i] !== b[i]) { return a[i] - b[i]; } }
    return 0;
  });
  const out = new Uint8Array(sorted.length * 8);
  sorted.forEach((e, i) => out.set(e, i * 8));
  return out;
}

export function signerEntry(signer, { dept = 'REV', from = 0, until = 4102444800, revokedAt } = {}) {
  const entry = new Map([['dept', dept], ['kid', signer.kid], ['spki', signer.spki], ['from', from], ['until', until]]);
  if (revokedAt != null) { entry.set('revokedAt', revokedAt); }
  return entry;
}

export async function bundle(receipt, fields) {
  return sign1(receipt, receipt.kid, encodeCBOR(new Map([['v', 1], ...Object.entries(fields)])));
}

/** A minimal PDF with one embedded file stream, raw or Flate-compressed, plus a decoy stream before it. */
export async function pdfWith(cose, { flate = true, indirectLength = false } = {}) {
  const data = flate ? await deflate(cose) : cose;
  const latin1 = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const parts = [
    latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    latin1('2 0 obj\n<< /Length 11 >>\nstream\nBT (hi) ET\n\nendstream\nendobj\n'),
    latin1('3 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fcose' + (flate ? ' /Filter /FlateDecode' : '')
      + ' /Length ' + (indirectLength ? '4 0 R' : String(data.length)) + ' >>\nstream\r\n'),
    data,
    latin1('\r\nendstream\nendobj\n4 0 obj\n' + data.length + '\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
