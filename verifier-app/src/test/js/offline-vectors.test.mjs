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
    if (e instanceof verify.Malformed && e.reason === 'BAD_BUNDLE') {
      return { status: 'BAD_BUNDLE', reason: e.reason };
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
    if (vector.expected.reason != null && vector.expected.status === 'MALFORMED') {
      assert.equal(result.reason, vector.expected.reason, vector.name);
    }
  });
}
