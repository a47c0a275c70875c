package org.haochaping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Not part of the public API; may change or disappear in any release, without a CHANGELOG entry.
 *
 * <p>Marks what is {@code public} only because other parts of this project reach into it (another package of the
 * SDK, another SDK module, the conformance kit and its simulator, the benchmarks), not because an application should
 * use it. The API dump of each SDK module ({@code api/<module>.api}, docs/api-policy.md) leaves marked types and
 * members out, and the build fails when public API exposes a marked type in a signature, or when the examples or the
 * READMEs use one.
 *
 * <p>CLASS retention: recorded in the class files the build checks, invisible to reflection at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface InternalApi {
}
