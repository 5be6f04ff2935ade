package org.biodid.biometrics.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A detection error trade-off (DET) plot as standalone SVG: false reject rate against false accept rate, both on
 * normal-deviate (probit) axes, on which the error rates of normally distributed scores fall on straight lines.
 * One polyline per series, points in threshold order (false accepts rising, false rejects falling); points with a
 * rate outside the axes' range (including the zeros a finite sample gives) are left out.
 */
final class DetPlot {

    /** Smallest and largest rate on either axis. */
    static final double LOW = 1e-5;
    static final double HIGH = 0.5;

    private static final double[] TICKS = {1e-5, 1e-4, 1e-3, 1e-2, 0.05, 0.2, 0.5};
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int LEFT = 70;
    private static final int TOP = 50;
    private static final int SIZE = 480;
    private static final int LEGEND = 240;

    /**
     * One curve.
     *
     * @param label  legend text
     * @param dashed drawn dashed (e.g. held-out populations)
     * @param far    false accept rate per threshold, non-decreasing
     * @param frr    false reject rate per threshold, non-increasing
     */
    record Series(String label, boolean dashed, double[] far, double[] frr) {
    }

    private DetPlot() {
    }

    /**
     * The plot.
     *
     * @param title  title above the plot, lines separated by a newline
     * @param series the curves
     * @return an SVG document
     */
    static String svg(String title, List<Series> series) {
        StringBuilder s = new StringBuilder();
        int width = LEFT + SIZE + 20 + LEGEND;
        int height = TOP + SIZE + 60;
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        String[] lines = title.split("\n");
        for (int i = 0; i < lines.length; i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>\n", LEFT,
                    16 + 15 * i, escape(lines[i])));
        }
        axes(s);
        for (int i = 0; i < series.size(); i++) {
            Series line = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s "
                    + "points=\"%s\"><title>%s</title></polyline>\n", colour,
                    line.dashed() ? " stroke-dasharray=\"6,4\"" : "", points(line), escape(line.label())));
            int y = TOP + 10 + i * 20;
            int x = LEFT + SIZE + 20;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>\n", x, y, x + 30, y, colour,
                    line.dashed() ? " stroke-dasharray=\"6,4\"" : ""));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 36, y + 4,
                    escape(line.label())));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Screen coordinates of the series' plottable points, "x,y x,y ...". */
    static String points(Series line) {
        List<String> out = new ArrayList<>();
        String last = null;
        for (int i = 0; i < line.far().length; i++) {
            double far = line.far()[i];
            double frr = line.frr()[i];
            if (far < LOW || far > HIGH || frr < LOW || frr > HIGH) {
                continue;
            }
            String point = String.format(Locale.ROOT, "%.1f,%.1f", x(far), y(frr));
            if (!point.equals(last)) {
                out.add(point);
                last = point;
            }
        }
        return String.join(" ", out);
    }

    private static void axes(StringBuilder s) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"black\"/>\n", LEFT, TOP, SIZE, SIZE));
        for (double tick : TICKS) {
            String label = tick >= 0.01 ? String.format(Locale.ROOT, "%.0f%%", 100 * tick)
                    : String.format(Locale.ROOT, "%s%%", trim(100 * tick));
            double x = x(tick);
            double y = y(tick);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                    x, TOP, x, TOP + SIZE));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    LEFT, y, LEFT + SIZE, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x,
                    TOP + SIZE + 16, label));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 4,
                    y + 4, label));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">false accept rate "
                + "(normal deviate scale)</text>\n", LEFT + SIZE / 2, TOP + SIZE + 36));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">false reject rate (normal deviate scale)</text>\n",
                TOP + SIZE / 2, TOP + SIZE / 2));
    }

    private static String trim(double percent) {
        String text = String.format(Locale.ROOT, "%.3f", percent);
        return text.replaceAll("0+$", "");
    }

    /** Horizontal screen position of a false accept rate: larger rates to the right. */
    static double x(double far) {
        return LEFT + SIZE * position(far);
    }

    /** Vertical screen position of a false reject rate: larger rates higher up (smaller y). */
    static double y(double frr) {
        return TOP + SIZE * (1 - position(frr));
    }

    private static double position(double rate) {
        double low = probit(LOW);
        return (probit(rate) - low) / (probit(HIGH) - low);
    }

    /**
     * Inverse of the standard normal distribution function (Acklam's rational approximation, relative error below
     * 1.2e-9, ample for placing points on a plot).
     *
     * @param p probability in (0, 1)
     * @return the quantile
     */
    static double probit(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            return -probit(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
