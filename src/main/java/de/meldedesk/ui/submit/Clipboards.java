package de.meldedesk.ui.submit;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text that is safe to share on the system clipboard; never a secret. */
final class Clipboards {

    private Clipboards() {
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
