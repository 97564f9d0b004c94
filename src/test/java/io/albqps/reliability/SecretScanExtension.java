package io.albqps.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which {@link SecretScanAppender} found a secret in a log line, and keeps
 * the running totals in {@code target/reliability/secret-scan.txt}. Registered for every test by
 * service loading ({@code junit.jupiter.extensions.autodetection.enabled}).
 */
public final class SecretScanExtension implements BeforeEachCallback, AfterEachCallback {
  private static final String HITS_BEFORE = "hitsBefore";
  private static final Path REPORT = Path.of("target", "reliability", "secret-scan.txt");

  @Override
  public void beforeEach(ExtensionContext context) {
    store(context).put(HITS_BEFORE, SecretScanAppender.hits().size());
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    Integer before = store(context).get(HITS_BEFORE, Integer.class);
    List<String> hits = SecretScanAppender.hits();
    Files.createDirectories(REPORT.getParent());
    Files.writeString(
        REPORT,
        "log events scanned: "
            + SecretScanAppender.scanned()
            + ", secrets found: "
            + hits.size()
            + "\n",
        StandardCharsets.UTF_8);
    if (before != null && hits.size() > before) {
      throw new AssertionError(
          "a secret reached the log during this test: " + hits.subList(before, hits.size()));
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(SecretScanExtension.class));
  }
}
