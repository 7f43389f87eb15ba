package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlNamespaceGuardTest {

    private static final String WORKSHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>xmlns=\"kurz\"</t></is></c></row>"
            + "</sheetData></worksheet>";

    @Test
    void realWorksheetPasses() {
        assertThatCode(() -> feedInPieces(WORKSHEET.getBytes(StandardCharsets.UTF_8), 7)).doesNotThrowAnyException();
    }

    @Test
    void longNamespaceRejected() {
        String uri = "http://example.org/" + "x".repeat(XmlNamespaceGuard.MAX_URI_BYTES);
        byte[] part = ("<worksheet xmlns:a = '" + uri + "'/>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> feedInPieces(part, 1000)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("import.xlsx.damaged");
    }

    @Test
    void namespaceAtTheLimitPasses() {
        String uri = "u".repeat(XmlNamespaceGuard.MAX_URI_BYTES);
        byte[] part = ("<worksheet xmlns=\"" + uri + "\"/>").getBytes(StandardCharsets.UTF_8);

        assertThatCode(() -> feedInPieces(part, 3)).doesNotThrowAnyException();
    }

    @Test
    void utf16PartRejected() {
        byte[] part = WORKSHEET.getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> feedInPieces(part, 2)).isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void utf16ByteOrderMarkRejected() {
        byte[] part = WORKSHEET.getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> feedInPieces(part, 4096)).isInstanceOf(UnreadableFileException.class);
    }

    private static void feedInPieces(byte[] part, int pieceLength) throws UnreadableFileException {
        XmlNamespaceGuard guard = new XmlNamespaceGuard();
        for (int offset = 0; offset < part.length; offset += pieceLength) {
            guard.feed(part, offset, Math.min(pieceLength, part.length - offset));
        }
    }
}
