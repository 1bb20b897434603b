// The browser verifier: checks a certificate's QR text (or the COSE bytes a PDF carries) against the
// offline bundle, with no call to the server. The same steps as the credential library's
// CredentialVerifier plus the bundle's revocation sets; the same status names as the server's API.
// Pure functions over bytes: the page (app.js) and Node's test runner (frontend/test) both use this file.
//   zlib: the platform's DecompressionStream('deflate') (RFC 1950 zlib, native, nothing to download);
//   CBOR: @levischuck/tiny-cbor (npm, MIT, 4.6 KB gzipped), served from /vendor;
//   ECDSA P-256 / SHA-256: WebCrypto (crypto.subtle), raw r||s signatures as COSE has them.
import { decodeCBOR, CBORTag } from '../vendor/tiny-cbor/index.js';

export const MAX_TEXT_LENGTH = 4296;
export const MAX_INFLATED_BYTES = 16 * 1024;
const COSE_SIGN1_TAG = 18;
const ES256 = -7;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_CTI = 7;
const CLAIM_CERTIFICATE = -65537;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ENTRY = 8;

/** Input that is not a Pramaan credential (or bundle); reason names match MalformedCredentialException.Reason. */
export class Malformed extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

const subtle = globalThis.crypto.subtle;

// ---- text -> COSE bytes (CredentialText.decode) ----

export function base32Decode(text) {
  if (text.length % 8 === 1 || text.length % 8 === 3 || text.length % 8 === 6) {
    throw new Malformed('NOT_BASE32', 'not Base32: invalid length ' + text.length);
  }
  const out = new Uint8Array(Math.floor(text.length * 5 / 8));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const value = BASE32.indexOf(text[i]);
    if (value < 0) {
      throw new Malformed('NOT_BASE32', 'not Base32: unrecognized character ' + JSON.stringify(text[i]));
    }
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** zlib (RFC 1950) inflate, bounded: never more than MAX_INFLATED_BYTES, nothing after the stream. */
export async function inflate(compressed) {
  const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('deflate'));
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) { break; }
      total += value.length;
      if (total > MAX_INFLATED_BYTES) {
        reader.cancel().catch(() => {});
        throw new Malformed('TOO_LARGE', 'the credential inflates past ' + MAX_INFLATED_BYTES + ' bytes');
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof Malformed) { throw e; }
    throw new Malformed('BAD_ZLIB', 'not zlib data: ' + (e && e.message));
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) { out.set(chunk, at); at += chunk.length; }
  return out;
}

/** The payload of a QR text: the verifier URL in any letter case, or the bare payload. */
export function payloadOf(text) {
  if (text == null || String(text).trim() === '') {
    throw new Malformed('EMPTY', 'nothing to decode: the text is empty');
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new Malformed('TOO_LARGE', 'the text has ' + text.length + ' characters; a QR code holds at most ' + MAX_TEXT_LENGTH);
  }
  const upper = String(text).trim().toUpperCase();
  const path = upper.lastIndexOf('/C/');
  let payload = path >= 0 ? upper.substring(path + 3) : upper;
  const query = payload.indexOf('?');
  if (query >= 0) { payload = payload.substring(0, query); }
  if (payload === '') {
    throw new Malformed('EMPTY', 'the URL has no credential after /C/');
  }
  return payload;
}

export async function coseBytesOfText(text) {
  return inflate(base32Decode(payloadOf(text)));
}

// ---- CBOR and COSE_Sign1 ----

export function cbor(bytes, reason, what) {
  try {
    return decodeCBOR(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new Malformed(reason, 'the ' + what + ' are not CBOR: ' + e.message);
  }
}

/** Tagged or untagged COSE_Sign1 with ES256 and a byte-string kid (CoseSign1.decode). */
export function decodeCoseSign1(bytes, kidLength) {
  let message = cbor(bytes, 'NOT_COSE_SIGN1', 'credential bytes');
  if (message instanceof CBORTag) {
    if (message.tag !== COSE_SIGN1_TAG || message.value instanceof CBORTag) {
      throw new Malformed('NOT_COSE_SIGN1', 'tagged, but not as COSE_Sign1 (tag 18)');
    }
    message = message.value;
  }
  if (!Array.isArray(message) || message.length !== 4) {
    throw new Malformed('NOT_COSE_SIGN1', 'not a COSE_Sign1 array of four elements');
  }
  const [protectedHeader, unprotectedHeader, payload, signature] = message;
  if (!(protectedHeader instanceof Uint8Array)) { throw new Malformed('NOT_COSE_SIGN1', 'the protected header is not a byte string'); }
  if (!(unprotectedHeader instanceof Map)) { throw new Malformed('NOT_COSE_SIGN1', 'the unprotected header is not a map'); }
  if (!(payload instanceof Uint8Array)) { throw new Malformed('NOT_COSE_SIGN1', 'the payload is not a byte string'); }
  if (!(signature instanceof Uint8Array)) { throw new Malformed('NOT_COSE_SIGN1', 'the signature is not a byte string'); }
  const header = cbor(protectedHeader, 'NOT_COSE_SIGN1', 'protected header bytes');
  if (!(header instanceof Map)) { throw new Malformed('NOT_COSE_SIGN1', 'the protected header is not a map'); }
  if (!header.has(HEADER_ALG)) { throw new Malformed('WRONG_ALGORITHM', 'no algorithm in the protected header'); }
  if (header.get(HEADER_ALG) !== ES256) {
    throw new Malformed('WRONG_ALGORITHM', 'algorithm ' + header.get(HEADER_ALG) + ' is not ES256 (-7)');
  }
  const kid = header.get(HEADER_KID);
  if (!(kid instanceof Uint8Array) || (kidLength && kid.length !== kidLength)) {
    throw new Malformed('NOT_COSE_SIGN1', 'no ' + (kidLength || '') + '-byte key id in the protected header');
  }
  if (signature.length !== 64) {
    throw new Malformed('NOT_COSE_SIGN1', 'an ES256 signature is 64 bytes, this one is ' + signature.length);
  }
  return { protectedHeader, kid, payload, signature };
}

/** Sig_structure = ["Signature1", protected, h'', payload], encoded as CBOR. */
export function toBeSigned(protectedHeader, payload) {
  const parts = [Uint8Array.of(0x84, 0x6a), new TextEncoder().encode('Signature1'),
    byteStringHead(protectedHeader.length), protectedHeader, Uint8Array.of(0x40),
    byteStringHead(payload.length), payload];
  return concat(parts);
}

function byteStringHead(length) {
  if (length < 24) { return Uint8Array.of(0x40 | length); }
  if (length < 0x100) { return Uint8Array.of(0x58, length); }
  if (length < 0x10000) { return Uint8Array.of(0x59, length >> 8, length & 0xff); }
  return Uint8Array.of(0x5a, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

export async function importSpki(spki) {
  return subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
}

export async function verifyEs256(key, cose) {
  return subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, cose.signature, toBeSigned(cose.protectedHeader, cose.payload));
}

// ---- DER: the SubjectPublicKeyInfo of an X.509 certificate ----

function derItem(bytes, at) {
  const tag = bytes[at];
  let length = bytes[at + 1];
  let header = 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n < 1 || n > 3) { throw new Error('DER length'); }
    length = 0;
    for (let i = 0; i < n; i++) { length = (length << 8) | bytes[at + 2 + i]; }
    header += n;
  }
  if (at + header + length > bytes.length) { throw new Error('DER truncated'); }
  return { tag, start: at, content: at + header, end: at + header + length };
}

/** Certificate -> tbsCertificate -> [version], serial, signature, issuer, validity, subject, SPKI. */
function certificateParts(der) {
  const certificate = derItem(der, 0);
  const tbs = derItem(der, certificate.content);
  let item = derItem(der, tbs.content);
  if (item.tag === 0xa0) { item = derItem(der, item.end); }
  const fields = [];
  for (let i = 0; i < 5; i++) { item = derItem(der, item.end); fields.push(item); }
  const [issuer, , subject, spki] = [fields[1], fields[2], fields[3], fields[4]];
  if (spki.tag !== 0x30) { throw new Error('no SubjectPublicKeyInfo'); }
  const algorithm = derItem(der, tbs.end);
  const signature = derItem(der, algorithm.end);
  const slice = (i) => der.slice(i.start, i.end);
  return {
    tbs: slice(tbs), issuer: slice(issuer), subject: slice(subject), spki: slice(spki),
    algorithm: slice(algorithm), signature: der.slice(signature.content + 1, signature.end),
  };
}

export function spkiOfCertificate(der) {
  return certificateParts(der).spki;
}

const P256 = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const P384 = [0x2b, 0x81, 0x04, 0x00, 0x22];
const ECDSA_SHA256 = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
const ECDSA_SHA384 = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03];

function includes(bytes, pattern) {
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) { if (bytes[i + j] !== pattern[j]) { continue outer; } }
    return true;
  }
  return false;
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A DER ECDSA-Sig-Value (SEQUENCE of two INTEGERs) as WebCrypto's r || s. */
function rawSignature(der, size) {
  const sequence = derItem(der, 0);
  const r = derItem(der, sequence.content);
  const s = derItem(der, r.end);
  const out = new Uint8Array(2 * size);
  for (const [i, part] of [[0, r], [1, s]]) {
    let value = der.subarray(part.content, part.end);
    while (value.length > size && value[0] === 0) { value = value.subarray(1); }
    if (value.length > size) { throw new Error('ECDSA integer too long'); }
    out.set(value, (i + 1) * size - value.length);
  }
  return out;
}

/**
 * Does a root (DER) sign this certificate (DER)? ECDSA on P-256 or P-384 with SHA-256 or SHA-384, the
 * issuer name equal to the root's subject. The server's trust list does full PKIX path validation; the
 * bundle carries roots and department signer certificates only, so one link is the whole path here.
 */
export async function chainsTo(certificate, roots) {
  let cert;
  try { cert = certificateParts(certificate); } catch (e) { return false; }
  const hash = includes(cert.algorithm, ECDSA_SHA256) ? 'SHA-256' : includes(cert.algorithm, ECDSA_SHA384) ? 'SHA-384' : null;
  if (!hash) { return false; }
  for (const rootDer of roots) {
    try {
      const root = certificateParts(rootDer);
      if (!sameBytes(root.subject, cert.issuer)) { continue; }
      const curve = includes(root.spki, P256) ? ['P-256', 32] : includes(root.spki, P384) ? ['P-384', 48] : null;
      if (!curve) { continue; }
      const key = await subtle.importKey('spki', root.spki, { name: 'ECDSA', namedCurve: curve[0] }, false, ['verify']);
      if (await subtle.verify({ name: 'ECDSA', hash }, key, rawSignature(cert.signature, curve[1]), cert.tbs)) { return true; }
    } catch (e) {
      // not this root
    }
  }
  return false;
}

// ---- the bundle ----

function toHex(bytes) {
  let s = '';
  for (const b of bytes) { s += (b < 16 ? '0' : '') + b.toString(16); }
  return s;
}

/**
 * Checks a bundle (full or delta) against the receipt key(s) and returns its payload as plain data.
 * keys: [{ kid: Uint8Array|null, key: CryptoKey }]; a key whose kid matches is tried, else every key.
 * Throws Malformed('BUNDLE_SIGNATURE', ...) when none of them signed it, Malformed('BAD_BUNDLE', ...) for
 * anything that is not a version 1 bundle. Either way the bundle is refused whole.
 */
export async function openBundle(bytes, keys) {
  let cose;
  try {
    cose = decodeCoseSign1(bytes, 0);
  } catch (e) {
    throw new Malformed('BAD_BUNDLE', 'not an offline bundle: ' + e.message);
  }
  const kidHex = toHex(cose.kid);
  const matching = keys.filter((k) => k.kid && toHex(k.kid) === kidHex);
  let good = false;
  for (const k of (matching.length ? matching : keys)) {
    if (await verifyEs256(k.key, cose)) { good = true; break; }
  }
  if (!good) {
    throw new Malformed('BUNDLE_SIGNATURE', 'the offline bundle is not signed by this verifier\'s key');
  }
  const payload = cbor(cose.payload, 'BAD_BUNDLE', 'bundle contents');
  if (!(payload instanceof Map) || payload.get('v') !== 1) {
    throw new Malformed('BAD_BUNDLE', 'not an offline bundle of version 1');
  }
  return payload;
}

function setsOf(map) {
  const out = {};
  if (map instanceof Map) {
    for (const [dept, bytes] of map) {
      if (typeof dept === 'string' && bytes instanceof Uint8Array && bytes.length % ENTRY === 0) { out[dept] = bytes; }
    }
  }
  return out;
}

/**
 * The signers a verifier may trust: each certificate must chain to one of the roots (as the server's
 * trust list requires); one that does not is left out, so its credentials are UNKNOWN_ISSUER. An entry
 * with a bare "spki" (reserved by version 1, never written by the server) is trusted only with trustSpki.
 */
export async function trustedSigners(entries, roots, trustSpki) {
  const signers = [];
  for (const s of entries || []) {
    if (!(s instanceof Map) || typeof s.get('dept') !== 'string' || !(s.get('kid') instanceof Uint8Array)) { continue; }
    let spki;
    if (s.get('cert') instanceof Uint8Array) {
      if (!(await chainsTo(s.get('cert'), roots))) { continue; }
      spki = spkiOfCertificate(s.get('cert'));
    } else if (trustSpki && s.get('spki') instanceof Uint8Array) {
      spki = s.get('spki');
    } else {
      continue;
    }
    signers.push({
      dept: s.get('dept'), kid: s.get('kid'), spki,
      from: s.get('from'), until: s.get('until'), revokedAt: s.has('revokedAt') ? s.get('revokedAt') : null,
    });
  }
  return signers;
}

/** The state a verifier keeps, from a full bundle's payload. */
export async function stateFromFull(payload, options = {}) {
  const roots = (payload.get('roots') || []).filter((r) => r instanceof Uint8Array);
  const signers = await trustedSigners(payload.get('signers'), roots, options.trustSpki);
  const names = {};
  const namesMap = payload.get('names');
  if (namesMap instanceof Map) {
    for (const [dept, byLang] of namesMap) {
      names[dept] = byLang instanceof Map ? Object.fromEntries(byLang) : {};
    }
  }
  return {
    height: payload.get('height'), at: payload.get('at'), maxAge: payload.get('maxAge') || 86400,
    roots, signers, names, revoked: setsOf(payload.get('revoked')), held: setsOf(payload.get('held')),
  };
}

function entries(bytes) {
  const list = [];
  for (let i = 0; i + ENTRY <= (bytes ? bytes.length : 0); i += ENTRY) { list.push(bytes.subarray(i, i + ENTRY)); }
  return list;
}

function compare(a, b) {
  for (let i = 0; i < ENTRY; i++) { if (a[i] !== b[i]) { return a[i] - b[i]; } }
  return 0;
}

function merged(base, added, removed) {
  const removedHex = new Set(entries(removed).map(toHex));
  const seen = new Set();
  const list = [];
  for (const e of entries(base).concat(entries(added))) {
    const hex = toHex(e);
    if (!removedHex.has(hex) && !seen.has(hex)) { seen.add(hex); list.push(e); }
  }
  list.sort(compare);
  return concat(list);
}

/** Applies a delta's payload to a state; returns a new state, or null when the delta is not for it. */
export async function applyDelta(state, payload, options = {}) {
  if (!payload.has('since')) { return stateFromFull(payload, options); }
  if (payload.get('since') !== state.height) { return null; }
  // Signers come only when the trust list changed after `since`; absent, the client's list stands.
  const signers = payload.has('signers')
    ? await trustedSigners(payload.get('signers'), state.roots || [], options.trustSpki) : state.signers;
  const revokedAdded = setsOf(payload.get('revokedAdded'));
  const heldAdded = setsOf(payload.get('heldAdded'));
  const heldRemoved = setsOf(payload.get('heldRemoved'));
  const revoked = { ...state.revoked };
  for (const dept of Object.keys(revokedAdded)) { revoked[dept] = merged(revoked[dept], revokedAdded[dept], null); }
  const held = { ...state.held };
  for (const dept of new Set(Object.keys(heldAdded).concat(Object.keys(heldRemoved)))) {
    held[dept] = merged(held[dept], heldAdded[dept], heldRemoved[dept]);
  }
  return {
    height: payload.get('height'), at: payload.get('at'), maxAge: payload.get('maxAge') || state.maxAge,
    roots: state.roots, signers, names: state.names, revoked, held,
  };
}

/** Is the 8-byte entry in the sorted concatenation? Binary search. */
export function contains(sorted, entry) {
  let lo = 0;
  let hi = sorted ? sorted.length / ENTRY - 1 : -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compare(sorted.subarray(mid * ENTRY, mid * ENTRY + ENTRY), entry);
    if (c === 0) { return true; }
    if (c < 0) { lo = mid + 1; } else { hi = mid - 1; }
  }
  return false;
}

// ---- the credential ----

/** ISO/IEC 7064 MOD 37,36 over 0-9 and A-Z (CertificateId.checkCharacter). */
export function checkCharacter(body) {
  const m = 36;
  let p = m;
  for (const ch of body) {
    let s = (p + parseInt(ch, 36)) % m;
    if (s === 0) { s = m; }
    p = (2 * s) % (m + 1);
  }
  return ((m + 1 - p) % m).toString(36).toUpperCase();
}

/** The printed id from iss, the body's type and the 12-byte cti (CertificateId.fromCompact). */
export function certificateId(dept, type, cti) {
  if (!(cti instanceof Uint8Array) || cti.length !== 12) {
    throw new Malformed('INVALID_CLAIM', 'invalid claim: a compact certificate id is 12 bytes');
  }
  if (!/^[A-Z]{2,6}$/.test(type) || !/^[A-Z][A-Z0-9]{1,7}$/.test(dept)) {
    throw new Malformed('INVALID_CLAIM', 'invalid claim: department or type');
  }
  const year = (cti[0] << 8) | cti[1];
  if (year < 2000 || year > 9999) { throw new Malformed('INVALID_CLAIM', 'invalid claim: certificate id year out of range'); }
  let value = 0n;
  for (let i = 2; i < 12; i++) { value = (value << 8n) | BigInt(cti[i]); }
  let random = '';
  for (let i = 0; i < 16; i++) { random = CROCKFORD[Number(value & 31n)] + random; value >>= 5n; }
  const body = dept + type + year + random;
  return dept + '-' + type + '-' + year + '-' + random + '-' + checkCharacter(body);
}

function claim(map, key, name, check) {
  if (!map.has(key)) { throw new Malformed('MISSING_CLAIM', 'missing claim \'' + name + '\''); }
  const value = map.get(key);
  if (!check(value)) { throw new Malformed('INVALID_CLAIM', 'claim \'' + name + '\' has the wrong type'); }
  return value;
}

const isText = (v) => typeof v === 'string';
const isInt = (v) => Number.isSafeInteger(v) || typeof v === 'bigint';

/** ClaimsCodec.decode: the CWT claims and the certificate body. */
export function decodeClaims(payload) {
  const cwt = cbor(payload, 'INVALID_CLAIM', 'claims');
  if (!(cwt instanceof Map)) { throw new Malformed('INVALID_CLAIM', 'the claims are not a CBOR map'); }
  const issuer = claim(cwt, CLAIM_ISS, 'iss', isText);
  const expiresAt = Number(claim(cwt, CLAIM_EXP, 'exp', isInt));
  const issuedAt = Number(claim(cwt, CLAIM_IAT, 'iat', isInt));
  const body = claim(cwt, CLAIM_CERTIFICATE, 'certificate', (v) => v instanceof Map);
  const fieldsMap = claim(body, 'f', 'certificate fields', (v) => v instanceof Map);
  const fields = [];
  for (const [key, value] of fieldsMap) {
    if (!isText(key) || !isText(value)) { throw new Malformed('INVALID_CLAIM', 'certificate fields must be text to text'); }
    fields.push({ key, value });
  }
  const type = claim(body, 't', 'certificate type', isText);
  const id = certificateId(issuer, type, claim(cwt, CLAIM_CTI, 'cti', (v) => v instanceof Uint8Array));
  const holderName = claim(body, 'n', 'holder name', isText);
  const language = claim(body, 'l', 'language', isText);
  if (!['te', 'en', 'hi'].includes(language)) { throw new Malformed('INVALID_CLAIM', 'invalid claim: language ' + language); }
  return { issuer, id, type, holderName, language, issuedAt, expiresAt, fields };
}

async function idEntry(id) {
  return new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(id))).subarray(0, ENTRY);
}

/**
 * Verifies a credential offline. input: { text } (QR text) or { cose } (bytes from a PDF).
 * Returns { status, reason, detail, certificate?, keyWithdrawnFrom?, bundleAt, stale }.
 */
export async function verifyOffline(input, state, nowSeconds) {
  const stale = nowSeconds - state.at > state.maxAge;
  const answer = (status, detail, extra) => ({ status, detail, bundleAt: state.at, stale, ...extra });
  let cose;
  try {
    const bytes = input.cose ? input.cose : await coseBytesOfText(input.text);
    cose = decodeCoseSign1(bytes, 8);
  } catch (e) {
    if (e instanceof Malformed) { return answer('MALFORMED', e.message, { reason: e.reason }); }
    throw e;
  }
  const kid = toHex(cose.kid);
  const signer = state.signers.find((s) => s.kid && toHex(s.kid) === kid);
  if (!signer) {
    return answer('UNKNOWN_ISSUER', 'no trusted department key has id ' + kid);
  }
  const key = await importSpki(signer.spki);
  if (!(await verifyEs256(key, cose))) {
    return answer('TAMPERED', 'the signature does not match: the certificate was changed after ' + signer.dept + ' signed it');
  }
  let claims;
  try {
    claims = decodeClaims(cose.payload);
  } catch (e) {
    if (e instanceof Malformed) { return answer('MALFORMED', e.message, { reason: e.reason }); }
    throw e;
  }
  if (claims.issuer !== signer.dept) {
    return answer('UNKNOWN_ISSUER', 'the key ' + kid + ' belongs to ' + signer.dept + ', which cannot issue for ' + claims.issuer);
  }
  if (signer.revokedAt != null && claims.issuedAt >= signer.revokedAt) {
    return answer('UNKNOWN_ISSUER', 'issued after ' + signer.dept + ' withdrew the key that signed it',
      { reason: 'KEY_WITHDRAWN', keyWithdrawnFrom: signer.revokedAt });
  }
  if ((signer.from != null && claims.issuedAt < signer.from) || (signer.until != null && claims.issuedAt > signer.until)) {
    return answer('UNKNOWN_ISSUER', 'issued outside the validity of the key of ' + signer.dept);
  }
  const certificate = { ...claims, departmentNames: state.names[claims.issuer] || null };
  if (nowSeconds >= claims.expiresAt) {
    return answer('EXPIRED', 'certificate ' + claims.id + ' expired', { certificate });
  }
  const entry = await idEntry(claims.id);
  if (contains(state.revoked[claims.issuer], entry)) {
    return answer('REVOKED', 'revoked as of the offline bundle', { certificate });
  }
  if (contains(state.held[claims.issuer], entry)) {
    return answer('ON_HOLD', 'on hold as of the offline bundle', { certificate });
  }
  return answer('VALID', 'signed by ' + signer.dept + ' and not revoked as of the offline bundle', { certificate });
}
