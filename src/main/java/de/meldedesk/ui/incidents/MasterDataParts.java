package de.meldedesk.ui.incidents;

import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.MasterDataPart;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which form fields belong to which master-data part, in the order the editor shows them. */
final class MasterDataParts {

    private static final Map<MasterDataPart, List<IncidentField>> FIELDS = new EnumMap<>(MasterDataPart.class);

    static {
        FIELDS.put(MasterDataPart.NAMES, List.of(IncidentField.FIRST_NAME, IncidentField.LAST_NAME));
        FIELDS.put(MasterDataPart.PERSONAL, List.of(IncidentField.TITLE, IncidentField.BIRTHDAY, IncidentField.SEX));
        FIELDS.put(MasterDataPart.ADDRESS, List.of(IncidentField.STREET, IncidentField.HOUSE_NUMBER,
                IncidentField.ADDRESS_SUFFIX, IncidentField.ZIP_CODE, IncidentField.CITY, IncidentField.COUNTRY));
        FIELDS.put(MasterDataPart.JOB, List.of(IncidentField.EMPLOYMENT_SITE, IncidentField.EMPLOYMENT_STATUS,
                IncidentField.START_OF_EMPLOYMENT, IncidentField.PERSONNEL_NUMBER, IncidentField.MANAGEMENT));
        FIELDS.put(MasterDataPart.CONTACT, List.of(IncidentField.EMAIL_BUSINESS, IncidentField.MOBILE_BUSINESS,
                IncidentField.LANDLINE_BUSINESS));
    }

    private MasterDataParts() {
    }

    static List<IncidentField> fields(MasterDataPart part) {
        return FIELDS.get(part);
    }

    /** Returns the part a field belongs to, or null for the fields of the incident itself. */
    static MasterDataPart partOf(IncidentField field) {
        for (Map.Entry<MasterDataPart, List<IncidentField>> entry : FIELDS.entrySet()) {
            if (entry.getValue().contains(field)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
