package de.meldedesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.ui.main.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundleCompletenessTest {

    /** String literals that look like a dotted key of one of the bundles' top-level groups. */
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(Collections.list(Messages.bundle(locale).getKeys()));
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> german = keys(Messages.GERMAN);
        Set<String> english = keys(Messages.ENGLISH);

        assertThat(english).as("keys missing in English").containsAll(german);
        assertThat(german).as("keys missing in German").containsAll(english);
    }

    @Test
    void everyKeyUsedInCodeOrFxmlExists() throws IOException {
        Set<String> german = keys(Messages.GERMAN);
        Set<String> groups = new HashSet<>();
        for (String key : german) {
            groups.add(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')));
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".java") && !name.endsWith(".fxml")) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher m = (name.endsWith(".fxml") ? FXML_KEY : LITERAL).matcher(text);
                while (m.find()) {
                    String key = m.group(1);
                    String group = key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
                    boolean looksLikeKey = name.endsWith(".fxml") || groups.contains(group);
                    if (looksLikeKey && !key.endsWith(".") && !german.contains(key)) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but missing from the bundles").isEmpty();
    }

    /** Bundles merge by union, so a key added on two branches would silently keep only its last text. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String name : new String[] {"messages_de.properties", "messages_en.properties"}) {
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/i18n", name))) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || line.startsWith(" ") || eq <= 0) {
                    continue;
                }
                String key = line.substring(0, eq).trim();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as("keys defined twice in " + name).isEmpty();
        }
    }

    @Test
    void navigationKeysExist() {
        Set<String> german = keys(Messages.GERMAN);
        for (Section section : Section.values()) {
            assertThat(german).contains("nav." + section.id(), "nav." + section.id() + ".placeholder");
        }
    }

    @Test
    void everyTextIsAValidPattern() {
        for (Locale locale : new Locale[] {Messages.GERMAN, Messages.ENGLISH}) {
            ResourceBundle bundle = Messages.bundle(locale);
            for (String key : keys(locale)) {
                String text = bundle.getString(key);
                assertThat(text).as(key).isNotBlank();
                new MessageFormat(text, locale).format(new Object[] {1, 2, 3, 4});
            }
        }
    }

    @Test
    void otherLocalesFallBackToGerman() {
        assertThat(Messages.format(Locale.FRANCE, "nav.history")).isEqualTo("Übermittlungen");
        assertThat(Messages.format(Locale.US, "nav.history")).isEqualTo("Submissions");
    }
}
