package org.biodid.perf.support;

import java.util.List;

import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.Minutia;

/**
 * The JSON the chains exchange with the service for fingerprints: captures out ({@code fingers}: finger id and
 * minutiae {@code [x, y, angle]} rounded to 0.01), helper data back (per finger, its {@code data}).
 */
final class CaptureJson {

    private CaptureJson() {
    }

    /**
     * The {@code fingers} array of an enrolment or verification.
     *
     * @param scans captures
     * @return JSON array
     */
    static String fingers(List<FingerScan> scans) {
        StringBuilder json = new StringBuilder(scans.size() * 1200).append('[');
        for (int f = 0; f < scans.size(); f++) {
            FingerScan scan = scans.get(f);
            if (f > 0) {
                json.append(',');
            }
            json.append("{\"finger_id\":\"").append(scan.finger().wireName()).append("\",\"minutiae\":[");
            List<Minutia> minutiae = scan.minutiae();
            for (int i = 0; i < minutiae.size(); i++) {
                Minutia m = minutiae.get(i);
                if (i > 0) {
                    json.append(',');
                }
                double angle = Math.round(m.angle() * 100) / 100.0;
                json.append('[').append(Math.round(m.x() * 100) / 100.0)
                        .append(',').append(Math.round(m.y() * 100) / 100.0)
                        .append(',').append(angle >= 360 ? 0.0 : angle).append(']');
            }
            json.append("]}");
        }
        return json.append(']').toString();
    }
}
