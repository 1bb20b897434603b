// Finds the credential a certificate PDF carries as an embedded file (credential.cose, a stream of
// /Type /EmbeddedFile), without a PDF renderer: a stream's dictionary is always written in the clear
// right before the stream (streams never sit inside compressed object streams), so scanning for
// "<< ... /Type /EmbeddedFile ... >> stream" finds it in the PDFs issuer-service writes, signed or not.
// The stream is used raw or, with /Filter /FlateDecode, inflated; the first that decodes as a
// COSE_Sign1 is the credential. A PDF with none answers null (the page then asks for a photo).
import { decodeCoseSign1, inflate } from './verify.js';

const MAX_STREAM_BYTES = 16 * 1024;

export async function credentialFromPdf(bytes) {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.startsWith('%PDF-')) { return null; }
  const marker = /\/Type\s*\/EmbeddedFile\b/g;
  let match;
  while ((match = marker.exec(text)) !== null) {
    const open = text.lastIndexOf('obj', match.index);
    const streamAt = text.indexOf('stream', match.index);
    if (open < 0 || streamAt < 0) { continue; }
    const dictionary = text.substring(open, streamAt);
    let start = streamAt + 'stream'.length;
    if (text[start] === '\r') { start++; }
    if (text[start] === '\n') { start++; }
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
    let end;
    if (direct) {
      end = start + Number(direct[1]);
    } else {
      end = text.indexOf('endstream', start);
      if (end < 0) { continue; }
      if (text[end - 1] === '\n') { end--; }
      if (text[end - 1] === '\r') { end--; }
    }
    if (end - start <= 0 || end - start > MAX_STREAM_BYTES) { continue; }
    let data = bytes.subarray(start, end);
    const filter = /\/Filter\s*\[?\s*\/(\w+)/.exec(dictionary);
    try {
      if (filter && filter[1] === 'FlateDecode') {
        data = await inflate(data);
      } else if (filter) {
        continue;
      }
      decodeCoseSign1(data, 8);
      return data;
    } catch (e) {
      // not this stream: try the next
    }
  }
  return null;
}
