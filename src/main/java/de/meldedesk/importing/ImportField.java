package de.meldedesk.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A field that an imported column can fill: the company and every field of an
 * incident, with its wire path and the header texts that name it in German
 * and English exports. Header texts are compared after {@link #normalize}.
 */
public enum ImportField {
    CAREFLEX_ID("careflexId", Kind.TEXT,
            "Firma", "CareFlex-ID", "CareFlex ID", "Firmen-ID", "Firmennummer", "Unternehmen", "company", "company ID"),
    EXTERNAL_ID("externalId", Kind.TEXT,
            "Externe ID", "Externe Referenz", "Eigene Referenz", "Referenz", "Vorgangsnummer", "external ID",
            "reference"),
    TYPE("type", Kind.TYPE,
            "Meldeart", "Meldungsart", "Art der Meldung", "Meldetyp", "Typ", "incident type", "incidentType"),
    EMPLOYEE_ID("employeeId", Kind.DIGITS,
            "Mitarbeiter-ID", "Mitarbeiter ID", "MitarbeiterID", "MA-ID", "Steuer-ID", "Steuer-IdNr",
            "Steueridentifikationsnummer", "IdNr", "employee ID", "tax ID"),
    CREATED_AT("createdAt", Kind.DATE,
            "Erfasst am", "Erfassungsdatum", "Erstellt am", "Meldedatum", "created at", "created"),
    VALID_FROM("validFrom", Kind.DATE,
            "Gültig ab", "Gültigkeit ab", "Wirksam ab", "Stichtag", "valid from", "effective date"),
    TITLE("employee.title", Kind.TEXT,
            "Titel", "Akad. Titel", "akademischer Titel", "title"),
    FIRST_NAME("employee.firstName", Kind.TEXT,
            "Vorname", "Vornamen", "first name", "given name"),
    LAST_NAME("employee.lastName", Kind.TEXT,
            "Nachname", "Name", "Familienname", "last name", "surname", "family name"),
    BIRTHDAY("employee.birthday", Kind.DATE,
            "Geburtsdatum", "Geb.-Datum", "Geb. Datum", "Geburtstag", "Geboren am", "geb. am", "date of birth",
            "birth date", "DOB"),
    SEX("employee.sex", Kind.SEX,
            "Geschlecht", "m/w/d", "gender"),
    STREET("employee.address.street", Kind.TEXT,
            "Straße", "Strasse", "Str.", "street"),
    HOUSE_NUMBER("employee.address.houseNumber", Kind.DIGITS,
            "Hausnummer", "Haus-Nr.", "Hausnr.", "Nr.", "house number", "house no."),
    ADDRESS_SUFFIX("employee.address.addressSuffix", Kind.TEXT,
            "Adresszusatz", "Anschriftenzusatz", "Zusatz", "c/o", "address suffix"),
    ZIP_CODE("employee.address.zipCode", Kind.DIGITS,
            "PLZ", "Postleitzahl", "zip", "zip code", "postal code", "postcode"),
    CITY("employee.address.city", Kind.TEXT,
            "Ort", "Wohnort", "Stadt", "city", "town"),
    COUNTRY("employee.address.country", Kind.COUNTRY,
            "Land", "Staat", "Ländercode", "Länderkennzeichen", "country", "country code"),
    EMPLOYMENT_SITE("employee.job.employmentSite", Kind.TEXT,
            "Standort", "Betriebsstätte", "Arbeitsort", "Einsatzort", "employment site", "site", "location"),
    EMPLOYMENT_STATUS("employee.job.employmentStatus", Kind.TEXT,
            "Beschäftigungsstatus", "Beschäftigungsart", "Status", "employment status"),
    START_OF_EMPLOYMENT("employee.job.startOfEmployment", Kind.DATE,
            "Eintrittsdatum", "Eintritt", "Eintritt am", "Beschäftigungsbeginn", "start of employment", "hire date",
            "entry date"),
    PERSONNEL_NUMBER("employee.job.personnelNumber", Kind.DIGITS,
            "Personalnummer", "Pers.-Nr.", "PersNr", "Personal-Nr.", "personnel number", "staff number"),
    MANAGEMENT("employee.job.management", Kind.BOOLEAN,
            "Führungskraft", "Leitende Angestellte", "Leitender Angestellter", "management", "manager"),
    EMAIL_BUSINESS("employee.contact.emailBusiness", Kind.TEXT,
            "E-Mail geschäftlich", "E-Mail dienstlich", "E-Mail", "Email", "Mail", "business e-mail",
            "e-mail business"),
    MOBILE_BUSINESS("employee.contact.mobileBusiness", Kind.DIGITS,
            "Mobil geschäftlich", "Mobil dienstlich", "Mobil", "Mobilnummer", "Mobiltelefon", "Handy", "mobile",
            "business mobile", "mobile business"),
    LANDLINE_BUSINESS("employee.contact.landlineBusiness", Kind.DIGITS,
            "Telefon geschäftlich", "Telefon dienstlich", "Telefon", "Tel.", "Festnetz", "phone", "landline",
            "business phone", "landline business");

    /** Reading rule that turns the text of a cell into the value of the field. */
    public enum Kind {
        /** Free text, trimmed. */
        TEXT,
        /** Text made of digits that must stay text: IDs, zip codes, phone and house numbers. */
        DIGITS,
        DATE,
        BOOLEAN,
        /** A code of {@code sex}; German and English words become the code. */
        SEX,
        /** An ISO 3166-1 alpha-2 code; country names become the code. */
        COUNTRY,
        /** An incident type code of the catalogue. */
        TYPE
    }

    private static final Map<String, ImportField> BY_ALIAS = new HashMap<>();
    private static final Map<String, ImportField> BY_PATH = new HashMap<>();

    static {
        for (ImportField field : values()) {
            BY_PATH.put(field.path, field);
            for (String alias : field.aliases) {
                BY_ALIAS.putIfAbsent(normalize(alias), field);
            }
        }
    }

    private final String path;
    private final Kind kind;
    private final List<String> aliases;

    ImportField(String path, Kind kind, String... names) {
        this.path = path;
        this.kind = kind;
        List<String> all = new ArrayList<>(Arrays.asList(names));
        all.add(path);
        all.add(path.substring(path.lastIndexOf('.') + 1));
        this.aliases = Collections.unmodifiableList(all);
    }

    /** Returns the wire path, e.g. {@code employee.address.zipCode}; the company is {@code careflexId}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** Returns the header texts that name this field, the wire path and its last part included. */
    public List<String> aliases() {
        return aliases;
    }

    /** Returns the key of the field's display name in the bundles. */
    public String labelKey() {
        return "field." + path;
    }

    /** Finds the field that a header text names, ignoring case, umlauts, spaces and punctuation. */
    public static Optional<ImportField> forHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = normalize(header);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(BY_ALIAS.get(key));
    }

    public static Optional<ImportField> forPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /**
     * Reduces a header text to lower-case letters and digits, with umlauts
     * spelt out ({@code Gültig ab} and {@code gueltig-ab} both give {@code gueltigab}).
     */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
