/**
 * JMH microbenchmarks, run from the shaded jar ({@code java -jar benchmarks/target/benchmarks.jar}). Each
 * benchmark holds its own state in JMH {@code @State} objects; nothing here is shared between benchmarks.
 */
package io.github.deepcleermock.benchmarks.jmh;
