package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Area;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.ScenarioLoader;

/** The map's geography: outlines, cities and where enterprises are placed. */
class GeographyTest {

    private static Scenario scenario(String file) throws Exception {
        return ScenarioLoader.load(Path.of(file)).scenario();
    }

    @Test
    void baselineProvincesComeFromTheMapWithTheir41Cities() throws Exception {
        Geography geo = Geography.of(scenario("scenarios/baseline.yaml"));
        assertEquals(4, geo.regions());
        for (int p = 0; p < geo.regions(); p++) {
            assertTrue(geo.fromMap(p), geo.name(p) + " is drawn from the map data");
            Set<Geography.City> own = new HashSet<>();
            for (Geography.City c : geo.cities()) {
                if (c.region() == p) {
                    own.add(c);
                    assertTrue(geo.outline(p).contains(c.x(), c.y()), c.name() + " lies in " + geo.name(p));
                }
            }
            assertEquals(switch (geo.name(p)) {
                case "Shanghai" -> 1;
                case "Jiangsu" -> 13;
                case "Zhejiang" -> 11;
                default -> 16;
            }, own.size(), "cities of " + geo.name(p));
        }
        assertEquals(41, geo.cities().size());
    }

    @Test
    void everySpotLiesInItsProvinceAndEveryCityGetsFirms() throws Exception {
        Geography geo = Geography.of(scenario("scenarios/baseline.yaml"));
        for (int p = 0; p < geo.regions(); p++) {
            Set<String> near = new HashSet<>();
            for (int k = 0; k < Geography.SPOTS; k++) {
                double x = geo.spotX(p, k);
                double y = geo.spotY(p, k);
                // float rounding may put a spot a hair outside a coastline: allow 1e-4 degrees
                assertTrue(geo.outline(p).intersects(x - 1e-4, y - 1e-4, 2e-4, 2e-4),
                        geo.name(p) + " spot " + k + " at " + x + "," + y + " is outside the province");
                near.add(nearestCity(geo, p, x, y));
            }
            int region = p;
            long cities = geo.cities().stream().filter(c -> c.region() == region).count();
            assertEquals(cities, near.size(), "every city of " + geo.name(p) + " has firms near it");
        }
    }

    private static String nearestCity(Geography geo, int p, double x, double y) {
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Geography.City c : geo.cities()) {
            double d = Math.hypot(c.x() - x, c.y() - y);
            if (c.region() == p && d < bestDistance) {
                best = c.name();
                bestDistance = d;
            }
        }
        return best;
    }

    @Test
    void placementIsAFunctionOfTheIdAndSpreadsFirms() {
        assertEquals(Geography.spot(123_456_789L), Geography.spot(123_456_789L));
        Set<Integer> used = new HashSet<>();
        for (long id = 0; id < 20_000; id++) {
            int k = Geography.spot(id);
            assertTrue(k >= 0 && k < Geography.SPOTS);
            used.add(k);
        }
        // 20,000 ids into 16,384 spots: a uniform hash fills 1 - exp(-20000/16384) = 70.5% of them.
        assertEquals(0.705, used.size() / (double) Geography.SPOTS, 0.02);
    }

    @Test
    void regionsNotOnTheMapAreDiscsAroundTheirCentres() throws Exception {
        Scenario s = scenario("scenarios/two-regions.yaml");
        Geography geo = Geography.of(s);
        assertFalse(geo.fromMap(0));
        assertFalse(geo.fromMap(1));
        assertTrue(geo.cities().isEmpty());
        for (int p = 0; p < 2; p++) {
            var bounds = geo.outline(p).getBounds2D();
            assertEquals(bounds.getWidth(), bounds.getHeight(), 1e-12, "a disc, not an ellipse");
            assertEquals(geo.anchor(p).x, bounds.getCenterX(), 1e-12, "centred on the region's centre");
            assertEquals(geo.y(s.regions().get(p).center().get(1)), bounds.getCenterY(), 1e-12);
            for (int k = 0; k < Geography.SPOTS; k++) {
                assertTrue(geo.outline(p).contains(geo.spotX(p, k), geo.spotY(p, k)));
            }
        }
        Area overlap = new Area(geo.outline(0));
        overlap.intersect(new Area(geo.outline(1)));
        assertTrue(overlap.isEmpty(), "discs do not overlap");
        assertTrue(geo.width() > 0 && geo.height() > 0 && geo.width() / geo.height() < 3);
        assertEquals(List.of("A", "B"), List.of(geo.name(0), geo.name(1)));
    }
}
