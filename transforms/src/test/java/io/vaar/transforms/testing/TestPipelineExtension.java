package io.vaar.transforms.testing;

import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Gives a Jupiter test method a fresh Beam {@link TestPipeline} parameter and runs the method
 * inside the pipeline's JUnit 4 rule, so that the rule's checks still apply: a pipeline that was
 * built but never run, or PAssert assertions that never executed, fail the test. Beam 2.62 ships
 * {@code TestPipeline} only as a JUnit 4 rule. Use {@code @ExtendWith(TestPipelineExtension.class)}
 * for the DirectRunner, or {@link #withOptions} in a {@code @RegisterExtension} field for another
 * runner.
 */
public final class TestPipelineExtension implements ParameterResolver, InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestPipelineExtension.class);

  private final Supplier<PipelineOptions> options;

  /** Pipelines with the default test options: the DirectRunner. */
  public TestPipelineExtension() {
    this(TestPipeline::testingPipelineOptions);
  }

  private TestPipelineExtension(Supplier<PipelineOptions> options) {
    this.options = options;
  }

  /** Pipelines with the options {@code options} supplies, fresh for every test. */
  public static TestPipelineExtension withOptions(Supplier<PipelineOptions> options) {
    return new TestPipelineExtension(options);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPipeline.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return pipeline(context);
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    Statement body = new Statement() {
      @Override
      public void evaluate() throws Throwable {
        invocation.proceed();
      }
    };
    Description description = Description.createTestDescription(
        context.getRequiredTestClass(), context.getRequiredTestMethod().getName());
    pipeline(context).apply(body, description).evaluate();
  }

  private TestPipeline pipeline(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestPipeline.class,
        type -> TestPipeline.fromOptions(options.get()), TestPipeline.class);
  }
}
