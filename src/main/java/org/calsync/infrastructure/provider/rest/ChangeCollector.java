package org.calsync.infrastructure.provider.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.SkippedItem;
import org.calsync.domain.model.calendar.SyncCursor;

/**
 * Gathers the items of a read, page after page: changed events, ids of removed ones, and items that could not
 * be read, which are reported and never stop the read.
 */
public final class ChangeCollector {

    private final String service;
    private final List<RemoteEvent> changed = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<SkippedItem> skipped = new ArrayList<>();

    /** @param service the provider's name, for the reason of a skipped item ("Google Calendar sent …") */
    public ChangeCollector(String service) {
        this.service = service;
    }

    /**
     * One item of a page.
     *
     * @param isRemoved whether the provider reports the item as deleted
     * @param read      the item as an event; IllegalArgumentException when it lacks what any event has
     */
    public void add(JsonValue value, Predicate<JsonObject> isRemoved, Function<JsonObject, RemoteEvent> read) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            skipped.add(new SkippedItem(null, "not an event: " + value));
            return;
        }
        JsonObject item = value.asJsonObject();
        if (isRemoved.test(item)) {
            removed.add(item.getString("id", ""));
            return;
        }
        try {
            changed.add(read.apply(item));
        } catch (IllegalArgumentException | ClassCastException e) {
            skipped.add(new SkippedItem(item.getString("id", null), service + " sent " + e.getMessage()));
        }
    }

    public ChangeBatch batch(SyncCursor next, boolean fullRead, int requests) {
        return new ChangeBatch(changed, removed, skipped, next, fullRead, requests);
    }
}
