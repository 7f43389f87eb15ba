package de.meldedesk.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident types Meldedesk knows. It ships with {@code NEW}, {@code SDB}
 * and {@code WIK} as the REST description shows them; a company adds further
 * codes. A code that is not in the catalogue is still sent, with a warning.
 */
public final class IncidentTypeCatalogue {

    public static final String NEW = "NEW";
    public static final String SDB = "SDB";
    public static final String WIK = "WIK";

    private final Map<String, IncidentType> types;

    private IncidentTypeCatalogue(Map<String, IncidentType> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /** Returns the catalogue with the three codes known from the REST description. */
    public static IncidentTypeCatalogue builtIn() {
        Map<String, IncidentType> types = new LinkedHashMap<>();
        add(types, new IncidentType(NEW, "Neuaufnahme", "New enrolment", rules(
                PartRule.REQUIRED, PartRule.REQUIRED, PartRule.REQUIRED, PartRule.REQUIRED, PartRule.OPTIONAL)));
        add(types, new IncidentType(SDB, "Stammdatenänderung", "Master data change", rules(
                PartRule.REQUIRED, PartRule.OPTIONAL, PartRule.OPTIONAL, PartRule.OPTIONAL, PartRule.OPTIONAL)));
        add(types, new IncidentType(WIK, "Meldung ohne Stammdaten", "Incident without master data", rules(
                PartRule.NOT_USED, PartRule.NOT_USED, PartRule.NOT_USED, PartRule.NOT_USED, PartRule.NOT_USED)));
        return new IncidentTypeCatalogue(types);
    }

    /** Returns a catalogue with the given type added, or replacing the type with the same code. */
    public IncidentTypeCatalogue with(IncidentType type) {
        Map<String, IncidentType> copy = new LinkedHashMap<>(types);
        add(copy, type);
        return new IncidentTypeCatalogue(copy);
    }

    public IncidentTypeCatalogue withAll(Collection<IncidentType> extra) {
        IncidentTypeCatalogue result = this;
        for (IncidentType type : extra) {
            result = result.with(type);
        }
        return result;
    }

    /** Looks a code up, ignoring case and surrounding white space. */
    public Optional<IncidentType> find(String code) {
        String cleaned = Text.clean(code);
        return cleaned == null ? Optional.empty() : Optional.ofNullable(types.get(cleaned.toUpperCase(java.util.Locale.ROOT)));
    }

    public List<IncidentType> all() {
        return new ArrayList<>(types.values());
    }

    private static void add(Map<String, IncidentType> types, IncidentType type) {
        types.put(type.code().toUpperCase(java.util.Locale.ROOT), type);
    }

    private static Map<MasterDataPart, PartRule> rules(
            PartRule names, PartRule personal, PartRule address, PartRule job, PartRule contact) {
        Map<MasterDataPart, PartRule> rules = new EnumMap<>(MasterDataPart.class);
        rules.put(MasterDataPart.NAMES, names);
        rules.put(MasterDataPart.PERSONAL, personal);
        rules.put(MasterDataPart.ADDRESS, address);
        rules.put(MasterDataPart.JOB, job);
        rules.put(MasterDataPart.CONTACT, contact);
        return rules;
    }
}
