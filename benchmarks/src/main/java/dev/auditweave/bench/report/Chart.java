package dev.auditweave.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the four panels of docs/performance.png from a JMH JSON file with plain Java2D (headless, no extra
 * dependency): guard-false ns per call, guard-true p50 ns per call, delivered events/s, start-up ms. Bars use a
 * logarithmic axis where the values span more than two orders of magnitude, and every bar carries its value.
 */
final class Chart {

    private static final int WIDTH = 1500;
    private static final int HEIGHT = 1100;
    private static final Color AUDITWEAVE = new Color(0x2b6cb0);
    private static final Color OTHER = new Color(0xa0aec0);
    private static final Color BASELINE = new Color(0x48bb78);

    private Chart() {
    }

    private record Bar(String label, double value, Color color) {
    }

    static void draw(Report.Results r, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("auditweave benchmarks (JMH; ratios within one run; lower is better except events/s)", 20, 32);

        List<Bar> guardFalse = new ArrayList<>();
        for (String[] row : Report.GUARD_FALSE) {
            add(guardFalse, row[0], r.score(row[1]));
        }
        List<Bar> guardTrue = new ArrayList<>();
        for (String[] row : Report.GUARD_TRUE) {
            add(guardTrue, row[0] + " (p50)", r.percentile(row[1], "50.0"));
        }
        add(guardTrue, "hand-written runAsync(task) + POST (mean)",
                r.score("HandWrittenCallerBenchmark.guardTrue_handWritten:executor=runAsync"));
        add(guardTrue, "hand-written runAsync(commonPool) + POST",
                r.score("HandWrittenCallerBenchmark.guardTrue_handWritten:executor=commonPool"));
        List<Bar> throughput = new ArrayList<>();
        for (String t : List.of("1", "2", "8")) {
            add(throughput, "auditweave, " + t + " caller thread(s)",
                    r.score("DeliveryThroughputBenchmark.auditweave:threads=" + t));
            add(throughput, "hand-written, " + t + " caller thread(s)",
                    r.score("DeliveryThroughputBenchmark.handWritten:threads=" + t));
        }
        add(throughput, "serialiser alone, 1 thread", r.score("SerializerBenchmark.envelope500"));
        List<Bar> startup = new ArrayList<>();
        for (String until : List.of("toMain", "toServicesLoaded")) {
            add(startup, until + ", no agent", r.score("StartupBenchmark." + until + ":mode=none"));
            add(startup, until + ", -javaagent", r.score("StartupBenchmark." + until + ":mode=agent"));
        }
        int half = WIDTH / 2;
        int top = 60;
        int panel = (HEIGHT - top) / 2;
        panel(g, "Per call, guard false: ns/call", "ns", guardFalse, 10, top, half - 20, panel - 20);
        panel(g, "Per call, guard true: ns/call on the calling thread", "ns", guardTrue, half + 10, top, half - 20,
                panel - 20);
        panel(g, "Delivered to a loopback HTTP receiver: events/s", "events/s", throughput, 10, top + panel,
                half - 20, panel - 20);
        panel(g, "Start-up of the sample app: ms from launch", "ms", startup, half + 10, top + panel, half - 20,
                panel - 20);
        g.dispose();
        if (png.toAbsolutePath().getParent() != null) {
            Files.createDirectories(png.toAbsolutePath().getParent());
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void add(List<Bar> bars, String label, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        String lower = label.toLowerCase(Locale.ROOT);
        Color color = lower.startsWith("baseline") ? BASELINE
                : lower.startsWith("auditweave") || lower.contains("-javaagent") || lower.startsWith("serialiser")
                ? AUDITWEAVE : OTHER;
        if (lower.startsWith("to") && lower.endsWith("no agent")) {
            color = BASELINE;
        }
        bars.add(new Bar(label, value, color));
    }

    private static void panel(Graphics2D g, String title, String unit, List<Bar> bars, int x, int y, int w, int h) {
        g.setColor(new Color(0xf7fafc));
        g.fillRect(x, y, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, x + 10, y + 22);
        if (bars.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString("(not in this run)", x + 10, y + 50);
            return;
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        double min = bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).min().orElse(1);
        boolean log = max / min > 100;
        double logMin = Math.floor(Math.log10(min));
        double logMax = Math.ceil(Math.log10(max));
        int labelWidth = 330;
        int left = x + labelWidth;
        int right = x + w - 110;
        int rowHeight = Math.min(40, (h - 60) / bars.size());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        int rowTop = y + 40;
        for (Bar bar : bars) {
            double fraction = log
                    ? (Math.log10(Math.max(bar.value, Math.pow(10, logMin))) - logMin) / (logMax - logMin)
                    : bar.value / max;
            int length = Math.max(2, (int) Math.round(fraction * (right - left)));
            g.setColor(bar.color);
            g.fillRect(left, rowTop + 4, length, rowHeight - 10);
            g.setColor(Color.BLACK);
            String label = bar.label;
            while (metrics.stringWidth(label) > labelWidth - 15 && label.length() > 4) {
                label = label.substring(0, label.length() - 2);
            }
            g.drawString(label, x + 10, rowTop + rowHeight / 2 + 4);
            g.drawString(format(bar.value) + " " + unit, left + length + 6, rowTop + rowHeight / 2 + 4);
            rowTop += rowHeight;
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, y + 36, left, rowTop);
        g.drawString(log ? "log scale, 10^" + (int) logMin + " .. 10^" + (int) logMax + " " + unit : "linear scale",
                left, rowTop + 18);
    }

    private static String format(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
