package io.vaar.transforms.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes that are the same on every JVM and machine, for everything that must be reproducible
 * from a seed: a fast 64-bit hash of text for seeding random streams, a 64-bit mix of numbers,
 * and SHA-256 in hex where a record needs a collision-proof identity.
 */
public final class StableHash {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private StableHash() {
  }

  /** 64-bit FNV-1a over the UTF-16 units of the parts, with a separator between parts. */
  public static long of(CharSequence... parts) {
    long hash = FNV_OFFSET;
    for (CharSequence part : parts) {
      for (int i = 0; i < part.length(); i++) {
        hash = (hash ^ part.charAt(i)) * FNV_PRIME;
      }
      hash = (hash ^ 0x1F) * FNV_PRIME;
    }
    return mix(hash);
  }

  /** Mixes several numbers into one well-spread 64-bit seed (SplitMix64 finaliser). */
  public static long mix(long... values) {
    long z = 0x9E3779B97F4A7C15L;
    for (long value : values) {
      z = (z ^ value) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
    }
    return z;
  }

  /** SHA-256 of the parts (UTF-8, each followed by a NUL) as lowercase hex. */
  public static String sha256(CharSequence... parts) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
    for (CharSequence part : parts) {
      digest.update(part.toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
