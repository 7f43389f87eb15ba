package de.meldedesk.ui.submit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import de.meldedesk.wire.CareflexJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's reasons for a rejected request. A validation answer such as
 * {@code {"error":"validation","details":[{"rowNumber":0,"field":"type","message":"…"}]}}
 * gives messages per row (0-based position in {@code incidentList}); any other
 * body is kept as text for the whole request.
 */
record RejectionDetails(Map<Integer, List<String>> byRow, List<String> general) {

    static RejectionDetails parse(String body) {
        Map<Integer, List<String>> byRow = new HashMap<>();
        List<String> general = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return new RejectionDetails(byRow, general);
        }
        JsonNode root;
        try {
            root = CareflexJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        JsonNode details = root == null ? null : root.get("details");
        if (details == null || !details.isArray()) {
            JsonNode message = root == null ? null : root.get("message");
            general.add(message != null && message.isTextual() ? message.asText() : body.strip());
            return new RejectionDetails(byRow, general);
        }
        for (JsonNode detail : details) {
            String field = detail.path("field").asText("");
            String message = detail.path("message").asText("");
            String text = field.isEmpty() ? message : field + ": " + message;
            JsonNode row = detail.get("rowNumber");
            if (row != null && row.canConvertToInt()) {
                byRow.computeIfAbsent(row.asInt(), k -> new ArrayList<>()).add(text);
            } else {
                general.add(text);
            }
        }
        return new RejectionDetails(byRow, general);
    }

    /** Returns the messages for one row joined into one line, with those for the whole request after them. */
    String forRow(int rowNumber) {
        List<String> parts = new ArrayList<>(byRow.getOrDefault(rowNumber, List.of()));
        parts.addAll(general);
        return String.join("; ", parts);
    }
}
