package de.meldedesk.domain;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One incident type of the catalogue. Codes are data, because CareFlex
 * publishes the full list separately and companies add codes without a new
 * release of Meldedesk.
 */
public record IncidentType(String code, String labelDe, String labelEn, Map<MasterDataPart, PartRule> parts) {

    public IncidentType {
        code = Text.clean(code);
        if (code == null) {
            throw new IllegalArgumentException("incident type code is empty");
        }
        EnumMap<MasterDataPart, PartRule> complete = new EnumMap<>(MasterDataPart.class);
        for (MasterDataPart part : MasterDataPart.values()) {
            complete.put(part, parts == null ? PartRule.OPTIONAL : parts.getOrDefault(part, PartRule.OPTIONAL));
        }
        parts = Map.copyOf(complete);
    }

    public PartRule rule(MasterDataPart part) {
        return parts.get(part);
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelDe;
    }
}
