/**
 * HTTPS: the server's identity (a CA and a server certificate generated at start with okhttp-tls, or a key store
 * file), the SSL context clients use to trust it, and the trust callbacks to https receivers use. Thread-safety:
 * everything here is made once at start and immutable afterwards.
 */
package io.github.deepcleermock.mock.tls;
