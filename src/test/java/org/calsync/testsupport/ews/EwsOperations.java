package org.calsync.testsupport.ews;

import static org.calsync.testsupport.ews.EwsSchema.MESSAGES;
import static org.calsync.testsupport.ews.EwsSchema.TYPES;
import static org.calsync.testsupport.ews.EwsXml.all;
import static org.calsync.testsupport.ews.EwsXml.child;
import static org.calsync.testsupport.ews.EwsXml.escape;
import static org.calsync.testsupport.ews.EwsXml.instant;
import static org.calsync.testsupport.ews.EwsXml.text;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.w3c.dom.Element;

/**
 * The operations the simulator serves for one mailbox, answering in the shapes of Microsoft's samples:
 * GetFolder, CreateItem, UpdateItem, DeleteItem, GetItem, FindItem (calendar view or extended-property
 * restriction) and SyncFolderItems.
 */
final class EwsOperations {

    /** Exchange's default EWSFindCountLimit. */
    static final int FIND_COUNT_LIMIT = 1000;
    static final int SYNC_MAX = 512;

    private final SimulatedMailbox mailbox;
    private final EwsSimulator simulator;

    EwsOperations(SimulatedMailbox mailbox, EwsSimulator simulator) {
        this.mailbox = mailbox;
        this.simulator = simulator;
    }

    String handle(Element operation, EwsSimulator.Fault fault) {
        String name = operation.getLocalName();
        return switch (name) {
            case "GetFolder" -> getFolder();
            case "CreateItem" -> createItem(operation);
            case "UpdateItem" -> updateItem(operation);
            case "DeleteItem" -> deleteItem(operation);
            case "GetItem" -> getItem(operation);
            case "FindItem" -> findItem(operation);
            case "SyncFolderItems" -> syncFolderItems(operation, fault instanceof EwsSimulator.Fault.InvalidSyncState);
            case "GetUserAvailabilityRequest" -> simulator.availability(operation);
            default -> error(name, "ErrorInvalidOperation", "The simulator does not serve " + name + ".");
        };
    }

    /** A single error response message for the operation. */
    static String error(String operation, String code, String text) {
        return EwsXml.envelope(operation, errorMessage(operation, code, text));
    }

    private static String errorMessage(String operation, String code, String text) {
        // Item operations' response messages carry an (empty) Items element even when they fail.
        String items = switch (operation) {
            case "GetItem", "CreateItem", "UpdateItem" -> "<m:Items/>";
            default -> "";
        };
        return """
                <m:%1$sResponseMessage ResponseClass="Error"><m:MessageText>%2$s</m:MessageText>\
                <m:ResponseCode>%3$s</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>%4$s\
                </m:%1$sResponseMessage>""".formatted(operation, escape(text), code, items);
    }

    private static String success(String operation, String content) {
        return "<m:" + operation + "ResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>"
                + content + "</m:" + operation + "ResponseMessage>";
    }

    private String getFolder() {
        String folder = """
                <m:Folders><t:CalendarFolder><t:FolderId Id="%s" ChangeKey="AgAAAA=="/>\
                <t:FolderClass>IPF.Appointment</t:FolderClass><t:DisplayName>Calendar</t:DisplayName>\
                <t:TotalCount>%d</t:TotalCount><t:ChildFolderCount>0</t:ChildFolderCount></t:CalendarFolder></m:Folders>"""
                .formatted(mailbox.calendarFolderId, mailbox.all().size());
        return EwsXml.envelope("GetFolder", success("GetFolder", folder));
    }

    private String createItem(Element request) {
        requireSendToNone(request.getAttribute("SendMeetingInvitations"), "CreateItem SendMeetingInvitations");
        StringBuilder messages = new StringBuilder();
        for (Element calendarItem : all(child(request, MESSAGES, "Items"), TYPES, "CalendarItem")) {
            SimulatedItem item;
            synchronized (mailbox) {
                item = mailbox.create();
                apply(item, calendarItem);
            }
            messages.append(success("CreateItem", "<m:Items><t:CalendarItem>" + itemId(item)
                    + "</t:CalendarItem></m:Items>"));
        }
        return EwsXml.envelope("CreateItem", messages.toString());
    }

    private String updateItem(Element request) {
        requireSendToNone(request.getAttribute("SendMeetingInvitationsOrCancellations"),
                "UpdateItem SendMeetingInvitationsOrCancellations");
        String resolution = request.getAttribute("ConflictResolution");
        StringBuilder messages = new StringBuilder();
        for (Element change : all(child(request, MESSAGES, "ItemChanges"), TYPES, "ItemChange")) {
            Element id = child(change, TYPES, "ItemId");
            synchronized (mailbox) {
                var found = mailbox.find(id.getAttribute("Id"));
                if (found.isEmpty()) {
                    messages.append(errorMessage("UpdateItem", "ErrorItemNotFound",
                            "The specified object was not found in the store."));
                    continue;
                }
                SimulatedItem item = found.get();
                String changeKey = id.getAttribute("ChangeKey");
                if ("NeverOverwrite".equals(resolution) && !changeKey.isEmpty() && !changeKey.equals(item.changeKey())) {
                    messages.append(errorMessage("UpdateItem", "ErrorIrresolvableConflict",
                            "The send or update operation could not be performed because the change key passed in "
                                    + "the request does not match the current change key for the item."));
                    continue;
                }
                for (Element update : EwsSchema.children(child(change, TYPES, "Updates"))) {
                    Element value = child(update, TYPES, "CalendarItem");
                    if ("SetItemField".equals(update.getLocalName()) && value != null) {
                        apply(item, value);
                    } else if ("DeleteItemField".equals(update.getLocalName())) {
                        clear(item, update);
                    }
                }
                mailbox.changed(item);
                messages.append(success("UpdateItem", "<m:Items><t:CalendarItem>" + itemId(item)
                        + "</t:CalendarItem></m:Items><m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>"));
            }
        }
        return EwsXml.envelope("UpdateItem", messages.toString());
    }

    private String deleteItem(Element request) {
        requireSendToNone(request.getAttribute("SendMeetingCancellations"), "DeleteItem SendMeetingCancellations");
        StringBuilder messages = new StringBuilder();
        for (Element id : all(child(request, MESSAGES, "ItemIds"), TYPES, "ItemId")) {
            if (mailbox.find(id.getAttribute("Id")).isEmpty()) {
                messages.append(errorMessage("DeleteItem", "ErrorItemNotFound",
                        "The specified object was not found in the store."));
            } else {
                mailbox.delete(id.getAttribute("Id"));
                messages.append(success("DeleteItem", ""));
            }
        }
        return EwsXml.envelope("DeleteItem", messages.toString());
    }

    private String getItem(Element request) {
        boolean idOnly = idOnly(child(request, MESSAGES, "ItemShape"));
        StringBuilder messages = new StringBuilder();
        for (Element id : all(child(request, MESSAGES, "ItemIds"), TYPES, "ItemId")) {
            Row row = row(id.getAttribute("Id"));
            if (row == null) {
                messages.append(errorMessage("GetItem", "ErrorItemNotFound", "The specified object was not found in the store."));
            } else if (row.item().malformed && !idOnly) {
                messages.append(errorMessage("GetItem", "ErrorCorruptData", "The item is corrupt."));
            } else {
                messages.append(success("GetItem", "<m:Items>" + (idOnly ? idOnlyItem(row) : calendarItem(row)) + "</m:Items>"));
            }
        }
        return EwsXml.envelope("GetItem", messages.toString());
    }

    private String findItem(Element request) {
        boolean idOnly = idOnly(child(request, MESSAGES, "ItemShape"));
        Element view = child(request, MESSAGES, "CalendarView");
        List<Row> rows = new ArrayList<>();
        boolean last = true;
        if (view != null) {
            Instant from = OffsetDateTime.parse(view.getAttribute("StartDate")).toInstant();
            Instant to = OffsetDateTime.parse(view.getAttribute("EndDate")).toInstant();
            for (SimulatedItem item : mailbox.all()) {
                if (item.recurring()) {
                    item.occurrences().stream().filter(o -> o.end().isAfter(from) && o.start().isBefore(to))
                            .forEach(o -> rows.add(new Row(item, o)));
                } else if (item.start != null && item.end.isAfter(from) && item.start.isBefore(to)) {
                    rows.add(new Row(item, null));
                }
            }
            rows.sort(Comparator.comparing(Row::start));
            if (rows.size() > FIND_COUNT_LIMIT) {
                return error("FindItem", "ErrorExceededFindCountLimit", "You have exceeded the maximum number of objects "
                        + "that can be returned for the find operation. Use paging to reduce the result size and try your "
                        + "request again.");
            }
            String max = view.getAttribute("MaxEntriesReturned");
            if (!max.isEmpty() && rows.size() > Integer.parseInt(max)) {
                rows.subList(Integer.parseInt(max), rows.size()).clear();
                last = false;
            }
        } else {
            mailbox.all().forEach(item -> rows.add(new Row(item, null)));
        }
        Element restriction = child(request, MESSAGES, "Restriction");
        if (restriction != null) {
            Element equal = EwsXml.descendant(restriction, TYPES, "IsEqualTo");
            Element uri = child(equal, TYPES, "ExtendedFieldURI");
            Element constant = EwsXml.descendant(equal, TYPES, "Constant");
            if (uri == null || constant == null) {
                return error("FindItem", "ErrorUnsupportedQueryFilter", "The simulator filters only on extended properties.");
            }
            String value = constant.getAttribute("Value");
            if (isCleanGlobalObjectId(uri)) {
                rows.removeIf(row -> !value.equals(row.item().cleanGlobalObjectId));
            } else {
                String key = key(uri);
                rows.removeIf(row -> !value.equals(row.item().extended.get(key)));
            }
        }
        if (!idOnly && rows.stream().anyMatch(row -> row.item().malformed)) {
            // Exchange cannot convert one item's properties, and the whole view fails with it.
            return error("FindItem", "ErrorCorruptData", "The item is corrupt.");
        }
        StringBuilder items = new StringBuilder();
        rows.forEach(row -> items.append(idOnly ? idOnlyItem(row) : calendarItem(row)));
        String root = "<m:RootFolder TotalItemsInView=\"" + rows.size() + "\" IncludesLastItemInRange=\"" + last
                + "\"><t:Items>" + items + "</t:Items></m:RootFolder>";
        return EwsXml.envelope("FindItem", success("FindItem", root));
    }

    /** A master or single item, or one occurrence of a series. */
    private record Row(SimulatedItem item, SimulatedItem.Occurrence occurrence) {

        Instant start() {
            return occurrence != null ? occurrence.start() : item.start;
        }

        Instant end() {
            return occurrence != null ? occurrence.end() : item.end;
        }

        String id() {
            return occurrence != null ? item.id + "_OCC" + occurrence.index() : item.id;
        }

        String type() {
            if (occurrence != null) {
                return occurrence.exception() ? "Exception" : "Occurrence";
            }
            return item.recurring() ? "RecurringMaster" : "Single";
        }
    }

    private Row row(String id) {
        int marker = id.indexOf("_OCC");
        if (marker < 0) {
            return mailbox.find(id).map(item -> new Row(item, null)).orElse(null);
        }
        int index = Integer.parseInt(id.substring(marker + 4));
        return mailbox.find(id.substring(0, marker)).flatMap(item -> item.occurrences().stream()
                .filter(o -> o.index() == index).findFirst().map(o -> new Row(item, o))).orElse(null);
    }

    /** IdOnly without additional properties: all Exchange must read is the id. */
    private static boolean idOnly(Element shape) {
        if (shape == null) {
            return false;
        }
        Element extra = child(shape, TYPES, "AdditionalProperties");
        return "IdOnly".equals(text(shape, TYPES, "BaseShape")) && (extra == null || EwsSchema.children(extra).isEmpty());
    }

    private String syncFolderItems(Element request, boolean invalidState) {
        String state = text(request, MESSAGES, "SyncState");
        String max = text(request, MESSAGES, "MaxChangesReturned");
        SimulatedMailbox.SyncPage page;
        try {
            if (invalidState) {
                throw new SimulatedMailbox.InvalidSyncState();
            }
            page = mailbox.changesSince(state, Math.min(SYNC_MAX, Integer.parseInt(max)));
        } catch (SimulatedMailbox.InvalidSyncState e) {
            return error("SyncFolderItems", "ErrorInvalidSyncStateData", "Synchronization state data is corrupt or "
                    + "otherwise invalid.");
        }
        StringBuilder changes = new StringBuilder();
        for (SimulatedMailbox.Change change : page.changes()) {
            switch (change.kind()) {
                case DELETE -> changes.append("<t:Delete><t:ItemId Id=\"").append(escape(change.itemId()))
                        .append("\"/></t:Delete>");
                case CREATE, UPDATE -> mailbox.find(change.itemId()).ifPresent(item -> changes
                        .append(change.kind() == SimulatedMailbox.Kind.CREATE ? "<t:Create>" : "<t:Update>")
                        .append("<t:CalendarItem>").append(itemId(item)).append("</t:CalendarItem>")
                        .append(change.kind() == SimulatedMailbox.Kind.CREATE ? "</t:Create>" : "</t:Update>"));
                default -> throw new IllegalStateException();
            }
        }
        String content = "<m:SyncState>" + page.nextState() + "</m:SyncState><m:IncludesLastItemInRange>"
                + page.includesLast() + "</m:IncludesLastItemInRange><m:Changes>" + changes + "</m:Changes>";
        return EwsXml.envelope("SyncFolderItems", success("SyncFolderItems", content));
    }

    private static String idOnlyItem(Row row) {
        return "<t:CalendarItem><t:ItemId Id=\"" + escape(row.id()) + "\" ChangeKey=\"" + row.item().changeKey()
                + "\"/></t:CalendarItem>";
    }

    /** The item (or occurrence) as FindItem and GetItem return it, elements in the schema's order. */
    private static String calendarItem(Row row) {
        SimulatedItem item = row.item();
        StringBuilder xml = new StringBuilder("<t:CalendarItem>");
        xml.append("<t:ItemId Id=\"").append(escape(row.id())).append("\" ChangeKey=\"").append(item.changeKey())
                .append("\"/>");
        xml.append("<t:ItemClass>IPM.Appointment</t:ItemClass>");
        xml.append("<t:Subject>").append(escape(item.subject)).append("</t:Subject>");
        xml.append("<t:Sensitivity>").append(item.sensitivity).append("</t:Sensitivity>");
        if (item.body != null) {
            xml.append("<t:Body BodyType=\"Text\">").append(escape(item.body)).append("</t:Body>");
        }
        item.extended.forEach((key, value) -> {
            String[] parts = key.split("/", 2);
            xml.append("<t:ExtendedProperty><t:ExtendedFieldURI PropertySetId=\"").append(parts[0])
                    .append("\" PropertyName=\"").append(escape(parts[1])).append("\" PropertyType=\"String\"/>")
                    .append("<t:Value>").append(escape(value)).append("</t:Value></t:ExtendedProperty>");
        });
        xml.append("<t:UID>").append(escape(item.uid)).append("</t:UID>");
        xml.append("<t:Start>").append(instant(row.start())).append("</t:Start>");
        xml.append("<t:End>").append(instant(row.end())).append("</t:End>");
        xml.append("<t:IsAllDayEvent>").append(item.allDay).append("</t:IsAllDayEvent>");
        xml.append("<t:LegacyFreeBusyStatus>").append(item.freeBusy).append("</t:LegacyFreeBusyStatus>");
        if (item.location != null) {
            xml.append("<t:Location>").append(escape(item.location)).append("</t:Location>");
        }
        xml.append("<t:CalendarItemType>").append(row.type()).append("</t:CalendarItemType>");
        xml.append("<t:MyResponseType>").append(item.myResponse).append("</t:MyResponseType>");
        return xml.append("</t:CalendarItem>").toString();
    }

    private static String itemId(SimulatedItem item) {
        return "<t:ItemId Id=\"" + escape(item.id) + "\" ChangeKey=\"" + item.changeKey() + "\"/>";
    }

    /** Copies the fields a CalendarItem element carries onto the item. */
    private static void apply(SimulatedItem item, Element source) {
        for (Element field : EwsSchema.children(source)) {
            String value = field.getTextContent();
            switch (field.getLocalName()) {
                case "Subject" -> item.subject = value;
                case "Body" -> item.body = value;
                case "Sensitivity" -> item.sensitivity = value;
                case "Start" -> item.start = OffsetDateTime.parse(value).toInstant();
                case "End" -> item.end = OffsetDateTime.parse(value).toInstant();
                case "IsAllDayEvent" -> item.allDay = Boolean.parseBoolean(value);
                case "LegacyFreeBusyStatus" -> item.freeBusy = value;
                case "Location" -> item.location = value;
                case "StartTimeZone" -> item.startTimeZoneId = field.getAttribute("Id");
                case "StartTimeZoneId" -> item.startTimeZoneId = value;
                case "ExtendedProperty" -> item.extended.put(key(child(field, TYPES, "ExtendedFieldURI")),
                        text(field, TYPES, "Value"));
                default -> {
                    // other fields are stored by Exchange but mean nothing to CalSync
                }
            }
        }
    }

    private static void clear(SimulatedItem item, Element deleteField) {
        Element uri = child(deleteField, TYPES, "FieldURI");
        if (uri != null && "calendar:Location".equals(uri.getAttribute("FieldURI"))) {
            item.location = null;
        } else if (uri != null && "item:Body".equals(uri.getAttribute("FieldURI"))) {
            item.body = null;
        }
    }

    /** PidLidCleanGlobalObjectId ([MS-OXPROPS] 2.61), the searchable form of a meeting's UID. */
    private static boolean isCleanGlobalObjectId(Element extendedFieldUri) {
        return "Meeting".equals(extendedFieldUri.getAttribute("DistinguishedPropertySetId"))
                && Integer.decode(extendedFieldUri.getAttribute("PropertyId")) == 0x23
                && "Binary".equals(extendedFieldUri.getAttribute("PropertyType"));
    }

    private static String key(Element extendedFieldUri) {
        return extendedFieldUri.getAttribute("PropertySetId") + "/" + extendedFieldUri.getAttribute("PropertyName");
    }

    private void requireSendToNone(String value, String what) {
        if (!"SendToNone".equals(value)) {
            simulator.contractBroken(what + " was '" + value + "': CalSync must never send meeting requests");
        }
    }
}
