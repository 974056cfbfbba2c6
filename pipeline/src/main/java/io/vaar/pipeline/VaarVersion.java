package io.vaar.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, filtered into {@code version.properties} by Maven. */
final class VaarVersion {

  private VaarVersion() {
  }

  static String get() {
    Properties properties = new Properties();
    try (InputStream in = VaarVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "(unknown version)";
    }
    return properties.getProperty("version", "(unknown version)");
  }
}
