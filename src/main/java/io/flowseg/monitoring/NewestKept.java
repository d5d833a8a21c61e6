package io.flowseg.monitoring;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The newest {@code capacity} values of a key-value store by key, the oldest deleted first. The
 * order lives in memory; what the store already holds when a task starts (restored from its
 * changelog after a rebalance or restart) counts as older than anything kept afterwards, in the
 * store's own order, since the order of arrival is not in the store.
 */
final class NewestKept<V> {
    private final KeyValueStore<String, V> store;
    private final int capacity;
    private final Deque<String> order = new ArrayDeque<>();

    NewestKept(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
        try (KeyValueIterator<String, V> restored = store.all()) {
            restored.forEachRemaining(entry -> order.addLast(entry.key));
        }
        deleteOldest();
    }

    void keep(String key, V value) {
        store.put(key, value);
        order.remove(key);
        order.addLast(key);
        deleteOldest();
    }

    private void deleteOldest() {
        while (order.size() > capacity) {
            store.delete(order.removeFirst());
        }
    }
}
