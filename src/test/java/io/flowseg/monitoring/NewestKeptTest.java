package io.flowseg.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class NewestKeptTest {

    @Test
    void keepsTheNewestAndAKeyKeptAgainCountsAsNew() {
        KeyValueStore<String, String> store = store();
        NewestKept<String> kept = new NewestKept<>(store, 2);
        kept.keep("a", "1");
        kept.keep("b", "2");
        kept.keep("a", "3");
        kept.keep("c", "4");
        assertEquals(List.of("a=3", "c=4"), contents(store));
    }

    @Test
    void whatTheStoreHeldAtStartIsOlderThanAnythingKeptAfterIt() {
        KeyValueStore<String, String> store = store();
        store.put("restored-1", "x");
        store.put("restored-2", "y");
        store.put("restored-3", "z");
        NewestKept<String> kept = new NewestKept<>(store, 2);
        assertEquals(List.of("restored-2=y", "restored-3=z"), contents(store), "trimmed to its capacity at start");
        kept.keep("new", "n");
        assertEquals(List.of("new=n", "restored-3=z"), contents(store));
    }

    private static KeyValueStore<String, String> store() {
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kept"),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<Void, Void>().getStateStoreContext(), store);
        return store;
    }

    private static List<String> contents(KeyValueStore<String, String> store) {
        List<String> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            all.forEachRemaining(entry -> entries.add(entry.key + "=" + entry.value));
        }
        return entries;
    }
}
