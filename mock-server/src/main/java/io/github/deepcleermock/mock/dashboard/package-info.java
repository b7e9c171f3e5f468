/**
 * The dashboard at {@code /__admin/ui/}: static HTML, CSS and JavaScript served from this package's classpath
 * resources. The page talks to the mock only through the public admin API, like any other client.
 * Thread-safety: the assets are read once at start into immutable values; handlers are stateless.
 */
package io.github.deepcleermock.mock.dashboard;
