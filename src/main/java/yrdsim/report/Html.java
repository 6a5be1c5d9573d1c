package yrdsim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import yrdsim.output.AtomicFiles;

/**
 * {@code report.html}: report.md rendered by commonmark-java (with GitHub's pipe tables), every
 * chart embedded as a {@code data:} URI, so the one file opens offline, mailed or copied alone.
 * Rendering the Markdown with a CommonMark parser keeps the HTML what any Markdown viewer shows.
 */
final class Html {

    /** File name of the HTML report. */
    static final String REPORT = "report.html";

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final String STYLE = """
            body { font-family: "DejaVu Serif", Georgia, serif; max-width: 1000px; margin: 2em auto; \
            padding: 0 1em; color: #222; line-height: 1.45; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            img { max-width: 100%; height: auto; border: 1px solid #eee; }
            """;

    private Html() {
    }

    /**
     * Writes report.html next to {@code markdown} (a report.md), embedding the PNG files its images
     * name relative to its directory.
     *
     * @return the file written
     */
    static Path write(Path markdown) throws IOException {
        Path dir = markdown.toAbsolutePath().getParent();
        String text = Files.readString(markdown);
        String title = text.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2))
                .orElse("yrdsim report");
        Node document = Parser.builder().extensions(EXTENSIONS).build().parse(text);
        IOException[] failure = new IOException[1];
        AttributeProvider embed = (node, tag, attributes) -> {
            if (node instanceof Image image && !image.getDestination().contains(":")) {
                try {
                    attributes.put("src", dataUri(dir.resolve(image.getDestination())));
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        };
        String body = HtmlRenderer.builder().extensions(EXTENSIONS).attributeProviderFactory(c -> embed).build()
                .render(document);
        if (failure[0] != null) {
            throw failure[0];
        }
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
        Path out = dir.resolve(REPORT);
        AtomicFiles.write(out, html);
        return out;
    }

    private static String dataUri(Path image) throws IOException {
        String type = Map.of("png", "image/png", "jpg", "image/jpeg", "svg", "image/svg+xml")
                .getOrDefault(extension(image), "application/octet-stream");
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(image));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
