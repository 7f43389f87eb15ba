package de.meldedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {

    @Test
    void noArgumentsMeansGuiInSystemLanguage() {
        GlobalOptions options = GlobalOptions.parse(new String[0]);

        assertThat(options.command()).isEqualTo("gui");
        assertThat(options.commandLineLocale(Locale.GERMANY)).isEqualTo(Locale.GERMANY);
        assertThat(options.localeOr(Locale.GERMANY)).isEqualTo(Locale.GERMANY);
        assertThat(options.dataDir()).isNull();
    }

    @Test
    void globalOptionsBeforeCommand() {
        GlobalOptions options = GlobalOptions.parse(
                new String[] {"--data-dir", "/tmp/x", "--lang=en", "validate", "--json", "a.csv"});

        assertThat(options.dataDir()).isEqualTo("/tmp/x");
        assertThat(options.locale().getLanguage()).isEqualTo("en");
        assertThat(options.command()).isEqualTo("validate");
        assertThat(options.commandArgs()).containsExactly("validate", "--json", "a.csv");
    }

    @Test
    void commandLineFollowsSystemLanguage() {
        assertThat(GlobalOptions.parse(new String[0]).commandLineLocale(Locale.FRANCE)).isEqualTo(Locale.GERMANY);
        assertThat(GlobalOptions.parse(new String[0]).commandLineLocale(Locale.US)).isEqualTo(Locale.UK);
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> GlobalOptions.parse(new String[] {"--lang", "fr"}))
                .hasMessageContaining("de or en");
        assertThatThrownBy(() -> GlobalOptions.parse(new String[] {"--data-dir"}))
                .hasMessageContaining("needs a value");
    }

    @Test
    void dataDirPrecedence() {
        Path home = Path.of("/home/clerk");
        Map<String, String> env = Map.of(AppPaths.ENV_DATA_DIR, "/srv/md");

        assertThat(AppPaths.resolve("/opt/d", env, "Linux", home).dataDir()).isEqualTo(Path.of("/opt/d"));
        assertThat(AppPaths.resolve(null, env, "Linux", home).dataDir()).isEqualTo(Path.of("/srv/md"));
        assertThat(AppPaths.resolve(null, Map.of(), "Linux", home).logDir())
                .isEqualTo(Path.of("/home/clerk/.local/share/meldedesk/logs"));
    }

    @Test
    void osDefaults() {
        Path home = Path.of("/Users/clerk");

        assertThat(AppPaths.defaultDataDir(Map.of(), "Mac OS X", home))
                .isEqualTo(home.resolve("Library/Application Support/Meldedesk"));
        assertThat(AppPaths.defaultDataDir(Map.of("APPDATA", "/c/Users/clerk/AppData/Roaming"), "Windows 11", home))
                .isEqualTo(Path.of("/c/Users/clerk/AppData/Roaming/Meldedesk"));
        assertThat(AppPaths.defaultDataDir(Map.of("XDG_DATA_HOME", "/x"), "Linux", home))
                .isEqualTo(Path.of("/x/meldedesk"));
    }
}
