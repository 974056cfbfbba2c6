package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The Flink application entry class ends as a JobManager needs: it returns after a command that
 * succeeded and throws after one that failed — and never exits the JVM, or this test would not
 * finish.
 */
class FlinkApplicationMainTest {

  @Test
  void aCommandThatSucceedsReturns() {
    assertDoesNotThrow(() -> FlinkApplicationMain.main(new String[] {"--version"}));
  }

  @Test
  void aCommandThatFailsThrowsWithItsExitCode() {
    FlinkApplicationMain.ApplicationFailed failed = assertThrows(
        FlinkApplicationMain.ApplicationFailed.class,
        () -> FlinkApplicationMain.main(new String[] {"audit", "--no-such-option"}));
    assertThat(failed.exitCode(), equalTo(2));
    assertThat(failed.getMessage(), containsString("exit code 2"));
  }
}
