package org.biodid.biometrics.eval;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The DET plot is well-formed SVG with one labelled, monotone polyline per series inside the plot area, and the
 * equal error rate is read where the two error rates cross.
 */
class DetPlotTest {

    @Test
    void onePolylinePerSeriesWithMonotonePointsInsideThePlot() throws Exception {
        List<DetPlot.Series> series = List.of(normalScores("wide & close", 1.0), normalScores("<far>", 2.5),
                normalScores("held out", 1.8));
        String svg = DetPlot.svg("title\nsecond line", series);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName(), is("svg"));
        NodeList lines = doc.getElementsByTagName("polyline");
        assertThat(lines.getLength(), is(series.size()));
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            assertThat(line.getElementsByTagName("title").item(0).getTextContent(), is(series.get(i).label()));
            String[] points = line.getAttribute("points").split(" ");
            assertThat(points.length, greaterThan(10));
            double lastX = -1;
            double lastY = -1;
            for (String point : points) {
                double x = Double.parseDouble(point.split(",")[0]);
                double y = Double.parseDouble(point.split(",")[1]);
                // false accepts rise to the right, false rejects fall (screen y grows downwards)
                assertThat(x, greaterThanOrEqualTo(lastX));
                assertThat(y, greaterThanOrEqualTo(lastY));
                assertThat(x, greaterThanOrEqualTo(DetPlot.x(DetPlot.LOW)));
                assertThat(x, lessThanOrEqualTo(DetPlot.x(DetPlot.HIGH)));
                assertThat(y, lessThanOrEqualTo(DetPlot.y(DetPlot.LOW)));
                assertThat(y, greaterThanOrEqualTo(DetPlot.y(DetPlot.HIGH)));
                lastX = x;
                lastY = y;
            }
        }
    }

    @Test
    void probitIsTheNormalQuantile() {
        assertThat(DetPlot.probit(0.5), closeTo(0, 1e-9));
        assertThat(DetPlot.probit(0.975), closeTo(1.959964, 1e-6));
        assertThat(DetPlot.probit(1e-5), closeTo(-4.264891, 1e-6));
    }

    @Test
    void equalErrorRateIsWhereTheRatesCross() {
        DistanceCounts genuine = new DistanceCounts(10, 1);
        DistanceCounts impostor = new DistanceCounts(10, 1);
        // genuine at 2 (x 90) and 6 (x 10); impostors at 4 (x 10) and 8 (x 90): accepting up to 4 or 5 gives 10 % each
        for (int i = 0; i < 90; i++) {
            genuine.add(new int[] {2});
            impostor.add(new int[] {8});
        }
        for (int i = 0; i < 10; i++) {
            genuine.add(new int[] {6});
            impostor.add(new int[] {4});
        }
        assertThat(DistanceCounts.equalErrorRate(genuine, impostor), closeTo(0.10, 1e-9));
        DistanceCounts apart = new DistanceCounts(10, 1);
        apart.add(new int[] {9});
        assertThat(DistanceCounts.equalErrorRate(genuine, apart), closeTo(0.0, 1e-9));
    }

    /** A DET series of normal genuine and impostor scores {@code separation} standard deviations apart. */
    private static DetPlot.Series normalScores(String label, double separation) {
        List<Double> far = new ArrayList<>();
        List<Double> frr = new ArrayList<>();
        for (double threshold = -6; threshold <= separation + 6; threshold += 0.05) {
            far.add(normalCdf(threshold - separation));
            frr.add(1 - normalCdf(threshold));
        }
        return new DetPlot.Series(label, label.equals("held out"),
                far.stream().mapToDouble(Double::doubleValue).toArray(),
                frr.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double normalCdf(double x) {
        // Abramowitz-Stegun 7.1.26 on erf: plenty for test data
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
