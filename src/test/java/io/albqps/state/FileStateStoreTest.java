package io.albqps.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.albqps.engine.ScalerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest extends StateStoreContract {
  @TempDir Path dir;

  @Override
  StateStore newStore() {
    return new FileStateStore(dir.resolve("scaling_state.json"));
  }

  @Override
  StateStore sameStateAs(StateStore store) {
    return new FileStateStore(((FileStateStore) store).file());
  }

  private Path stateFile() {
    return dir.resolve("scaling_state.json");
  }

  @Test
  void savedFileIsTheSchema2JsonOfTheWrittenDocument() throws Exception {
    StateDocument written = newStore().save(Documents.full(0), 0, T1, "req-2");

    assertThat(StateJson.read(Files.readAllBytes(stateFile()))).isEqualTo(written);
  }

  @Test
  void savedFileIsReadableAndWritableByTheOwnerOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));

    newStore().save(Documents.full(0), 0, T1, "req-2");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void saveLeavesNoTempFileBehind() throws Exception {
    StateStore store = newStore();
    store.save(Documents.full(0), 0, T1, "req-1");
    store.save(Documents.full(1), 1, T1, "req-2");

    assertThat(filesIn(dir)).containsExactly("scaling_state.json");
  }

  @Test
  void corruptFileIsMovedAsideAndTheFreshStartHoldsScaleDowns() throws Exception {
    byte[] corrupt = "{\"schema\":\"2\",\"revision\":4".getBytes(StandardCharsets.UTF_8);
    Files.write(stateFile(), corrupt);

    StateStore.LoadResult result = newStore().load(T1);

    Path aside = dir.resolve("scaling_state.json.corrupt." + T1.getEpochSecond());
    assertThat(result.recoveredFromCorruption()).isTrue();
    assertThat(result.movedAsideTo()).contains(aside);
    assertThat(Files.readAllBytes(aside)).isEqualTo(corrupt);
    assertThat(stateFile()).doesNotExist();
    assertThat(result.document().scaler()).isEqualTo(ScalerState.conservativeStart(T1));
    assertThat(result.document().scaler().lastScaleDown()).contains(T1);
    assertThat(result.document().revision()).isZero();
  }

  @Test
  void documentOfTheWrongShapeIsTreatedAsCorrupt() throws Exception {
    Files.writeString(
        stateFile(),
        StateJson.writeString(Documents.full(3)).replace("\"revision\" : 3", "\"revision\" : -3"));

    StateStore.LoadResult result = newStore().load(T1);

    assertThat(result.recoveredFromCorruption()).isTrue();
    assertThat(result.document().scaler().lastScaleDown()).contains(T1);
  }

  @Test
  void recoveredStateCanBeSavedAtRevisionOne() throws Exception {
    Files.writeString(stateFile(), "not json");
    StateStore store = newStore();
    StateDocument fresh = store.load(T1).document();

    StateDocument written = store.save(fresh, fresh.revision(), T1, "req-3");

    assertThat(written.revision()).isEqualTo(1);
    assertThat(store.load(T1).document().scaler().lastScaleDown()).contains(T1);
  }

  @Test
  void secondCorruptionInTheSameSecondKeepsTheFirstMovedAsideFile() throws Exception {
    Files.writeString(stateFile(), "first");
    newStore().load(T1);
    Files.writeString(stateFile(), "second");

    StateStore.LoadResult result = newStore().load(T1);

    Path first = dir.resolve("scaling_state.json.corrupt." + T1.getEpochSecond());
    assertThat(Files.readString(first)).isEqualTo("first");
    assertThat(result.movedAsideTo()).contains(dir.resolve(first.getFileName() + "-1"));
    assertThat(Files.readString(result.movedAsideTo().orElseThrow())).isEqualTo("second");
  }

  @Test
  void corruptFileAlreadyMovedByAnotherCopyStillStartsConservatively() throws Exception {
    Files.writeString(stateFile(), "garbage");
    AtomicWriter.Mover otherCopyWasFirst =
        (source, target, options) -> {
          Files.delete(source);
          throw new NoSuchFileException(source.toString());
        };

    StateStore.LoadResult result = new FileStateStore(stateFile(), otherCopyWasFirst).load(T1);

    assertThat(result.recoveredFromCorruption()).isTrue();
    assertThat(result.movedAsideTo()).isEmpty();
    assertThat(result.document().scaler().lastScaleDown()).contains(T1);
  }

  @Test
  void unreadableFileIsAnErrorAndIsNotMovedAside() throws Exception {
    Files.createDirectory(stateFile());

    assertThatThrownBy(() -> newStore().load(T1))
        .isInstanceOf(StateStoreException.class)
        .isNotInstanceOf(StateConflictException.class)
        .hasMessageContaining(stateFile().toString());
    assertThat(stateFile()).isDirectory();
  }

  @Test
  void originalSolutionsFileLoadsUpgradedAndIsRewrittenAsSchema2() throws Exception {
    Files.write(stateFile(), StateJsonTest.resource("upgrade/original-after-scale-up.v1.json"));
    StateStore store = newStore();
    StateDocument upgraded = store.load(T1).document();

    store.save(upgraded, upgraded.revision(), T1, "req-4");

    StateDocument onDisk = StateJson.read(Files.readAllBytes(stateFile()));
    assertThat(Files.readString(stateFile())).contains("\"schema\" : \"2\"");
    assertThat(onDisk.revision()).isEqualTo(1);
    assertThat(onDisk.scaler().lastScaleDown()).isEqualTo(upgraded.scaler().lastScaleDown());
  }

  @Test
  void conflictWritesNothing() throws Exception {
    StateStore store = newStore();
    store.save(Documents.full(0), 0, T0, "copy-a");
    byte[] before = Files.readAllBytes(stateFile());

    assertThatThrownBy(() -> store.save(Documents.full(0), 0, T1, "copy-b"))
        .isInstanceOf(StateConflictException.class);

    assertThat(Files.readAllBytes(stateFile())).isEqualTo(before);
    assertThat(filesIn(dir)).containsExactly("scaling_state.json");
  }

  @Test
  void mountWithoutAtomicRenameFallsBackToAPlainReplace() throws Exception {
    List<String> moves = new ArrayList<>();
    AtomicWriter.Mover noAtomicMove =
        (source, target, options) -> {
          if (Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
            moves.add("atomic refused");
            throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "FUSE");
          }
          moves.add("plain " + Arrays.toString(options));
          Files.move(source, target, options);
        };
    FileStateStore store = new FileStateStore(stateFile(), noAtomicMove);

    StateDocument written = store.save(Documents.full(0), 0, T1, "req-5");

    assertThat(moves).containsExactly("atomic refused", "plain [REPLACE_EXISTING]");
    assertThat(store.load(T1).document()).isEqualTo(written);
    assertThat(filesIn(dir)).containsExactly("scaling_state.json");
  }

  @Test
  void failedRenameKeepsTheOldFileAndDeletesTheTempFile() throws Exception {
    newStore().save(Documents.full(0), 0, T0, "req-1");
    byte[] before = Files.readAllBytes(stateFile());
    AtomicWriter.Mover failing =
        (Path source, Path target, CopyOption... options) -> {
          throw new IOException("Input/output error");
        };

    assertThatThrownBy(
            () -> new FileStateStore(stateFile(), failing).save(Documents.full(1), 1, T1, "req-2"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("Input/output error");

    assertThat(Files.readAllBytes(stateFile())).isEqualTo(before);
    assertThat(filesIn(dir)).containsExactly("scaling_state.json");
  }

  @Test
  void saveIntoAMissingMountDirectoryFailsNamingThePath() {
    Path missing = dir.resolve("not-mounted").resolve("scaling_state.json");

    assertThatThrownBy(() -> new FileStateStore(missing).save(Documents.full(0), 0, T1, "req"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void tempFilesOfWritersKilledOverAnHourAgoAreDeletedOnLoad() throws Exception {
    Path old = dir.resolve(".scaling_state.json.123.tmp");
    Path recent = dir.resolve(".scaling_state.json.456.tmp");
    Path unrelated = dir.resolve(".other.json.789.tmp");
    for (Path p : List.of(old, recent, unrelated)) {
      Files.writeString(p, "{");
    }
    Files.setLastModifiedTime(old, FileTime.from(T1.minus(Duration.ofMinutes(61))));
    Files.setLastModifiedTime(recent, FileTime.from(T1.minus(Duration.ofMinutes(59))));
    Files.setLastModifiedTime(unrelated, FileTime.from(T1.minus(Duration.ofDays(1))));

    newStore().load(T1);

    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(unrelated).exists();
  }

  @Test
  void historyOnDiskIsBoundedToTheLastHundredActions() throws Exception {
    List<StateDocument.HistoryEntry> history =
        IntStream.range(0, 150)
            .mapToObj(
                i ->
                    new StateDocument.HistoryEntry(
                        T0.plusSeconds(i),
                        "scale_up",
                        "r" + i,
                        i,
                        i + 1,
                        OptionalDouble.empty(),
                        false,
                        "req-" + i))
            .toList();
    StateDocument big =
        new StateDocument(
            0,
            T0,
            T0,
            "",
            ScalerState.INITIAL,
            StateDocument.MetricsCache.EMPTY,
            StateDocument.ErrorTracking.NONE,
            StateDocument.Statistics.ZERO,
            history);

    newStore().save(big, 0, T1, "req");

    List<StateDocument.HistoryEntry> onDisk =
        StateJson.read(Files.readAllBytes(stateFile())).scalingHistory();
    assertThat(onDisk).hasSize(StateDocument.MAX_HISTORY);
    assertThat(onDisk.get(0).reason()).isEqualTo("r50");
  }

  @Test
  void copiesWritingConcurrentlyNeverLeaveATornOrHalfWrittenFile() throws Exception {
    int writers = 4;
    int savesEach = 20;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    // The copies race to create the file, then each waits until the reader has read it once: the
    // reader is then reading during all later saves, however the threads are scheduled (on a busy
    // machine the copies could otherwise finish before the reader's first read).
    CountDownLatch firstRead = new CountDownLatch(1);
    try {
      Future<ReadStats> reader = pool.submit(() -> readContinuously(writing, firstRead));
      List<Future<Integer>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        FileStateStore copy = new FileStateStore(stateFile());
        String name = "copy-" + w;
        done.add(
            pool.submit(
                () -> {
                  int conflicts = saveRepeatedly(copy, name, 1);
                  if (!firstRead.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the reader never read the state file");
                  }
                  return conflicts + saveRepeatedly(copy, name, savesEach - 1);
                }));
      }
      for (Future<Integer> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      ReadStats stats = reader.get(60, TimeUnit.SECONDS);

      assertThat(stats.unparsable()).as("torn reads out of " + stats.reads()).isZero();
      assertThat(stats.reads()).isPositive();
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
    assertThat(StateJson.read(Files.readAllBytes(stateFile())).revision()).isPositive();
    assertThat(filesIn(dir)).containsExactly("scaling_state.json");
  }

  private record ReadStats(int reads, int unparsable) {}

  private ReadStats readContinuously(AtomicBoolean writing, CountDownLatch firstRead)
      throws IOException {
    int reads = 0;
    int unparsable = 0;
    while (writing.get()) {
      Optional<byte[]> bytes = readIfPresent();
      if (bytes.isEmpty()) {
        continue;
      }
      reads++;
      firstRead.countDown();
      try {
        StateJson.read(bytes.get());
      } catch (StateFormatException e) {
        unparsable++;
      }
    }
    return new ReadStats(reads, unparsable);
  }

  private Optional<byte[]> readIfPresent() throws IOException {
    try {
      return Optional.of(Files.readAllBytes(stateFile()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.endsWith(".lock"))
          .sorted()
          .toList();
    }
  }
}
