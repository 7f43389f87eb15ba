package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XlsxXmlGuardTest {

    private static final String WORKSHEET = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<!-- <kommentar> --><sheetData><row r=\"1\" spans='1:2'><c r=\"A1\" t=\"inlineStr\"><is>"
            + "<t>xmlns=\"kurz\" &lt;" + "x".repeat(1000) + "</t></is></c></row></sheetData></worksheet>";

    @Test
    void realWorksheetPasses() {
        assertThatCode(() -> scan(WORKSHEET.getBytes(StandardCharsets.UTF_8), 7)).doesNotThrowAnyException();
    }

    @Test
    void longNamespaceRejected() {
        String uri = "http://example.org/" + "x".repeat(XlsxXmlGuard.MAX_URI_BYTES);
        byte[] part = ("<worksheet xmlns:a = '" + uri + "'/>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> scan(part, 1000)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("import.xlsx.damaged");
    }

    @Test
    void namespaceAtTheLimitPasses() {
        String uri = "u".repeat(XlsxXmlGuard.MAX_URI_BYTES);
        byte[] part = ("<worksheet xmlns=\"" + uri + "\"/>").getBytes(StandardCharsets.UTF_8);

        assertThatCode(() -> scan(part, 3)).doesNotThrowAnyException();
    }

    @Test
    void longOtherAttributeValuePasses() {
        byte[] part = ("<sheetView sqref=\"" + "A1 ".repeat(5000) + "\"/>").getBytes(StandardCharsets.UTF_8);

        assertThatCode(() -> scan(part, 512)).doesNotThrowAnyException();
    }

    @Test
    void longElementNameRejected() {
        byte[] part = ("<row><" + "x".repeat(XlsxXmlGuard.MAX_NAME_BYTES + 1) + "/></row>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> scan(part, 64)).isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void longAttributeNameRejected() {
        byte[] part = ("<row " + "a".repeat(XlsxXmlGuard.MAX_NAME_BYTES + 1) + "=\"1\"/>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> scan(part, 64)).isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void manyDistinctNamesRejected() {
        StringBuilder part = new StringBuilder("<sheetData>");
        for (int i = 0; i <= XlsxXmlGuard.MAX_DISTINCT_NAMES; i++) {
            part.append("<e").append(i).append("/>");
        }
        part.append("</sheetData>");

        assertThatThrownBy(() -> scan(part.toString().getBytes(StandardCharsets.UTF_8), 4096))
                .isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void binaryPartIsSkipped() {
        byte[] image = new byte[200_000];
        new Random(1).nextBytes(image);
        image[0] = (byte) 0x89;

        assertThatCode(() -> scan(image, 8192)).doesNotThrowAnyException();
    }

    @Test
    void utf16PartRejected() {
        byte[] part = WORKSHEET.substring(1).getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> scan(part, 2)).isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void utf16ByteOrderMarkRejected() {
        byte[] part = WORKSHEET.substring(1).getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> scan(part, 4096)).isInstanceOf(UnreadableFileException.class);
    }

    private static void scan(byte[] part, int pieceLength) throws UnreadableFileException {
        XlsxXmlGuard guard = new XlsxXmlGuard();
        guard.startPart();
        for (int offset = 0; offset < part.length; offset += pieceLength) {
            guard.feed(part, offset, Math.min(pieceLength, part.length - offset));
        }
    }
}
