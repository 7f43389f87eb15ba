package de.meldedesk.service.history;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.i18n.Messages;
import de.meldedesk.service.SubmissionService;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receipt PDF built from a response of the embedded sandbox, read back with PDFBox. */
class ReceiptPdfTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dataDir;

    @Test
    void receiptContainsIdsAndUmlauts() throws Exception {
        Receipt receipt;
        String importId;
        try (HistoryFixture fixture = new HistoryFixture(dataDir)) {
            SubmissionService.SentRequest sent = fixture.sendAccepted();
            importId = sent.result().importId();
            receipt = new HistoryService(fixture.store, IncidentTypeCatalogue.builtIn(), Clock.systemDefaultZone())
                    .receipt(sent.submissionId());
        }

        byte[] pdf = new ReceiptPdf(Messages.GERMAN, ZONE).write(receipt, Instant.now());
        Path file = Path.of("target", "screenshots", "receipt.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);

        String text;
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
        }
        assertThat(text).contains("Übermittlungsbeleg");
        assertThat(text).contains("Öztürk");
        assertThat(text).contains("Weiß");
        assertThat(text).contains("Bäckerei Weiß & Söhne GmbH");
        assertThat(text).contains(importId);
        for (Receipt.Row row : receipt.rows()) {
            assertThat(text).contains(row.incidentId());
        }
        assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);

        List<BufferedImage> pages = ReceiptPdf.render(pdf, 110);
        ImageIO.write(pages.get(0), "png", Path.of("target", "screenshots", "receipt-page1.png").toFile());
        assertThat(pages).hasSize(1);
    }

    @Test
    void longReceiptContinuesOnNextPage() throws Exception {
        List<Receipt.Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new Receipt.Row(i, "3" + String.format("%010d", i), "Weiß, Jürgen " + i, "SDB",
                    LocalDate.of(2026, 3, 1), "inc-" + i));
        }
        Receipt receipt = new Receipt(1, "Firma", "09ce3580d84bf087", Instant.now(), "Sandbox", "imp-1", rows);

        byte[] pdf = new ReceiptPdf(Messages.ENGLISH, ZONE).write(receipt, Instant.now());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(text).contains("inc-0");
            assertThat(text).contains("inc-99");
            assertThat(text).contains("Page 3 of 3");
        }
    }
}
