package io.albqps.state;

import io.albqps.engine.ScalerState;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state document as a JSON file on the TOS mount (DESIGN §5), shared by staggered copies of the
 * function: writes are atomic renames, and a revision check just before the rename refuses to
 * overwrite what another copy wrote since our read. Check and rename run under an advisory lock on
 * a sidecar {@code <file>.lock} where the file system supports one (released by the OS if the
 * process dies), so two processes cannot both pass the check; where it does not, the check alone
 * narrows the race to the few milliseconds between check and rename.
 */
public final class FileStateStore implements StateStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);

  private final Path file;
  private final AtomicWriter writer;
  private final AtomicWriter.Mover mover;
  private final Object writeLock = new Object();
  private final Path lockFile;
  private boolean orphansChecked;

  public FileStateStore(Path file) {
    this(file, AtomicWriter.Mover.FILES);
  }

  FileStateStore(Path file, AtomicWriter.Mover mover) {
    Objects.requireNonNull(file, "file");
    if (file.getFileName() == null) {
      throw new IllegalArgumentException("state file must name a file, got " + file);
    }
    this.file = file;
    this.mover = Objects.requireNonNull(mover, "mover");
    this.writer = new AtomicWriter(file, mover);
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
  }

  /** Where the state lives. */
  public Path file() {
    return file;
  }

  @Override
  public LoadResult load(Instant now) throws StateStoreException {
    Objects.requireNonNull(now, "now");
    cleanOrphansOnce(now);
    Optional<byte[]> bytes = readIfPresent();
    if (bytes.isEmpty()) {
      return LoadResult.of(StateDocument.fresh(now, ScalerState.INITIAL));
    }
    try {
      StateDocument document = StateJson.read(bytes.get());
      if (LegacyState.UPGRADED_BY.equals(document.updatedBy()) && document.revision() == 0) {
        LOG.info("state file {} is the original solution's version 1.0; upgraded", file);
      }
      return LoadResult.of(document);
    } catch (StateFormatException e) {
      return recover(now, e);
    }
  }

  @Override
  public StateDocument save(
      StateDocument document, long expectedRevision, Instant now, String executionId)
      throws StateStoreException {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(executionId, "executionId");
    if (expectedRevision < 0) {
      throw new IllegalArgumentException("expectedRevision must be >= 0, got " + expectedRevision);
    }
    StateDocument written = document.stamped(expectedRevision + 1, now, executionId);
    byte[] json = StateJson.write(written);
    synchronized (writeLock) {
      try (SidecarLock held = SidecarLock.acquire(lockFile)) {
        checkAndMove(json, expectedRevision);
      }
    }
    return written;
  }

  private void checkAndMove(byte[] json, long expectedRevision) throws StateStoreException {
    Path temp = writeTemp(json);
    long stored;
    try {
      stored = storedRevision();
    } catch (StateStoreException e) {
      writer.deleteQuietly(temp);
      throw e;
    }
    if (stored != expectedRevision) {
      writer.deleteQuietly(temp);
      throw new StateConflictException(expectedRevision, stored);
    }
    try {
      writer.moveIntoPlace(temp);
    } catch (IOException e) {
      throw new StateStoreException("cannot replace state file " + file + ": " + e, e);
    }
  }

  private Path writeTemp(byte[] json) throws StateStoreException {
    try {
      return writer.writeTemp(json);
    } catch (IOException e) {
      throw new StateStoreException("cannot write a temp file next to " + file + ": " + e, e);
    }
  }

  /** The revision on disk now: 0 when there is no file yet (or only a version 1.0 one). */
  private long storedRevision() throws StateStoreException {
    Optional<byte[]> bytes = readIfPresent();
    if (bytes.isEmpty()) {
      return 0;
    }
    try {
      return StateJson.revision(bytes.get());
    } catch (StateFormatException e) {
      throw new StateStoreException(
          "cannot check the revision of "
              + file
              + ": it became unreadable ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private Optional<byte[]> readIfPresent() throws StateStoreException {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateStoreException("cannot read state file " + file + ": " + e, e);
    }
  }

  /**
   * A corrupt file is kept for inspection and replaced by a conservative fresh start: scale-ups
   * stay free, but a scale-down waits a full down-cooldown from now.
   */
  private LoadResult recover(Instant now, StateFormatException problem) throws StateStoreException {
    Optional<Path> aside = moveAside(now);
    LOG.warn(
        "state file {} is corrupt ({}); moved aside to {}; starting conservatively:"
            + " scale-downs held for a down-cooldown",
        file,
        problem.getMessage(),
        aside.map(Path::toString).orElse("(already moved by another copy)"));
    return new LoadResult(
        StateDocument.fresh(now, ScalerState.conservativeStart(now)), true, aside);
  }

  private Optional<Path> moveAside(Instant now) throws StateStoreException {
    String base = file.getFileName() + ".corrupt." + now.getEpochSecond();
    for (int attempt = 0; ; attempt++) {
      Path aside = file.resolveSibling(attempt == 0 ? base : base + "-" + attempt);
      try {
        moveNoReplace(aside);
        return Optional.of(aside);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw new StateStoreException("cannot move corrupt state file aside: " + aside, e);
        }
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new StateStoreException(
            "cannot move corrupt state file " + file + " aside to " + aside + ": " + e, e);
      }
    }
  }

  private void moveNoReplace(Path aside) throws IOException {
    if (Files.exists(aside)) {
      throw new FileAlreadyExistsException(aside.toString());
    }
    try {
      mover.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      mover.move(file, aside);
    }
  }

  private void cleanOrphansOnce(Instant now) {
    synchronized (writeLock) {
      if (orphansChecked) {
        return;
      }
      orphansChecked = true;
    }
    int deleted = writer.deleteOrphans(now);
    if (deleted > 0) {
      LOG.info("deleted {} temp file(s) left next to {} by interrupted writes", deleted, file);
    }
  }
}
