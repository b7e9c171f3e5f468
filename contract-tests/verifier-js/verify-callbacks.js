// Verifies a callback message pact against a running mock with Pact's Rust verifier (pact-core's FFI, no JVM).
// Usage: node verify-callbacks.js <mock base URL> <pact file>
// The verifier POSTs {description, providerStates} to <mock>/__admin/pact/messages for each message; the mock
// produces it in a sandbox and answers the body with its metadata in the Pact-Message-Metadata header.
const { default: pact } = require('@pact-foundation/pact-core');

const [baseUrl, pactFile] = process.argv.slice(2);
if (!baseUrl || !pactFile) {
  console.error('usage: node verify-callbacks.js <mock base URL> <pact file>');
  process.exit(2);
}
pact.verifyPacts({
  provider: 'deepcleer-videostream-mock-callbacks',
  providerBaseUrl: baseUrl + '/__admin/pact/messages',
  pactUrls: [pactFile],
  logLevel: 'warn',
}).then(
  () => console.log('pact verified'),
  () => { console.error('pact verification failed'); process.exit(1); });
