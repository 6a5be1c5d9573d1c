package yrdsim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import yrdsim.model.Rng;
import yrdsim.scenario.RegionSpec;
import yrdsim.scenario.Scenario;

/**
 * The delta as the map draws it, in map units: x grows east and y south, one unit is one degree
 * of latitude, and longitudes are shrunk by the cosine of the map's middle latitude.
 *
 * <p>A region whose name is a province of {@code yrd-provinces.geojson} is drawn with its outline
 * and its cities from {@code yrd-cities.csv}; any other region (a test scenario's "A" and "B") is
 * a disc around its scenario {@code center}. Enterprises are placed near the cities of their
 * region by a fixed table of spots per region, picked by a hash of the enterprise id: the same
 * firm is always at the same spot, and placing a firm costs a hash and two array reads.
 */
final class Geography {

    /** Candidate spots per region (a power of two): enough that firms rarely share one. */
    static final int SPOTS = 1 << 14;
    private static final int SPOT_BITS = Integer.numberOfTrailingZeros(SPOTS);
    /** Standard deviation of a firm's distance from its city, degrees (about 13 km). */
    private static final double JITTER_DEGREES = 0.12;
    private static final double MARGIN_DEGREES = 0.35;
    private static final long SPOT_SALT = 0x6A09E667F3BCC909L;
    private static final String PROVINCES = "/yrdsim/map/yrd-provinces.geojson";
    private static final String CITIES = "/yrdsim/map/yrd-cities.csv";

    /** A prefecture-level city, in map units. */
    record City(String name, int region, double x, double y) {
    }

    private final String[] names;
    private final Shape[] outlines;
    private final boolean[] fromMap;
    private final Point2D.Double[] anchors;
    private final List<City> cities;
    private final float[][] spotX;
    private final float[][] spotY;
    private final double width;
    private final double height;
    private final double lonMin;
    private final double latMax;
    private final double lonScale;

    private Geography(Scenario scenario, Map<String, List<double[][]>> rings, List<String[]> cityRows) {
        List<RegionSpec> regions = scenario.regions();
        int n = regions.size();
        names = new String[n];
        fromMap = new boolean[n];
        double[] discDegrees = new double[n];
        // Extent in degrees, over outlines, discs and cities, to fix the projection.
        double lo0 = Double.POSITIVE_INFINITY;
        double lo1 = Double.NEGATIVE_INFINITY;
        double la0 = Double.POSITIVE_INFINITY;
        double la1 = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            RegionSpec r = regions.get(p);
            names[p] = r.name();
            fromMap[p] = rings.containsKey(r.name());
            if (fromMap[p]) {
                for (double[][] ring : rings.get(r.name())) {
                    for (double[] point : ring) {
                        lo0 = Math.min(lo0, point[0]);
                        lo1 = Math.max(lo1, point[0]);
                        la0 = Math.min(la0, point[1]);
                        la1 = Math.max(la1, point[1]);
                    }
                }
            } else {
                discDegrees[p] = discRadius(regions, p);
                double lonRadius = discDegrees[p] / Math.cos(Math.toRadians(lat(r)));
                lo0 = Math.min(lo0, lon(r) - lonRadius);
                lo1 = Math.max(lo1, lon(r) + lonRadius);
                la0 = Math.min(la0, lat(r) - discDegrees[p]);
                la1 = Math.max(la1, lat(r) + discDegrees[p]);
            }
        }
        lonMin = lo0 - MARGIN_DEGREES;
        latMax = la1 + MARGIN_DEGREES;
        lonScale = Math.cos(Math.toRadians((la0 + la1) / 2));
        width = (lo1 - lo0 + 2 * MARGIN_DEGREES) * lonScale;
        height = la1 - la0 + 2 * MARGIN_DEGREES;

        outlines = new Shape[n];
        anchors = new Point2D.Double[n];
        for (int p = 0; p < n; p++) {
            RegionSpec r = regions.get(p);
            anchors[p] = new Point2D.Double(x(lon(r)), y(lat(r)));
            if (fromMap[p]) {
                Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                for (double[][] ring : rings.get(r.name())) {
                    path.moveTo(x(ring[0][0]), y(ring[0][1]));
                    for (int k = 1; k < ring.length; k++) {
                        path.lineTo(x(ring[k][0]), y(ring[k][1]));
                    }
                    path.closePath();
                }
                outlines[p] = path;
            } else {
                double radius = discDegrees[p];
                outlines[p] = new Ellipse2D.Double(anchors[p].x - radius, anchors[p].y - radius, 2 * radius,
                        2 * radius);
            }
        }
        cities = new ArrayList<>();
        for (String[] row : cityRows) {
            int p = scenario.regionIndex(row[1]);
            if (p >= 0 && fromMap[p]) {
                cities.add(new City(row[0], p, x(Double.parseDouble(row[2])), y(Double.parseDouble(row[3]))));
            }
        }
        spotX = new float[n][SPOTS];
        spotY = new float[n][SPOTS];
        for (int p = 0; p < n; p++) {
            fillSpots(p);
        }
    }

    /**
     * The map of {@code scenario}'s regions.
     *
     * @throws UncheckedIOException when the bundled map data cannot be read (a broken jar)
     */
    static Geography of(Scenario scenario) {
        return new Geography(scenario, provinceRings(), cityRows());
    }

    /**
     * A region's disc radius in degrees of latitude: under half the distance to its nearest
     * neighbour (longitudes shrunk by the cosine of latitude, as on the map), so discs never overlap.
     */
    private static double discRadius(List<RegionSpec> regions, int p) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int q = 0; q < regions.size(); q++) {
            if (q != p) {
                double dy = lat(regions.get(q)) - lat(regions.get(p));
                double dx = (lon(regions.get(q)) - lon(regions.get(p)))
                        * Math.cos(Math.toRadians((lat(regions.get(q)) + lat(regions.get(p))) / 2));
                nearest = Math.min(nearest, Math.hypot(dx, dy));
            }
        }
        return Math.max(0.25, Math.min(1.0, 0.45 * nearest));
    }

    /**
     * Spots of region {@code p}: a city picked with equal weights (the model has no city-level
     * data), then a normal offset that must land inside the region's outline; after eight misses
     * (a coastal city) the spot is the city itself. Regions without cities fill their disc.
     */
    private void fillSpots(int p) {
        List<City> own = cities.stream().filter(c -> c.region() == p).toList();
        Shape outline = outlines[p];
        for (int k = 0; k < SPOTS; k++) {
            long key = Rng.mix(SPOT_SALT ^ ((long) p << 32 | k));
            double sx;
            double sy;
            if (own.isEmpty()) {
                Rectangle2D box = outline.getBounds2D();
                double radius = Math.sqrt(Rng.uniform(key, 0));
                double angle = 2 * Math.PI * Rng.uniform(key, 1);
                sx = box.getCenterX() + radius * box.getWidth() / 2 * Math.cos(angle);
                sy = box.getCenterY() + radius * box.getHeight() / 2 * Math.sin(angle);
            } else {
                City city = own.get((int) (Rng.uniform(key, 0) * own.size()));
                sx = city.x();
                sy = city.y();
                for (int attempt = 0; attempt < 8; attempt++) {
                    double tx = city.x() + JITTER_DEGREES * lonScale * Rng.normal(key, 1 + 2 * attempt);
                    double ty = city.y() + JITTER_DEGREES * Rng.normal(key, 2 + 2 * attempt);
                    if (outline.contains(tx, ty)) {
                        sx = tx;
                        sy = ty;
                        break;
                    }
                }
            }
            spotX[p][k] = (float) sx;
            spotY[p][k] = (float) sy;
        }
    }

    /** The spot index of enterprise {@code id}: its position in its region's spot table. */
    static int spot(long id) {
        return (int) (Rng.mix(id) >>> (64 - SPOT_BITS));
    }

    /** Map x of the spot {@code k} of region {@code p}. */
    float spotX(int p, int k) {
        return spotX[p][k];
    }

    /** Map y of the spot {@code k} of region {@code p}. */
    float spotY(int p, int k) {
        return spotY[p][k];
    }

    /** Map x of a longitude. */
    double x(double lon) {
        return (lon - lonMin) * lonScale;
    }

    /** Map y of a latitude. */
    double y(double lat) {
        return latMax - lat;
    }

    /** Number of regions. */
    int regions() {
        return names.length;
    }

    /** Region name. */
    String name(int p) {
        return names[p];
    }

    /** The region's outline in map units (a disc for regions not on the map). */
    Shape outline(int p) {
        return outlines[p];
    }

    /** Whether region {@code p} is drawn from the map data rather than as a disc. */
    boolean fromMap(int p) {
        return fromMap[p];
    }

    /** The region's scenario centre in map units: where its name and its flows attach. */
    Point2D.Double anchor(int p) {
        return anchors[p];
    }

    /** The cities of regions drawn from the map. */
    List<City> cities() {
        return cities;
    }

    /** Width of the map in map units. */
    double width() {
        return width;
    }

    /** Height of the map in map units. */
    double height() {
        return height;
    }

    private static double lon(RegionSpec r) {
        return r.center().get(0);
    }

    private static double lat(RegionSpec r) {
        return r.center().get(1);
    }

    /** Outer and inner rings of each province of the GeoJSON, by English name. */
    private static Map<String, List<double[][]>> provinceRings() {
        JsonNode root;
        try (InputStream in = open(PROVINCES)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROVINCES, e);
        }
        Map<String, List<double[][]>> rings = new HashMap<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode geometry = feature.path("geometry");
            List<double[][]> own = new ArrayList<>();
            if (geometry.path("type").asText().equals("Polygon")) {
                addRings(geometry.path("coordinates"), own);
            } else {
                for (JsonNode polygon : geometry.path("coordinates")) {
                    addRings(polygon, own);
                }
            }
            rings.put(feature.path("properties").path("name").asText(), own);
        }
        return rings;
    }

    private static void addRings(JsonNode polygon, List<double[][]> out) {
        for (JsonNode ring : polygon) {
            double[][] points = new double[ring.size()][];
            for (int k = 0; k < ring.size(); k++) {
                points[k] = new double[] {ring.get(k).get(0).asDouble(), ring.get(k).get(1).asDouble()};
            }
            out.add(points);
        }
    }

    /** Rows of the city table as {name, province, lon, lat}. */
    private static List<String[]> cityRows() {
        List<String[]> rows = new ArrayList<>();
        try (Reader in = new InputStreamReader(open(CITIES), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(new String[] {r.get("city"), r.get("province"), r.get("lon"), r.get("lat")});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CITIES, e);
        }
        return rows;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Geography.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }
}
