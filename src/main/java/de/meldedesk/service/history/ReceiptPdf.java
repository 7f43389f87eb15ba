package de.meldedesk.service.history;

import de.meldedesk.i18n.Messages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Lays out a {@link Receipt} as an A4 PDF with PDFBox. The DejaVu Sans fonts
 * shipped in {@code /de/meldedesk/fonts/} are embedded, so umlauts print the
 * same on every machine. Long tables continue on further pages with the table
 * header repeated.
 */
public final class ReceiptPdf {

    private static final String REGULAR_FONT = "/de/meldedesk/fonts/DejaVuSans.ttf";
    private static final String BOLD_FONT = "/de/meldedesk/fonts/DejaVuSans-Bold.ttf";

    private static final float MARGIN = 40;
    private static final float TABLE_FONT_SIZE = 8f;
    private static final float ROW_HEIGHT = 14;
    private static final float CELL_PADDING = 3;

    /** Column keys below {@code history.receipt.column.} and their share of the table width. */
    private static final String[] COLUMNS = {"row", "employeeId", "name", "type", "validFrom", "incidentId"};
    private static final float[] WIDTHS = {0.06f, 0.15f, 0.20f, 0.11f, 0.11f, 0.37f};

    /** The incident ID column: its text is never shortened but set smaller when it does not fit. */
    private static final int ID_COLUMN = 5;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final Locale locale;
    private final ZoneId zone;

    public ReceiptPdf(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    /** Builds the receipt and returns the PDF file's bytes; {@code createdAt} is printed in the footer. */
    public byte[] write(Receipt receipt, Instant createdAt) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = loadFont(document, REGULAR_FONT);
            PDType0Font bold = loadFont(document, BOLD_FONT);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(Messages.format(locale, "history.receipt.title") + " " + receipt.importId());
            info.setCreator("Meldedesk");

            List<List<Receipt.Row>> pages = paginate(receipt.rows());
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = page.getMediaBox().getHeight() - MARGIN;
                    if (p == 0) {
                        y = writeHeader(content, receipt, regular, bold, y);
                    }
                    y = writeTable(content, pages.get(p), regular, bold, page.getMediaBox().getWidth(), y);
                    if (p == pages.size() - 1) {
                        y -= 10;
                        writeLine(content, regular, 8, MARGIN, y,
                                Messages.format(locale, "history.receipt.rowNote"));
                    }
                    writeLine(content, regular, 8, MARGIN, MARGIN / 2,
                            Messages.format(locale, "history.receipt.footer", DATE_TIME.format(createdAt.atZone(zone)),
                                    p + 1, pages.size()));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static PDType0Font loadFont(PDDocument document, String resource) throws IOException {
        try (InputStream in = ReceiptPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font not found on the class path: " + resource);
            }
            // Loading from a stream embeds the subset of glyphs the document uses.
            return PDType0Font.load(document, in);
        }
    }

    /** Splits the rows so the first page, below the header block, takes fewer than the following ones. */
    private static List<List<Receipt.Row>> paginate(List<Receipt.Row> rows) {
        float usable = PDRectangle.A4.getHeight() - 2 * MARGIN - ROW_HEIGHT - 30;
        int firstPage = (int) ((usable - 170) / ROW_HEIGHT);
        int otherPages = (int) (usable / ROW_HEIGHT);
        List<List<Receipt.Row>> pages = new ArrayList<>();
        int from = 0;
        int size = firstPage;
        do {
            int to = Math.min(rows.size(), from + size);
            pages.add(rows.subList(from, to));
            from = to;
            size = otherPages;
        } while (from < rows.size());
        return pages;
    }

    private float writeHeader(PDPageContentStream content, Receipt receipt, PDType0Font regular, PDType0Font bold,
            float top) throws IOException {
        float y = top - 16;
        writeLine(content, bold, 16, MARGIN, y, Messages.format(locale, "history.receipt.title"));
        y -= 18;
        writeLine(content, regular, 9, MARGIN, y, Messages.format(locale, "history.receipt.subtitle"));
        y -= 24;
        String[][] facts = {
            {"history.receipt.company", receipt.companyName()},
            {"history.receipt.careflexId", receipt.careflexId()},
            {"history.receipt.sentAt", receipt.sentAt() == null ? "" : DATE_TIME.format(receipt.sentAt().atZone(zone))},
            {"history.receipt.profile", receipt.profileName()},
            {"history.receipt.importId", receipt.importId()},
            {"history.receipt.count", Integer.toString(receipt.rows().size())},
        };
        for (String[] fact : facts) {
            writeLine(content, bold, 10, MARGIN, y, Messages.format(locale, fact[0]));
            writeLine(content, regular, 10, MARGIN + 160, y, fact[1] == null ? "" : fact[1]);
            y -= 15;
        }
        return y - 12;
    }

    private float writeTable(PDPageContentStream content, List<Receipt.Row> rows, PDType0Font regular,
            PDType0Font bold, float pageWidth, float top) throws IOException {
        float tableWidth = pageWidth - 2 * MARGIN;
        float[] widths = new float[WIDTHS.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTHS[i] * tableWidth;
        }
        float y = top;
        content.setNonStrokingColor(0.9f, 0.9f, 0.9f);
        content.addRect(MARGIN, y - ROW_HEIGHT, tableWidth, ROW_HEIGHT);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        List<String> headers = new ArrayList<>();
        for (String column : COLUMNS) {
            headers.add(Messages.format(locale, "history.receipt.column." + column));
        }
        writeRow(content, bold, headers, widths, y);
        y -= ROW_HEIGHT;
        for (Receipt.Row row : rows) {
            List<String> cells = List.of(Integer.toString(row.rowNumber()), text(row.employeeId()), text(row.name()),
                    text(row.type()), row.validFrom() == null ? "" : DATE.format(row.validFrom()),
                    text(row.incidentId()));
            writeRow(content, regular, cells, widths, y);
            y -= ROW_HEIGHT;
            content.setStrokingColor(0.8f, 0.8f, 0.8f);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + tableWidth, y);
            content.stroke();
        }
        return y;
    }

    private static void writeRow(PDPageContentStream content, PDType0Font font, List<String> cells, float[] widths,
            float top) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float room = widths[i] - 2 * CELL_PADDING;
            String text = cells.get(i);
            float size = TABLE_FONT_SIZE;
            if (i == ID_COLUMN) {
                size = Math.min(TABLE_FONT_SIZE, room / (font.getStringWidth(text) / 1000));
            } else {
                text = fit(font, text, room);
            }
            writeLine(content, font, size, x + CELL_PADDING, top - ROW_HEIGHT + 4, text);
            x += widths[i];
        }
    }

    /** Shortens text with an ellipsis until it fits the width in points. */
    private static String fit(PDType0Font font, String text, float width) throws IOException {
        if (textWidth(font, text) <= width) {
            return text;
        }
        String shortened = text;
        while (!shortened.isEmpty() && textWidth(font, shortened + "…") > width) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "…";
    }

    private static float textWidth(PDType0Font font, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * TABLE_FONT_SIZE;
    }

    private static void writeLine(PDPageContentStream content, PDType0Font font, float size, float x, float y,
            String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Renders every page of a PDF at the given resolution, for printing or a preview. */
    public static List<BufferedImage> render(byte[] pdf, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> images = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                images.add(renderer.renderImageWithDPI(i, dpi));
            }
            return images;
        }
    }
}
