package io.vaar.transforms.providers;

/**
 * Removes a model's API key from any text before it goes into a message: server error bodies and
 * transport errors are outside our control and might echo what they were sent. Text is also cut
 * to a length that keeps a failure message to one readable line.
 */
final class SecretRedactor {

  private static final int MAX_DETAIL = 300;

  private final String secret;

  SecretRedactor(String secret) {
    this.secret = secret == null || secret.length() < 4 ? null : secret;
  }

  String redact(String text) {
    if (text == null) {
      return "";
    }
    String clean = secret == null ? text : text.replace(secret, "[redacted]");
    clean = clean.replaceAll("\\s+", " ").strip();
    return clean.length() <= MAX_DETAIL ? clean : clean.substring(0, MAX_DETAIL) + "…";
  }

  @Override
  public String toString() {
    return "SecretRedactor";
  }
}
