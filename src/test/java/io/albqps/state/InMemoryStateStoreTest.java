package io.albqps.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest extends StateStoreContract {

  @Override
  StateStore newStore() {
    return new InMemoryStateStore();
  }

  @Override
  StateStore sameStateAs(StateStore store) {
    return store;
  }

  @Test
  void storeCreatedWithADocumentLoadsItAtItsRevision() throws Exception {
    InMemoryStateStore store = new InMemoryStateStore(Documents.full(9));

    assertThat(store.load(T0).document()).isEqualTo(Documents.full(9));
    assertThat(store.save(Documents.full(9), 9, T1, "req").revision()).isEqualTo(10);
  }

  @Test
  void currentIsEmptyUntilTheFirstSave() throws Exception {
    InMemoryStateStore store = new InMemoryStateStore();
    assertThat(store.current()).isEmpty();

    store.save(Documents.full(0), 0, T1, "req");

    assertThat(store.current()).hasValueSatisfying(d -> assertThat(d.revision()).isEqualTo(1));
  }
}
