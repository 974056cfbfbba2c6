/**
 * Test support for Beam transforms under JUnit Jupiter: {@link
 * io.vaar.transforms.testing.TestPipelineExtension} gives each test a Beam {@code TestPipeline}
 * with the checks its JUnit 4 rule would make.
 */
package io.vaar.transforms.testing;
