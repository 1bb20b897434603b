// The browser verifier's own cases beside the shared vectors: every status, deltas, staleness, bundle
// signatures and credentials embedded in PDFs, on credentials and bundles made here with fresh keys.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  verify, pdf, keyPair, credential, bundle, signerEntry, sortedSet, idEntry, randomCti, pdfWith, sign1, claims,
} from './support.mjs';

const NOW = 1_790_000_000;
const DAY = 86_400;

async function world() {
  const receipt = await keyPair();
  const revenue = await keyPair();
  const withdrawn = await keyPair();
  const make = (holder, extra = {}) => credential(extra.signer || revenue,
    { holder, iat: NOW - DAY, exp: NOW + 365 * DAY, cti: randomCti(), ...extra });
  const genuine = await make('Genuine Holder');
  const revoked = await make('Revoked Holder');
  const held = await make('Held Holder');
  const state = async (fields = {}) => {
    const keys = [{ kid: receipt.kid, key: receipt.publicKey }];
    const payload = await verify.openBundle(await bundle(receipt, {
      height: 10, at: NOW - 3600, maxAge: DAY, roots: [],
      signers: [signerEntry(revenue), signerEntry(withdrawn, { revokedAt: NOW - 2 * DAY })],
      names: new Map([['REV', new Map([['en', 'Revenue Department'], ['te', 'రెవెన్యూ శాఖ'], ['hi', 'राजस्व विभाग']])]]),
      revoked: new Map([['REV', sortedSet([await idEntry(await idOf(revoked)), ...await fillers(50)])]]),
      held: new Map([['REV', sortedSet([await idEntry(await idOf(held))])]]),
      ...fields,
    }), keys);
    return verify.stateFromFull(payload, { trustSpki: true });
  };
  return { receipt, revenue, withdrawn, make, genuine, revoked, held, state };
}

async function idOf(cred) {
  const cose = verify.decodeCoseSign1(cred.cose, 8);
  return verify.decodeClaims(cose.payload).id;
}

async function fillers(n) {
  const list = [];
  for (let i = 0; i < n; i++) { list.push(crypto.getRandomValues(new Uint8Array(8))); }
  return list;
}

test('the check character is ISO/IEC 7064 MOD 37,36, as the contract computes it', () => {
  assert.equal(verify.checkCharacter('REVINC20267K3M9QX2HD4TZP8W'), '0');
  assert.equal(verify.checkCharacter('HLTHBIRTH20240000000000000000'), 'F');
});

test('a genuine certificate is VALID offline, with its details and the bundle time', async () => {
  const w = await world();
  const result = await verify.verifyOffline({ text: w.genuine.text }, await w.state(), NOW);
  assert.equal(result.status, 'VALID');
  assert.equal(result.stale, false);
  assert.equal(result.bundleAt, NOW - 3600);
  assert.equal(result.certificate.holderName, 'Genuine Holder');
  assert.match(result.certificate.id, /^REV-INC-2026-[0-9A-HJKMNP-TV-Z]{16}-[0-9A-Z]$/);
  assert.deepEqual(result.certificate.fields, [{ key: 'ai', value: '96000' }, { key: 'pu', value: 'loan' }]);
  assert.equal(result.certificate.departmentNames.te, 'రెవెన్యూ శాఖ');
  // The same credential as COSE bytes (from a PDF), and as a bare payload in lower case.
  assert.equal((await verify.verifyOffline({ cose: w.genuine.cose }, await w.state(), NOW)).status, 'VALID');
  const bare = w.genuine.text.substring(w.genuine.text.lastIndexOf('/C/') + 3).toLowerCase();
  assert.equal((await verify.verifyOffline({ text: bare }, await w.state(), NOW)).status, 'VALID');
});

test('revoked before the bundle is REVOKED; on hold is ON_HOLD', async () => {
  const w = await world();
  const state = await w.state();
  assert.equal((await verify.verifyOffline({ text: w.revoked.text }, state, NOW)).status, 'REVOKED');
  assert.equal((await verify.verifyOffline({ text: w.held.text }, state, NOW)).status, 'ON_HOLD');
});

test('a changed byte is TAMPERED; an unknown key is UNKNOWN_ISSUER; a withdrawn key says when', async () => {
  const w = await world();
  const state = await w.state();
  const cose = verify.decodeCoseSign1(w.genuine.cose, 8);
  const changed = Uint8Array.from(cose.payload);
  changed[changed.length - 2] ^= 1;
  const { encodeCBOR, CBORTag } = await import('./support.mjs').then((m) => m.cborLib);
  const tampered = encodeCBOR(new CBORTag(18, [cose.protectedHeader, new Map(), changed, cose.signature]));
  assert.equal((await verify.verifyOffline({ cose: tampered }, state, NOW)).status, 'TAMPERED');

  const stranger = await keyPair();
  const unknown = await credential(stranger, { iat: NOW - DAY, exp: NOW + DAY, cti: randomCti() });
  assert.equal((await verify.verifyOffline({ text: unknown.text }, state, NOW)).status, 'UNKNOWN_ISSUER');

  const late = await w.make('Late', { signer: w.withdrawn, iat: NOW - DAY });
  const answer = await verify.verifyOffline({ text: late.text }, state, NOW);
  assert.equal(answer.status, 'UNKNOWN_ISSUER');
  assert.equal(answer.reason, 'KEY_WITHDRAWN');
  assert.equal(answer.keyWithdrawnFrom, NOW - 2 * DAY);
  const early = await w.make('Early', { signer: w.withdrawn, iat: NOW - 3 * DAY });
  assert.equal((await verify.verifyOffline({ text: early.text }, state, NOW)).status, 'VALID');

  const otherDepartment = await credential(w.revenue, { dept: 'HLTH', iat: NOW - DAY, exp: NOW + DAY, cti: randomCti() });
  assert.equal((await verify.verifyOffline({ text: otherDepartment.text }, state, NOW)).status, 'UNKNOWN_ISSUER');
});

test('expired is EXPIRED, even when also revoked', async () => {
  const w = await world();
  const state = await w.state();
  const old = await w.make('Old', { iat: NOW - 10 * DAY, exp: NOW - DAY });
  assert.equal((await verify.verifyOffline({ text: old.text }, state, NOW)).status, 'EXPIRED');
  assert.equal((await verify.verifyOffline({ text: w.revoked.text }, state, NOW + 400 * DAY)).status, 'EXPIRED');
});

test('what is not a credential is MALFORMED with the library\'s reason', async () => {
  const state = await (await world()).state();
  const cases = [['', 'EMPTY'], ['HTTPS://X/C/', 'EMPTY'], ['HTTPS://X/C/ABC!', 'NOT_BASE32'],
    ['HTTPS://X/C/MFRGGZDFMZTWQ2LK', 'BAD_ZLIB'], ['A'.repeat(5000), 'TOO_LARGE']];
  for (const [text, reason] of cases) {
    const answer = await verify.verifyOffline({ text }, state, NOW);
    assert.equal(answer.status, 'MALFORMED', text);
    assert.equal(answer.reason, reason, text);
  }
  const notCose = await verify.verifyOffline({ cose: Uint8Array.of(0xa0) }, state, NOW);
  assert.equal(notCose.reason, 'NOT_COSE_SIGN1');
});

test('a bundle older than its maxAge still answers, and says to reconnect', async () => {
  const w = await world();
  const answer = await verify.verifyOffline({ text: w.genuine.text }, await w.state(), NOW + DAY);
  assert.equal(answer.status, 'VALID');
  assert.equal(answer.stale, true);
});

test('a bundle not signed by the receipt key is refused', async () => {
  const w = await world();
  const other = await keyPair();
  const forged = await bundle(other, { height: 11, at: NOW, maxAge: DAY, roots: [], signers: [], names: new Map(),
    revoked: new Map(), held: new Map() });
  await assert.rejects(verify.openBundle(forged, [{ kid: w.receipt.kid, key: w.receipt.publicKey }]),
    (e) => e.reason === 'BUNDLE_SIGNATURE');
  await assert.rejects(verify.openBundle(Uint8Array.of(1, 2, 3), [{ kid: w.receipt.kid, key: w.receipt.publicKey }]),
    (e) => e.reason === 'BAD_BUNDLE');
});

test('a signer key given without a certificate is not trusted unless asked for', async () => {
  const w = await world();
  const payload = await verify.openBundle(await bundle(w.receipt, { height: 1, at: NOW, maxAge: DAY, roots: [],
    signers: [signerEntry(w.revenue)], names: new Map(), revoked: new Map(), held: new Map() }),
  [{ kid: w.receipt.kid, key: w.receipt.publicKey }]);
  const state = await verify.stateFromFull(payload);
  assert.equal(state.signers.length, 0);
  assert.equal((await verify.verifyOffline({ text: w.genuine.text }, state, NOW)).status, 'UNKNOWN_ISSUER');
});

test('a delta adds revocations and holds, releases holds, and only applies to its own height', async () => {
  const w = await world();
  const state = await w.state();
  const newlyRevoked = await w.make('Newly Revoked');
  const keys = [{ kid: w.receipt.kid, key: w.receipt.publicKey }];
  const delta = await verify.openBundle(await bundle(w.receipt, {
    since: 10, height: 12, at: NOW, maxAge: DAY, signers: [signerEntry(w.revenue)],
    revokedAdded: new Map([['REV', sortedSet([await idEntry(await idOf(newlyRevoked))])]]),
    heldAdded: new Map([['REV', sortedSet([await idEntry(await idOf(w.genuine))])]]),
    heldRemoved: new Map([['REV', sortedSet([await idEntry(await idOf(w.held))])]]),
  }), keys);
  const next = await verify.applyDelta(state, delta, { trustSpki: true });
  assert.equal(next.height, 12);
  assert.equal(next.names.REV.en, 'Revenue Department');
  assert.equal((await verify.verifyOffline({ text: newlyRevoked.text }, next, NOW)).status, 'REVOKED');
  assert.equal((await verify.verifyOffline({ text: w.revoked.text }, next, NOW)).status, 'REVOKED');
  assert.equal((await verify.verifyOffline({ text: w.genuine.text }, next, NOW)).status, 'ON_HOLD');
  assert.equal((await verify.verifyOffline({ text: w.held.text }, next, NOW)).status, 'VALID');
  // The withdrawn key is no longer listed: its certificates are from an unknown issuer now.
  const early = await w.make('Early', { signer: w.withdrawn, iat: NOW - 3 * DAY });
  assert.equal((await verify.verifyOffline({ text: early.text }, next, NOW)).status, 'UNKNOWN_ISSUER');

  assert.equal(await verify.applyDelta(next, delta, { trustSpki: true }), null, 'a delta since 10 does not apply to height 12');

  // A delta without signers (the trust list did not change) keeps the client's signers.
  const quiet = await verify.openBundle(await bundle(w.receipt, {
    since: 12, height: 13, at: NOW + 60, maxAge: DAY, revokedAdded: new Map(), heldAdded: new Map(), heldRemoved: new Map(),
  }), keys);
  const after = await verify.applyDelta(next, quiet, { trustSpki: true });
  assert.equal(after.height, 13);
  assert.equal(after.signers.length, 1);
  assert.equal((await verify.verifyOffline({ text: newlyRevoked.text }, after, NOW)).status, 'REVOKED');
});

test('the credential embedded in a PDF is found without rendering, compressed or not', async () => {
  const w = await world();
  for (const options of [{ flate: true }, { flate: false }, { flate: true, indirectLength: true }]) {
    const found = await pdf.credentialFromPdf(await pdfWith(w.genuine.cose, options));
    assert.deepEqual(found, w.genuine.cose, JSON.stringify(options));
  }
  const noAttachment = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n%%EOF\n');
  assert.equal(await pdf.credentialFromPdf(noAttachment), null);
  assert.equal(await pdf.credentialFromPdf(new TextEncoder().encode('not a pdf')), null);
});

test('claims that are not ours are MALFORMED, never a crash', async () => {
  const w = await world();
  const state = await w.state();
  const { encodeCBOR } = (await import('./support.mjs')).cborLib;
  const noBody = await sign1(w.revenue, w.revenue.kid, encodeCBOR(new Map([[1, 'REV'], [4, NOW + DAY], [6, NOW - DAY], [7, randomCti()]])));
  assert.equal((await verify.verifyOffline({ cose: noBody }, state, NOW)).reason, 'MISSING_CLAIM');
  const badCti = await sign1(w.revenue, w.revenue.kid, claims({ iat: NOW - DAY, exp: NOW + DAY, cti: Uint8Array.of(1, 2) }));
  assert.equal((await verify.verifyOffline({ cose: badCti }, state, NOW)).reason, 'INVALID_CLAIM');
});
