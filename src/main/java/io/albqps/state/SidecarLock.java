package io.albqps.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive advisory lock on a sidecar file, held by one writer across processes while it checks
 * the revision and renames; where the mount cannot lock (some object-storage FUSE mounts), it holds
 * nothing (logged at debug level), leaving the revision check alone.
 */
final class SidecarLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SidecarLock.class);
  private static final Duration IN_PROCESS_WAIT = Duration.ofSeconds(30);

  private final FileChannel channel;
  private final FileLock lock;

  private SidecarLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Blocks until the lock is held, or returns a no-op lock when the file system has none. */
  static SidecarLock acquire(Path lockFile) throws StateStoreException {
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("no lock file {} ({}); relying on the revision check", lockFile, e.toString());
      return new SidecarLock(null, null);
    }
    long giveUp = System.nanoTime() + IN_PROCESS_WAIT.toNanos();
    while (true) {
      try {
        return new SidecarLock(channel, channel.lock());
      } catch (OverlappingFileLockException heldInThisJvm) {
        // Another store on the same file in this process holds it: wait for its few milliseconds.
        if (System.nanoTime() > giveUp) {
          closeQuietly(channel);
          throw new StateStoreException(
              "state lock " + lockFile + " held too long in-process", null);
        }
        Thread.onSpinWait();
      } catch (IOException | UnsupportedOperationException e) {
        LOG.debug("cannot lock {} ({}); relying on the revision check", lockFile, e.toString());
        closeQuietly(channel);
        return new SidecarLock(null, null);
      }
    }
  }

  @Override
  public void close() throws StateStoreException {
    if (channel == null) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StateStoreException("cannot release state lock: " + e, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the channel held no lock; nothing to undo
    }
  }
}
