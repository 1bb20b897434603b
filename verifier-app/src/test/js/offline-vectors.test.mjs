// The shared offline test vectors (credential/src/test/resources/offline-vectors/*.json, made by the
// credential library's generator): the browser verifier must give every one the expected status, and the
// reason where the vector names one. The server and the Java offline verifier pass the same files.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { verify } from './support.mjs';

const DIR = process.env.PRAMAAN_OFFLINE_VECTORS
  || path.resolve(import.meta.dirname, '../../../../credential/src/test/resources/offline-vectors');

const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];

test('the offline vectors are there', () => {
  assert.ok(files.length > 0, 'no offline test vectors in ' + DIR);
});

const b64 = (text) => new Uint8Array(Buffer.from(text, 'base64'));

/** What the browser answers for a vector: a bundle it cannot open is a status of its own. */
async function answer(vector) {
  const key = await verify.importSpki(b64(vector.receiptKey));
  let state;
  try {
    state = await verify.stateFromFull(await verify.openBundle(b64(vector.bundle), [{ kid: null, key }]));
  } catch (e) {
    if (e instanceof verify.Malformed && e.reason === 'BUNDLE_SIGNATURE') {
      // The page keeps the bundle it had and checks nothing with this one: UNAVAILABLE, as the vectors say.
      return { status: 'UNAVAILABLE', reason: e.reason };
    }
    throw e;
  }
  return verify.verifyOffline({ text: vector.qr }, state, vector.now);
}

for (const file of files) {
  test('vector ' + file, async () => {
    const vector = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
    const result = await answer(vector);
    assert.equal(result.status, vector.expected.status, vector.name + ': ' + (result.detail || ''));
    if (vector.expected.reason != null) {
      assert.equal(result.reason, vector.expected.reason, vector.name);
    }
    if (vector.expected.reconnect != null && result.status !== 'UNAVAILABLE') {
      assert.equal(result.stale, vector.expected.reconnect, vector.name + ': reconnect advice');
    }
  });
}

// The vectors' unknown issuer is a key the bundle does not list; these make the bundle list signers whose
// certificates do not chain to its root (the server's trust list would leave them out too).
test('a listed signer whose certificate does not chain to a root is not trusted', async () => {
  const vector = JSON.parse(fs.readFileSync(path.join(DIR, 'valid.json'), 'utf8'));
  const key = await verify.importSpki(b64(vector.receiptKey));
  const payload = await verify.openBundle(b64(vector.bundle), [{ kid: null, key }]);
  const good = await verify.stateFromFull(payload);
  assert.equal(good.signers.length, payload.get('signers').length, 'every vector signer chains to the vector root');
  assert.equal((await verify.verifyOffline({ text: vector.qr }, good, vector.now)).status, 'VALID');

  const noRoot = new Map(payload);
  noRoot.set('roots', []);
  const orphaned = await verify.stateFromFull(noRoot);
  assert.equal(orphaned.signers.length, 0);
  assert.equal((await verify.verifyOffline({ text: vector.qr }, orphaned, vector.now)).status, 'UNKNOWN_ISSUER');

  const forged = new Map(payload);
  forged.set('signers', payload.get('signers').map((s) => {
    const copy = new Map(s);
    const cert = Uint8Array.from(s.get('cert'));
    cert[cert.length - 5] ^= 0x01; // inside the certificate's own signature
    copy.set('cert', cert);
    return copy;
  }));
  const broken = await verify.stateFromFull(forged);
  assert.equal(broken.signers.length, 0);
  assert.equal((await verify.verifyOffline({ text: vector.qr }, broken, vector.now)).status, 'UNKNOWN_ISSUER');
});
