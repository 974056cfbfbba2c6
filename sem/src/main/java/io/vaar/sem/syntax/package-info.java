/**
 * lavaan's model syntax turned into plain statements: {@link io.vaar.sem.syntax.ModelSyntax}
 * parses text such as {@code visual =~ x1 + x2 + x3} into {@link io.vaar.sem.syntax.Statement}s
 * whose terms carry lavaan's modifiers (fixed values, {@code NA}, labels, start values, per-group
 * {@code c(...)} vectors). Only syntax lives here; lavaan's defaults (which loading is fixed,
 * which variances are free) are applied later when the statements become a parameter table.
 */
package io.vaar.sem.syntax;
