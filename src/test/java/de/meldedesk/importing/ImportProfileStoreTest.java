package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProfileStoreTest {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 12, 4));
    private static final String EXPORT = "Kennung;Familie;Ruf\r\n49239697103;Roth;Eva\r\n";

    @TempDir
    Path dir;

    private Path export(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, EXPORT, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void savedMappingAppliedToNextFile() throws IOException {
        ImportProfileStore store = new ImportProfileStore(dir.resolve("profiles"));
        Map<String, ImportField> manual = Map.of("Kennung", ImportField.EMPLOYEE_ID, "Familie", ImportField.LAST_NAME,
                "Ruf", ImportField.FIRST_NAME);
        ImportedFile first = new ImportEngine(store).read(export("november.csv"), OPTIONS.withMapping(manual));
        store.save(ImportProfile.from("Lohnexport", first, null));

        ImportedFile next = new ImportEngine(store).read(export("dezember.csv"), OPTIONS);

        assertThat(next.profileName()).isEqualTo("Lohnexport");
        assertThat(next.mapping()).extracting(ColumnMapping::source).containsOnly(MappingSource.PROFILE);
        assertThat(next.rows().get(0).incident().employeeId()).isEqualTo("49239697103");
        assertThat(next.rows().get(0).incident().employee().firstName()).isEqualTo("Eva");
    }

    @Test
    void profileRoundTrip() throws IOException {
        ImportProfileStore store = new ImportProfileStore(dir);
        ImportProfile profile = new ImportProfile("Werk Nord", "abc", "windows-1252", ';', 3, "dd.MM.yyyy",
                Map.of("PLZ", "employee.address.zipCode", "Notiz", ""));

        store.save(profile);

        assertThat(store.findFor("abc")).contains(profile);
        assertThat(store.findFor("other")).isEmpty();
        assertThat(store.list()).containsExactly(profile);
    }

    @Test
    void saveLeavesNoTemporaryFile() throws IOException {
        ImportProfileStore store = new ImportProfileStore(dir);
        store.save(new ImportProfile("A", "s", null, null, null, null, Map.of()));
        store.save(new ImportProfile("A", "t", null, null, null, null, Map.of()));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.json");
        }
        assertThat(store.findFor("t")).isPresent();
    }

    @Test
    void damagedProfileSkipped() throws IOException {
        ImportProfileStore store = new ImportProfileStore(dir);
        Files.writeString(dir.resolve("broken.json"), "{not json", StandardCharsets.UTF_8);
        store.save(new ImportProfile("Gut", "s", null, null, null, null, Map.of()));

        assertThat(store.list()).extracting(ImportProfile::name).containsExactly("Gut");
    }

    @Test
    void deleteRemovesProfile() throws IOException {
        ImportProfileStore store = new ImportProfileStore(dir);
        store.save(new ImportProfile("Weg", "s", null, null, null, null, Map.of()));

        assertThat(store.delete("Weg")).isTrue();
        assertThat(store.findFor("s")).isEmpty();
    }
}
