package io.albqps.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that readers only ever see the old or the new bytes: a uniquely named temp
 * file in the same directory (mode 0600 where POSIX), written and fsynced, then renamed over the
 * target. Object-storage mounts without an atomic rename fall back to a plain replacing rename.
 */
final class AtomicWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicWriter.class);
  private static final String TEMP_SUFFIX = ".tmp";

  /** Temp files this old are orphans of a crashed writer; no write takes anywhere near as long. */
  static final Duration ORPHAN_AGE = Duration.ofHours(1);

  /** The rename step; a seam so tests can play a mount without atomic moves, or a failing one. */
  @FunctionalInterface
  interface Mover {
    Mover FILES = (source, target, options) -> Files.move(source, target, options);

    void move(Path source, Path target, CopyOption... options) throws IOException;
  }

  private final Path target;
  private final Mover mover;

  AtomicWriter(Path target, Mover mover) {
    this.target = target;
    this.mover = mover;
  }

  /** Writes {@code bytes} to a new temp file next to the target and fsyncs it. */
  Path writeTemp(byte[] bytes) throws IOException {
    FileAttribute<?>[] attributes = ownerOnly(target);
    for (int attempt = 0; ; attempt++) {
      Path temp = directory().resolve(tempPrefix() + randomSuffix() + TEMP_SUFFIX);
      FileChannel channel;
      try {
        channel =
            FileChannel.open(
                temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw e;
        }
        continue;
      }
      writeAndSync(channel, temp, bytes);
      return temp;
    }
  }

  /**
   * A random name part. {@code CREATE_NEW} makes the name unique, so a cheap random suffices
   * (Files.createTempFile's SecureRandom costs the function's cold start).
   */
  private static String randomSuffix() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /** Writes and fsyncs the new temp file on its one open channel; deletes it on failure. */
  private void writeAndSync(FileChannel channel, Path temp, byte[] bytes) throws IOException {
    try (channel) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  /** Renames {@code temp} over the target (atomically where the file system can). */
  void moveIntoPlace(Path temp) throws IOException {
    try {
      try {
        mover.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        LOG.debug("no atomic rename on the mount of {}; using a replacing rename", target);
        mover.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
    syncDirectory();
  }

  /** Deletes temp files of this target left by writers killed mid-write, older than an hour. */
  int deleteOrphans(Instant now) {
    int deleted = 0;
    String prefix = tempPrefix();
    DirectoryStream.Filter<Path> isTemp =
        path -> {
          String name = path.getFileName().toString();
          return name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX);
        };
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory(), isTemp)) {
      for (Path temp : temps) {
        Instant modified = Files.getLastModifiedTime(temp).toInstant();
        if (modified.isBefore(now.minus(ORPHAN_AGE)) && Files.deleteIfExists(temp)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      LOG.warn("could not clean up old temp files next to {}: {}", target, e.toString());
    }
    return deleted;
  }

  void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("could not delete temp file {}: {}", temp, e.toString());
    }
  }

  private Path directory() {
    Path parent = target.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException("state file has no directory: " + target);
    }
    return parent;
  }

  private String tempPrefix() {
    return "." + target.getFileName() + ".";
  }

  /** Makes the rename itself durable where the platform allows fsync on a directory (Linux). */
  private void syncDirectory() {
    try (FileChannel directory = FileChannel.open(directory(), StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      LOG.debug("directory of {} cannot be fsynced here: {}", target, e.toString());
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new FileAttribute<?>[0];
  }
}
